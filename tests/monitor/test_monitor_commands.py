"""Monitor commands, sent mid-run with vgdb or from gdb, answer as
Memcheck's do, deltas included; malformed ones explain themselves."""

import pytest

from harness import NEW_LOSS_RECORD
from monitor import memcheck_cmd, memroot_cmd, programs


@pytest.fixture
def grows(build, tmp_path):
    prog = build("grows.c")
    with programs() as start:
        yield prog, lambda tool_cmd: start(tool_cmd, prog, tmp_path)


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


def summary(lines):
    """The five lines of the LEAK SUMMARY in a monitor command's output."""
    i = lines.index("LEAK SUMMARY:")
    return lines[i + 1:i + 6]


def test_second_check_reports_growth_with_deltas(grows, source_line):
    prog, start = grows
    first, second, _ = session(start(memroot_cmd()))
    # Phase 1: the kept list (3 x 32 bytes) and stdio's two 4,096-byte
    # buffers reachable; a lost list of 2: head definite, tail indirect.
    assert summary(first) == ["   definitely lost: 32 bytes in 1 blocks",
                              "   indirectly lost: 32 bytes in 1 blocks",
                              "     possibly lost: 0 bytes in 0 blocks",
                              "   still reachable: 8,288 bytes in 5 blocks",
                              "        suppressed: 0 bytes in 0 blocks"]
    # Phase 2 lost a list of 4 more: its head is the one record that grew
    # (its tail's record is indirect, not shown by default).
    assert [l for l in second if "loss record" in l] == [
        "128 (+128) (32 (+32) direct, 96 (+96) indirect) bytes in 1 (+1) "
        "blocks are definitely lost in %sloss record 5 of 7" % NEW_LOSS_RECORD]
    i = next(n for n, l in enumerate(second) if "loss record" in l)
    assert second[i + 1:i + 4] == [
        "   at 0x…: calloc (in vgpreload)",
        "   by 0x…: leak_list (grows.c:%d)" % source_line("grows.c", "lost"),
        "   by 0x…: main (grows.c:%d)" % source_line("grows.c", "more")]
    assert summary(second) == [
        "   definitely lost: 64 (+32) bytes in 2 (+1) blocks",
        "   indirectly lost: 128 (+96) bytes in 4 (+3) blocks",
        "     possibly lost: 0 (+0) bytes in 0 (+0) blocks",
        "   still reachable: 8,288 (+0) bytes in 5 (+0) blocks",
        "        suppressed: 0 (+0) bytes in 0 (+0) blocks"]


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
    assert ours == oracle
    # what the three commands say at phase 1: the lost list of 2 (the first
    # check: all of it is an increase), record 1 (its tail), the summary
    assert [l for l in ours if "loss record" in l
            or l.startswith("   definitely lost:")] == [
        "64 (+64) (32 (+32) direct, 32 (+32) indirect) bytes in 1 (+1) blocks "
        "are definitely lost in %sloss record 2 of 5" % NEW_LOSS_RECORD,
        "   definitely lost: 32 (+32) bytes in 1 (+1) blocks",
        "32 (+32) bytes in 1 (+1) blocks are indirectly lost in %sloss record 1 "
        "of 5" % NEW_LOSS_RECORD,
        "   definitely lost: 32 bytes in 1 blocks"]


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
    ("leak_check bogus",
     ["bogus does not match any of 'full summary xtleak kinds reachable "
      "possibleleak definiteleak heuristics increased changed any unlimited "
      "limited'", "unknown leak_check argument: 'bogus'"]),
    ("leak_check kinds sometimes",
     ["missing or malformed leak kinds set: 'sometimes'"]),
    ("leak_check limited 0", ["limited needs a number of loss records >= 1: '0'"]),
    ("block_list x", ["malformed loss record number or range: 'x'"]),
    ("block_list 3..1", ["malformed loss record number or range: '3..1'"]),
    ("who_points_at nowhere", ["missing or malformed address"]),
])
def test_malformed_command_says_what_and_shows_usage(grows, command, complaint):
    prog, start = grows
    r = start(memroot_cmd())
    r.vgdb("leak_check summary")
    out = r.vgdb(command)
    r.next_phase()                         # the program goes on
    r.finish()
    assert r.proc.returncode == 0
    assert out[:len(complaint) + 1] == complaint + ["usage:"]
    assert out[len(complaint) + 1].startswith("  " + command.split()[0] + " ")


def test_loss_record_out_of_range_says_how_many_there_are(grows):
    """Well-formed but out of range: no usage.  The check at phase 1 has 5
    records: the lost list's head and tail, the kept list, stdio's two
    buffers."""
    prog, start = grows
    r = start(memroot_cmd())
    r.vgdb("leak_check summary")
    out = r.vgdb("block_list 99")
    r.next_phase()
    r.finish()
    assert r.proc.returncode == 0
    assert out == ["invalid loss record nr 99: the last leak search has 5 "
                   "loss records"]
