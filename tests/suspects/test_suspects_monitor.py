# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""The suspects and snapshot monitor commands, on a program that grows one
list between phases and keeps another flat (phases.c)."""

import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "monitor"))
from monitor import memroot_cmd, programs  # noqa: E402


@pytest.fixture
def phases(build, tmp_path):
    with programs() as start:
        yield start(memroot_cmd(), build("phases.c"), tmp_path)


def test_suspects_names_both_lists_now(phases):
    out = phases.vgdb("suspects", memroot_only=True)
    # 50 growing nodes (3,200 bytes) and 100 flat ones (6,400 bytes)
    assert out[0] == ("LEAK SUSPECTS: 2 suspects, each retaining or losing at"
                      " least 10.0% of the live heap (960 of 9,600 bytes)")
    heads = [l for l in out if l.startswith("Suspect ")]
    assert [h.split(":")[1].split(" in ")[0] for h in heads] \
        == [" global g_flat", " global g_growing"]
    assert "retains 6,400 bytes in 100 blocks (66.6% of the live heap)" in heads[0]
    phases.finish()


def test_suspects_threshold_leaves_the_smaller_list_out(phases):
    out = phases.vgdb("suspects threshold 50", memroot_only=True)
    assert out[0].startswith("LEAK SUSPECTS: 1 suspect, each retaining or"
                             " losing at least 50.0% of the live heap")
    phases.finish()


def test_suspects_growth_after_snapshots_names_the_growing_list(phases):
    assert phases.vgdb("snapshot") == ["snapshot 1 taken"]
    phases.next_phase()
    assert phases.vgdb("snapshot") == ["snapshot 2 taken"]
    phases.next_phase()
    out = phases.vgdb("suspects growth", memroot_only=True)
    assert out[0] == ("LEAK SUSPECTS BY GROWTH: 1 root grew at each snapshot,"
                      " the fastest first (2 snapshots taken)")
    assert out[2].startswith("Growth suspect 1 of 1: global g_growing in ")
    assert out[2].endswith(" retains 9,600 bytes in 150 blocks (60.0% of the"
                           " live heap), 3,200 bytes more at each snapshot")
    assert out[3] == (" Growth at each of its last 2 snapshots, in bytes:"
                      " +3,200, +3,200")
    phases.finish()


def test_suspects_growth_without_a_snapshot_says_so_and_takes_one(phases):
    out = phases.vgdb("suspects growth")
    assert out[0] == ("LEAK SUSPECTS BY GROWTH: no snapshot before this one to"
                      " compare with")
    phases.next_phase()
    out = phases.vgdb("suspects growth")
    assert out[0].startswith("LEAK SUSPECTS BY GROWTH: 1 root grew")
    phases.finish()


def test_flat_heap_between_snapshots_has_no_growth_suspect(phases):
    phases.vgdb("snapshot")
    out = phases.vgdb("suspects growth")
    assert out[0] == ("LEAK SUSPECTS BY GROWTH: no root grew at each of the"
                      " last 1 snapshots")
    phases.finish()


@pytest.mark.parametrize("command, complaint", [
    ("suspects threshold 0", "threshold needs a percentage between 0.01 and"
                             " 100: '0'"),
    ("suspects threshold", "threshold needs a percentage between 0.01 and 100"),
    ("suspects threshold 5x", "threshold needs a percentage between 0.01 and"
                              " 100: '5x'"),
    ("suspects sideways", "unknown suspects argument: 'sideways'"),
    ("snapshot now", "too many arguments"),
])
def test_malformed_suspects_command_gets_its_usage(phases, command, complaint):
    out = phases.vgdb(command)
    assert complaint in out
    assert "usage:" in out
    # and the program goes on
    assert phases.vgdb("snapshot") == ["snapshot 1 taken"]
    phases.finish()


def test_help_lists_the_suspects_commands(phases):
    out = phases.vgdb("help")
    assert "  suspects [growth] [threshold <percent>]" in out
    assert "  snapshot" in out
    phases.finish()
