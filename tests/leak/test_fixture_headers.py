# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""Every fixture header that states Memcheck's verdict states it truly.

A fixture's header comment says what it builds and, in verdict sentences
(tests/verdicts.py, docs/testing.md), what Memcheck concludes: the LEAK
SUMMARY of each leak check of each process, with the options it holds
with.  These tests run Memcheck (never memroot) on each such fixture and
require exactly what its header states, so a header cannot drift from the
program it describes."""

import functools
import glob
import os

import pytest

import harness
import verdicts
from test_leak_parity import FIXTURES

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)

# Threads and memroot's client requests.
RETENTION_THREADS = ("-pthread", "-I", os.path.join(harness.TOP, "memroot"),
                     "-I", "/usr/include/valgrind")

# Fixtures with a verdict, relative to tests/, and their compiler flags:
# the leak corpus, then fixtures of other areas whose tests rely on a verdict.
HEADERS = {**{"leak/" + name: flags for name, flags in FIXTURES.items()},
           "leak_ci/every_kind.c": (),
           "leak_ci/leaky_ci.c": (),
           "origins/held_list.c": (),
           "origins/global_overwrite.c": (),
           "origins/heap_overwrite.c": (),
           "origins/local_overwrite.c": (),
           "origins/frame_return.c": (),
           "origins/holder_freed.c": (),
           "origins/realloc_moved.c": (),
           "origins/list_head.c": (),
           "origins/register_only.c": (),
           "origins/syscall_drop.c": (),
           "retention/interior.c": (),
           "retention/exit_threads.c": RETENTION_THREADS,
           "retention/exited_thread.c": RETENTION_THREADS,
           "suspects/registry.c": (),
           "suspects/fifty_globals.c": (),
           "suspects/sessions.c": (),
           "suspects/lost.c": (),
           "suspects/growing.c": RETENTION_THREADS,
           "suspects/periodic.c": (),
           "hostile/big_numbers.c": (),
           "hostile/custom_filled_before.c": ()}


def _path(name):
    return os.path.join(TESTS, name)


def _cases():
    for name in HEADERS:
        try:
            sets = verdicts.option_sets(verdicts.verdicts(_path(name)))
        except ValueError:
            sets = [verdicts.FULL]    # the test reports the header's fault
        for opts in sets:
            yield pytest.param(name, opts,
                               id="%s-%s" % (name, " ".join(opts) or "defaults"))


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    outdir = str(tmp_path_factory.mktemp("headers"))

    @functools.lru_cache(maxsize=None)
    def _build(name):
        sub = os.path.join(outdir, os.path.dirname(name))
        os.makedirs(sub, exist_ok=True)
        return harness.compile_fixture(_path(name), sub, HEADERS[name])
    return _build


@pytest.mark.parametrize("name, opts", _cases())
def test_header_states_memchecks_leak_summary(compiled, name, opts):
    stated = verdicts.expected(verdicts.verdicts(_path(name)), opts)
    rep = harness.memcheck_settled(
        compiled(name), *opts,
        differs=lambda r: (verdicts.keys(verdicts.observed(r, stated, opts),
                                         opts)
                           != verdicts.keys(stated, opts)))
    seen = verdicts.observed(rep, stated, opts)
    assert verdicts.keys(seen, opts) == verdicts.keys(stated, opts), (
        "%s, run with %s:\nthe header states\n  %s\nMemcheck printed\n  %s"
        % (name, " ".join(opts) or "the defaults",
           "\n  ".join(verdicts.render(v) for p in stated for v in p),
           "\n  ".join(verdicts.render(v) for p in seen for v in p)))


def test_every_corpus_fixture_is_listed_and_states_a_verdict():
    on_disk = sorted(os.path.basename(p) for p in
                     glob.glob(os.path.join(HERE, "*.c")) +
                     glob.glob(os.path.join(HERE, "*.cpp")))
    assert on_disk == sorted(FIXTURES)
    silent = [n for n in on_disk if not verdicts.verdicts(os.path.join(HERE, n))]
    assert silent == []


def test_every_header_with_a_verdict_is_checked():
    """A verdict added to another fixture's header is checked too, once
    the fixture is in HEADERS: none is left unchecked."""
    found = []
    for ext in ("c", "cpp"):
        for p in glob.glob(os.path.join(TESTS, "**", "*." + ext), recursive=True):
            if verdicts.states_verdict(p):
                found.append(os.path.relpath(p, TESTS))
    assert sorted(found) == sorted(HEADERS)


def test_verdict_sentence_reads_kinds_notes_and_qualifiers():
    v = verdicts.parse_verdict(
        "Memcheck, with --leak-check-heuristics=none, child, check 2 of 3: "
        "definitely lost 1,600 bytes in 200 blocks (10 loss records), "
        "still reachable 133 bytes in 2 blocks (2 loss records; via "
        "heuristic stdstring: 125 bytes in 1 block).")
    assert v.options == ("--leak-check-heuristics=none",)
    assert (v.process, v.check, v.checks) == (1, 2, 3)
    assert v.summary == {"definitely lost": (1600, 200),
                         "indirectly lost": (0, 0), "possibly lost": (0, 0),
                         "still reachable": (133, 2), "suppressed": (0, 0),
                         "heuristic stdstring": (125, 1)}
    assert v.records == {"definitely lost": 10, "still reachable": 2}
    assert verdicts.render(v) == v.text
    freed = verdicts.parse_verdict("Memcheck: all heap blocks were freed.")
    assert freed.all_freed and freed.summary == {}


@pytest.mark.parametrize("sentence", [
    "Memcheck: definitely lost 100 bytes in 1 block",            # no period
    "Memcheck: lost 100 bytes in 1 block.",                      # no such kind
    "Memcheck: definitely lost 100 bytes.",                      # no blocks
    "Memcheck: definitely lost 1 byte in 1 block, definitely lost 2 bytes "
    "in 1 block.",                                               # kind twice
    "Memcheck, at exit: definitely lost 100 bytes in 1 block.",  # qualifier
    "Memcheck, check 4 of 3: definitely lost 100 bytes in 1 block.",
    "Memcheck, with none: possibly lost 72 bytes in 1 block.",
    "Memcheck: possibly lost 72 bytes in 1 block (via heuristic length64: "
    "72 bytes in 1 block).",                     # heuristics make reachable
    "Memcheck: definitely lost 100 bytes in 1 block (the head).",  # prose
])
def test_malformed_verdict_is_refused(sentence):
    with pytest.raises(ValueError):
        verdicts.parse_verdict(sentence)


def test_each_check_needs_its_verdict():
    one = verdicts.parse_verdict("Memcheck, check 1 of 2: still reachable "
                                 "80 bytes in 1 block.")
    with pytest.raises(ValueError):
        verdicts.expected([one], verdicts.FULL)
    child = verdicts.parse_verdict("Memcheck, child: definitely lost 50 "
                                   "bytes in 2 blocks.")
    with pytest.raises(ValueError):
        verdicts.expected([child], verdicts.FULL)
