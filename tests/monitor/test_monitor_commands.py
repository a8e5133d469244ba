"""Monitor commands, sent mid-run with vgdb or from gdb, answer as
Memcheck's do, deltas included; malformed ones explain themselves."""

import pytest

from monitor import Running, memcheck_cmd, memroot_cmd


@pytest.fixture
def grows(build, tmp_path):
    prog = build("grows.c")
    started = []

    def start(tool_cmd):
        r = Running(tool_cmd, prog, str(tmp_path))
        started.append(r)
        return r
    yield prog, start
    for r in started:
        if r.proc.poll() is None:
            r.proc.kill()


def session(r):
    """leak_check, leak more, leak_check increased, block_list, finish."""
    first = r.vgdb("leak_check full reachable any")
    r.next_phase()
    second = r.vgdb("leak_check full increased")
    blocks = r.vgdb("block_list 2")
    r.finish()
    return first, second, blocks


def test_vgdb_leak_checks_and_deltas_equal_memchecks(grows):
    prog, start = grows
    assert session(start(memroot_cmd())) == session(start(memcheck_cmd()))


def test_second_check_reports_growth_with_deltas(grows):
    prog, start = grows
    first, second, _ = session(start(memroot_cmd()))
    assert "   definitely lost: 32 bytes in 1 blocks" in first
    assert ("128 (+64) (32 (+0) direct, 96 (+64) indirect) bytes in 1 (+0) blocks"
            " are definitely lost in loss record 4 of 4") not in second
    assert any(l.startswith("   definitely lost: 64 (+32) bytes in 2 (+1) blocks")
               for l in second)


def test_gdb_monitor_commands_equal_memchecks(grows):
    prog, start = grows
    cmds = ("monitor leak_check full increased", "monitor block_list 1",
            "monitor leak_check summary any")

    def run(tool):
        r = start(tool)
        out = r.gdb(prog, *cmds)
        r.finish()
        return [l for l in out if not l.startswith(("0x…", "Remote debugging"))]
    ours, oracle = run(memroot_cmd()), run(memcheck_cmd())
    assert ours and ours == oracle


def test_who_points_at_names_the_global_that_holds_a_block(grows, source_line):
    prog, start = grows
    r = start(memroot_cmd())
    out = r.gdb(prog, 'eval "monitor who_points_at 0x%lx", (long)kept',
                memroot_only=True)
    r.finish()
    i = next(n for n, l in enumerate(out) if l.startswith("*0x… points at 0x…"))
    assert 'Address 0x… is 0 bytes inside data symbol "kept"' in out[i + 1], out
    # the global was last assigned in main's loop
    assert out[i + 2].endswith(": main (grows.c:%d)" % source_line("grows.c", "kept")), out


@pytest.mark.parametrize("command, complaint", [
    ("leak_check bogus", "unknown leak_check argument: 'bogus'"),
    ("leak_check kinds sometimes", "missing or malformed leak kinds set: 'sometimes'"),
    ("leak_check limited 0", "limited needs a number of loss records >= 1: '0'"),
    ("block_list x", "malformed loss record number or range: 'x'"),
    ("block_list 3..1", "malformed loss record number or range: '3..1'"),
    ("block_list 99", "invalid loss record nr 99"),
    ("who_points_at nowhere", "usage:"),
])
def test_malformed_command_says_what_and_shows_usage(grows, command, complaint):
    prog, start = grows
    r = start(memroot_cmd())
    r.vgdb("leak_check summary")
    out = "\n".join(r.vgdb(command))
    r.next_phase()                         # the program goes on
    r.finish()
    assert r.proc.returncode == 0
    assert complaint in out
    assert "usage:" in out or "invalid loss record nr" in out
