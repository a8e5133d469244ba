"""memroot's leak check reaches Memcheck's verdicts on the leak corpus.

Every fixture beside this file builds one leak scenario; its header comment
says what Memcheck concludes.  Each test runs a fixture under memroot and
under Memcheck with the same options and asserts, for every process (a
forked child reports on its own) and every leak check (mid-run client
requests, then the exit check), that both tools print:

- the same LEAK SUMMARY (with the "reachable via heuristic" lines),
- the same loss records (kind, total, direct and indirect bytes, blocks,
  allocation stack as function names), as a multiset first, then in
  Memcheck's order with Memcheck's numbering "loss record i of n",
- the same ERROR SUMMARY counts.
"""

import collections

import pytest

import harness

FULL = ("--leak-check=full", "--show-leak-kinds=all")
PTHREAD = ("-pthread",)

# fixture -> extra compiler flags
FIXTURES = {
    "lost_one_block.c": (),
    "start_pointer_global.c": (),
    "interior_pointer_global.c": (),
    "chain_reachable.c": (),
    "chain_lost.c": (),
    "tree_lost.c": (),
    "tree_partial.c": (),
    "cycle_reachable.c": (),
    "cycle_lost.c": (),
    "cycle_two_sites_lost.c": (),
    "possibly_lost_subtree.c": (),
    "indirect_only.c": (),
    "freed_holder.c": (),
    "globals_statics.c": (),
    "still_reachable_only.c": (),
    "tls_main_thread.c": (),
    "tls_other_thread.c": PTHREAD,
    "stack_root_exit.c": (),
    "deep_recursion_exit.c": (),
    "register_root.c": (),
    "mmap_root.c": (),
    "heuristic_stdstring.cpp": ("-D_GLIBCXX_USE_CXX11_ABI=0",),
    "heuristic_stdstring_cxx11_abi.cpp": (),
    "heuristic_length64.c": (),
    "heuristic_newarray.cpp": (),
    "heuristic_multipleinheritance.cpp": (),
    "cxx_arrays.cpp": (),
    "cxx_multiple_inheritance.cpp": (),
    "custom_malloclike.c": (),
    "mempool.c": (),
    "thread_dead_stack.c": PTHREAD,
    "thread_alive_at_exit.c": PTHREAD,
    "fork_both_report.c": (),
    "hidden_pointer.c": (),
    "unaligned_pointer.c": (),
    "many_blocks_10000.c": (),
    "deep_chain_100000.c": (),
    "realloc_blocks.c": (),
    "zero_sized_blocks.c": (),
}

HEURISTIC_FIXTURES = [f for f in FIXTURES if f.startswith("heuristic_")]

# What Memcheck's log must hold for a fixture to test anything: leak checks
# per process (mid-run VALGRIND_DO_LEAK_CHECKs come before the exit check).
CHECKS_PER_PROCESS = {
    "register_root.c": [3],
    "tls_other_thread.c": [2],
    "fork_both_report.c": [1, 1],
}


def _oracle_usable(fixture, oracle):
    """Fails (not an assertion: no expected failure hides it) when
    Memcheck's log does not show what the fixture is there to show."""
    expected = CHECKS_PER_PROCESS.get(fixture, [1])
    got = [len(p.leak_checks) for p in oracle.processes]
    if got != expected or any(p.errors is None for p in oracle.processes):
        pytest.fail("Memcheck's log of %s has %s leak checks per process, "
                    "expected %s:\n%s" % (fixture, got, expected, oracle.text))


def _keys(records):
    return collections.Counter(r.key() for r in records)


def _numbered(records):
    return [(r.number, r.total) + r.key() for r in records]


def _assert_same_leak_reports(ours, oracle):
    assert len(ours.processes) == len(oracle.processes), (
        "memroot's log shows %d processes, Memcheck's %d:\n%s"
        % (len(ours.processes), len(oracle.processes), ours.text))
    for mine, theirs in zip(ours.processes, oracle.processes):
        assert len(mine.leak_checks) == len(theirs.leak_checks), (
            "memroot printed %d leak checks, Memcheck %d:\n%s"
            % (len(mine.leak_checks), len(theirs.leak_checks), ours.text))
        for i, (a, b) in enumerate(zip(mine.leak_checks, theirs.leak_checks)):
            where = "leak check %d of %d" % (i + 1, len(theirs.leak_checks))
            assert a.all_freed == b.all_freed, where
            assert a.summary == b.summary, where
            assert _keys(a.loss_records) == _keys(b.loss_records), where
            assert _numbered(a.loss_records) == _numbered(b.loss_records), where
        assert ((mine.errors, mine.error_contexts)
                == (theirs.errors, theirs.error_contexts))


def _differ(ours, oracle):
    try:
        _assert_same_leak_reports(ours, oracle)
    except AssertionError:
        return True
    return False


def _compare(corpus, fixture, *opts):
    prog = corpus(fixture)
    ours = harness.memroot(prog, *opts)
    oracle = harness.memcheck_settled(
        prog, *opts, differs=lambda rep: _differ(ours, rep))
    _oracle_usable(fixture, oracle)
    _assert_same_leak_reports(ours, oracle)


@pytest.mark.parametrize("fixture", FIXTURES)
def test_full_leak_report_equals_memchecks(corpus, fixture):
    _compare(corpus, fixture, *FULL)


@pytest.mark.parametrize("fixture", FIXTURES)
def test_default_leak_summary_equals_memchecks(corpus, fixture):
    """No options: Memcheck's default --leak-check=summary at exit (mid-run
    client requests still list definite and possible records)."""
    _compare(corpus, fixture)


@pytest.mark.parametrize("heuristics", ["none", "all"])
@pytest.mark.parametrize("fixture", HEURISTIC_FIXTURES)
def test_heuristic_verdicts_equal_memchecks(corpus, fixture, heuristics):
    _compare(corpus, fixture, *FULL, "--leak-check-heuristics=" + heuristics)
