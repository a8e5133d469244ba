"""The tracked scan (the default: a word counts only if a heap pointer was
stored into it since its memory became live) and the conservative scan
(--leak-scan=conservative: every aligned word counts) agree on the corpus,
except where a stale pointer sits in memory that Memcheck considers
uninitialised.  Those scenarios are named in STALE with the reason and the
exact blocks the conservative scan finds through the stale pointer: the
verdict of the fixture's header (Memcheck's, which the tracked scan equals:
test_leak_parity.py) with those blocks moved to still reachable."""

import os
from dataclasses import dataclass

import pytest

import harness
import verdicts
from test_leak_parity import FIXTURES, FULL

HERE = os.path.dirname(os.path.abspath(__file__))

DEAD_FRAME = ("a copy of the pointer is left in the dead frame of the function "
              "that allocated it; later calls (exit's) reuse that stack without "
              "writing the word, and Memcheck sees it as uninitialised")


@dataclass
class Stale:
    """Why a fixture's conservative verdict differs, and how: the changes
    to its header's verdict, (kind, bytes, blocks), in one process."""
    reason: str
    changes: tuple
    process: int = 0


def _found(kind, nbytes, blocks):
    """Blocks of kind that the stale pointer makes still reachable."""
    return ((kind, -nbytes, -blocks), ("still reachable", nbytes, blocks))


STALE = {
    "lost_one_block.c": Stale(DEAD_FRAME, _found("definitely lost", 100, 1)),
    "indirect_only.c": Stale(
        DEAD_FRAME + "; the document holds the rest",
        _found("definitely lost", 48, 1) + _found("indirectly lost", 405, 7)),
    "cxx_arrays.cpp": Stale(
        DEAD_FRAME + " (of new Item[3], the pointer 8 bytes in that new[] "
        "returned: reachable through the newarray heuristic)",
        _found("definitely lost", 56, 1) + (("heuristic newarray", 56, 1),)),
    "cxx_multiple_inheritance.cpp": Stale(
        DEAD_FRAME + " (the start pointer make() returned)",
        _found("definitely lost", 32, 1)),
    "deep_recursion_exit.c": Stale(
        DEAD_FRAME + " (one dropped 8-byte block, in one of the 200 "
        "recursion frames)", _found("definitely lost", 8, 1)),
    "fork_both_report.c": Stale(
        DEAD_FRAME + " (the 30-byte block the child drops)",
        _found("definitely lost", 30, 1), process=1),
    "mmap_root.c": Stale(
        "the only live copy of the 200-byte block's pointer was in the "
        "unmapped page; a stale copy remains in a dead stack frame",
        _found("definitely lost", 200, 1)),
    "stack_root_exit.c": Stale(
        "a stale start pointer to the 40-byte block in a dead frame; "
        "Memcheck finds only the live interior pointer, so the block is "
        "possibly lost", _found("possibly lost", 40, 1)),
}
# Some stale copies come and go with the stack use of Valgrind's own
# allocator replacement and exit path, which changes between releases.
STALE.update({
    (3, 19): {
        "heuristic_multipleinheritance.cpp": Stale(
            "a stale start pointer from the construction in a dead frame; "
            "Memcheck finds only the Right* interior pointer, accepted by the "
            "heuristic: the object is reachable without it",
            (("heuristic multipleinheritance", -32, -1),)),
    },
    (3, 24): {
        "interior_pointer_global.c": Stale(
            "a stale start pointer in the dead part of the main thread's "
            "stack; Memcheck finds only the global's interior pointer, so "
            "the block is possibly lost", _found("possibly lost", 64, 1)),
    },
}[harness.VALGRIND_VERSION])

AGREE = [f for f in FIXTURES if f not in STALE]


def summaries(rep):
    return [[c.summary for c in p.leak_checks] for p in rep.processes]


def records(rep):
    return [sorted(r.key() for r in c.loss_records)
            for p in rep.processes for c in p.leak_checks]


def _changed(summary, changes):
    out = dict(summary)
    for kind, nbytes, blocks in changes:
        b, n = out.get(kind, (0, 0))
        out[kind] = (b + nbytes, n + blocks)
        if kind.startswith("heuristic ") and out[kind] == (0, 0):
            del out[kind]       # Memcheck prints no empty heuristic line
    return out


@pytest.mark.parametrize("fixture", AGREE)
def test_tracked_and_conservative_scans_agree(corpus, fixture):
    prog = corpus(fixture)
    tracked = harness.memroot(prog, *FULL)
    conservative = harness.memroot(prog, *FULL, "--leak-scan=conservative")
    assert summaries(tracked) and all(summaries(tracked)), tracked.text
    assert summaries(conservative) == summaries(tracked)
    assert records(conservative) == records(tracked)


@pytest.mark.parametrize("fixture", STALE)
def test_conservative_scan_also_follows_the_stale_pointer(corpus, fixture):
    stale = STALE[fixture]
    stated = verdicts.expected(verdicts.verdicts(os.path.join(HERE, fixture)),
                               FULL)
    want = [[v.summary for v in checks] for checks in stated]
    assert len(want[stale.process]) == 1
    want[stale.process][0] = _changed(want[stale.process][0], stale.changes)
    rep = harness.memroot(corpus(fixture), *FULL, "--leak-scan=conservative")
    assert summaries(rep) == want, (stale.reason, rep.text)
