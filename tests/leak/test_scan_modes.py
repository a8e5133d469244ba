"""The tracked scan (the default: a word counts only if a heap pointer was
stored into it since its memory became live) and the conservative scan
(--leak-scan=conservative: every aligned word counts) agree on the corpus,
except where a stale pointer sits in memory that Memcheck considers
uninitialised.  Those scenarios are named here with the reason; in each,
the conservative scan can only find *more* pointers, so blocks move from
lost towards reachable and never the other way.  (The tracked scan equals
Memcheck on the whole corpus: test_leak_parity.py.)"""

import pytest

import harness
from test_leak_parity import FIXTURES, FULL

DEAD_FRAME = ("a copy of the pointer is left in the dead frame of the function "
              "that allocated it; later calls (exit's) reuse that stack without "
              "writing the word, and Memcheck sees it as uninitialised")

DIFFERS = {
    "lost_one_block.c": DEAD_FRAME,
    "indirect_only.c": DEAD_FRAME,
    "cxx_arrays.cpp": DEAD_FRAME,
    "cxx_multiple_inheritance.cpp": DEAD_FRAME,
    "deep_recursion_exit.c": DEAD_FRAME + " (one of the 200 recursion frames)",
    "fork_both_report.c": DEAD_FRAME + " (in the child)",
    "mmap_root.c": "the only live copy was in the unmapped page; a stale copy "
                   "remains in a dead stack frame",
    "stack_root_exit.c": "a stale start pointer in a dead frame; Memcheck finds "
                         "only the live interior pointer, so the block is "
                         "possibly lost",
}
# Some stale copies come and go with the stack use of Valgrind's own
# allocator replacement and exit path, which changes between releases.
DIFFERS.update({
    (3, 19): {
        "heuristic_multipleinheritance.cpp": "a stale start pointer from the "
                                             "construction in a dead frame; "
                                             "Memcheck finds only the Right* "
                                             "interior pointer, accepted by the "
                                             "heuristic",
    },
    (3, 24): {
        "interior_pointer_global.c": "a stale start pointer in the dead part "
                                     "of the main thread's stack; Memcheck "
                                     "finds only the global's interior "
                                     "pointer, so the block is possibly lost",
    },
}[harness.VALGRIND_VERSION])

# From the most to the least held.
ORDER = ["still reachable", "possibly lost", "indirectly lost", "definitely lost"]


def summaries(rep):
    return [c.summary for p in rep.processes for c in p.leak_checks]


def records(rep):
    return [sorted(r.key() for r in c.loss_records)
            for p in rep.processes for c in p.leak_checks]


def held_at_least(summary, kind):
    """Blocks classified as kind or as something more held than kind."""
    return sum(summary[k][1] for k in ORDER[:ORDER.index(kind) + 1])


@pytest.mark.parametrize("fixture", FIXTURES)
def test_tracked_and_conservative_scans_agree_but_where_named(corpus, fixture):
    prog = corpus(fixture)
    tracked = harness.memroot(prog, *FULL)
    conservative = harness.memroot(prog, *FULL, "--leak-scan=conservative")
    assert summaries(tracked), tracked.text
    if fixture not in DIFFERS:
        assert summaries(conservative) == summaries(tracked)
        assert records(conservative) == records(tracked)
        return
    assert summaries(conservative) != summaries(tracked), (
        "%s no longer differs: drop it from DIFFERS" % fixture)
    for c, t in zip(summaries(conservative), summaries(tracked)):
        for kind in ORDER:
            assert held_at_least(c, kind) >= held_at_least(t, kind), (c, t)
