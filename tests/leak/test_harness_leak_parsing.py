"""The harness reads Memcheck's leak reports the way the parity tests need:
per process, per leak check, with whole C++ function names.  The numbers
are Memcheck's verdicts, as each fixture's header states them."""

from harness import memcheck

FULL = ("--leak-check=full", "--show-leak-kinds=all")


def test_fork_log_gives_parent_then_child(build):
    rep = memcheck(build("fork_both_report.c"), *FULL)
    parent, child = rep.processes
    assert parent.pid != child.pid
    assert parent.leak["definitely lost"] == (60, 2)
    assert child.leak["definitely lost"] == (50, 2)
    assert parent.errors == child.errors == 2


def test_each_mid_run_check_has_its_own_records(build):
    checks = memcheck(build("register_root.c"), *FULL).leak_checks
    assert [c.all_freed for c in checks] == [False, False, True]
    assert checks[0].summary["still reachable"] == (80, 1)
    assert [r.kind for r in checks[0].loss_records] == ["still reachable"]
    assert checks[1].summary["definitely lost"] == (80, 1)
    assert [r.kind for r in checks[1].loss_records] == ["definitely lost"]
    assert checks[2].loss_records == []


def test_frames_keep_whole_cxx_names(build):
    rep = memcheck(build("cxx_arrays.cpp"), *FULL)
    tops = sorted((r.bytes, r.stack[0], r.stack[1]) for r in rep.loss_records)
    assert tops == [(16, "operator new(unsigned long)", "drop_arrays()"),
                    (32, "operator new[](unsigned long)", "drop_arrays()"),
                    (56, "operator new[](unsigned long)", "drop_arrays()"),
                    (64, "operator new[](unsigned long)", "main")]


def test_heuristic_lines_join_the_summary(build):
    rep = memcheck(build("heuristic_stdstring.cpp",
                         ("-D_GLIBCXX_USE_CXX11_ABI=0",)), *FULL)
    assert rep.leak["still reachable"] == (133, 2)
    assert rep.leak["heuristic stdstring"] == (125, 1)
