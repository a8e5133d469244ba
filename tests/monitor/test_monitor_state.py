"""A monitor command keeps working as long as the leak search it reads is
valid, whatever other commands ran meanwhile, and numbers and addresses
are read as who_points_at reads them: 0x-hex addresses of at most 16
digits, counts in decimal, 0x-hex or 0b-binary."""

import pytest

from monitor import memroot_cmd, programs


@pytest.fixture
def grows(build, tmp_path):
    with programs() as start:
        yield start(memroot_cmd(), build("grows.c"), tmp_path)


def text(lines):
    return "\n".join(lines)


def test_retention_paths_do_not_spoil_the_loss_records(grows):
    grows.vgdb("leak_check full reachable any")
    first = text(grows.vgdb("retention_path record 3"))
    again = text(grows.vgdb("retention_path record 3"))
    blocks = text(grows.vgdb("block_list 3"))
    assert "is retained through" in first and first == again
    assert "no leak search done yet" not in blocks
    assert "96 bytes in 3 blocks are still reachable in loss record 3 of 5" \
        in blocks
    grows.finish()


def test_allocations_after_a_leak_check_leave_block_list_working(grows):
    grows.vgdb("leak_check full reachable any")
    grows.next_phase()            # the program leaks more; frees nothing
    assert "no leak search done yet" not in text(grows.vgdb("block_list 1"))
    grows.finish()


@pytest.mark.parametrize("word", ["77836352", "0x", "0x" + "f" * 17,
                                  "0x" + "1" * 5000, "0xzz"])
def test_retention_path_rejects_a_malformed_address(grows, word):
    out = text(grows.vgdb("retention_path " + word))
    assert "malformed address (0x followed by at most 16 hex digits)" in out
    assert "usage:" in out
    grows.finish()


def test_limited_takes_any_positive_number(grows):
    out = text(grows.vgdb("retention limited 0x7fffffffffffffff"))
    assert "RETENTION BY ROOT:" in out
    out = text(grows.vgdb("leak_check full reachable any limited 99999999999"))
    assert "LEAK SUMMARY:" in out
    out = text(grows.vgdb("leak_check full reachable any limited 0b10"))
    assert out.count("in loss record") == 2
    grows.finish()


@pytest.mark.parametrize("command,why", [
    ("retention limited 0", "limited needs a number of roots >= 1"),
    ("retention limited 1e9", "limited needs a number of roots >= 1"),
    ("block_list 99999999999", "malformed loss record number or range"),
    ("block_list 3..1", "malformed loss record number or range"),
    ("retention_path record 0", "record needs a loss record number >= 1"),
])
def test_malformed_numbers_say_what_was_wrong(grows, command, why):
    out = text(grows.vgdb(command))
    assert why in out and "usage:" in out
    grows.finish()
