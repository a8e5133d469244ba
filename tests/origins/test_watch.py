# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""Watching one block (monitor watch, --watch-block): every store and drop
of a pointer to it is an error of its own, with its stack and the count of
pointers holding it, and stops gdb with --vgdb-error; block_list and
who_points_at say where a block lost its last pointer."""

import os
import re
import subprocess
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                os.pardir, "monitor"))
from monitor import memroot_cmd, programs  # noqa: E402

ORIGINS = [*memroot_cmd(), "--leak-origins=yes"]


@pytest.fixture
def watched(build, tmp_path):
    prog = build("watched.c")
    with programs() as start:
        yield prog, lambda cmd=ORIGINS: start(cmd, prog, tmp_path)


def events(log):
    """(what, count, function, line) of each watch error of a log."""
    lines = [re.sub(r"^==\d+== ?", "", l) for l in log.splitlines()]
    out = []
    for i, l in enumerate(lines):
        m = re.match(r"(Store|Drop) of a pointer to watched block 0x[0-9a-f]+"
                     r"(?: \((\S+)\))?: (\d+) pointers? holds? it now$", l)
        if m:
            f = re.match(r"\s+at 0x[0-9A-F]+: (\w+) \(watched\.c:(\d+)\)$", lines[i + 1])
            out.append((m[1], m[2], int(m[3]), f[1] if f else lines[i + 1],
                        int(f[2]) if f else None))
    return out


def expected(source_line):
    return [("Store", None, 2, "share", source_line("watched.c", "store")),
            ("Drop", "overwritten", 1, "forget", source_line("watched.c", "drop_first")),
            ("Drop", "overwritten", 0, "forget", source_line("watched.c", "drop_second"))]


def test_vgdb_watch_reports_each_store_and_drop(watched, source_line):
    prog, start = watched
    r = start()
    r.vgdb("leak_check full reachable any")
    # The 32-byte block is the smallest: loss record 1.
    assert r.vgdb("watch record 1") == ["watching block 0x…: 1 pointer holds it now"]
    r.next_phase()
    r.finish()
    assert events(r.proc.stderr.read()) == expected(source_line)


def test_gdb_stops_at_each_store_and_drop(watched, source_line):
    prog, start = watched
    r = start()
    r.vgdb("v.set vgdb-error 0")
    out = r.gdb(prog, 'eval "monitor watch 0x%lx", (long)g_first')
    assert "watching block 0x…: 1 pointer holds it now" in out
    r.proc.stdin.write("\n")
    r.proc.stdin.flush()
    # The first event stops the program until gdb comes.
    for line in r.proc.stderr:
        if "vgdb me" in line:
            break
    out = r.gdb(prog, "bt 1", "continue", "bt 1", "continue", "bt 1")
    stops = [(m[1], int(m[2])) for m in
             (re.match(r"#0 .*?(\w+) \(\) at \S*watched\.c:(\d+)$", l) for l in out) if m]
    assert stops == [(e[3], e[4]) for e in expected(source_line)]
    r.wait_phase()
    r.finish()


def test_unwatch_ends_the_reports(watched):
    prog, start = watched
    r = start()
    r.vgdb("leak_check full reachable any")
    r.vgdb("watch record 1")
    assert r.vgdb("unwatch") == ["no longer watching block 0x…"]
    r.next_phase()
    r.finish()
    assert events(r.proc.stderr.read()) == []


def lost_block_address(r):
    """At the second phase: the address of the lost 32-byte block."""
    r.vgdb("leak_check full")
    listed = r.vgdb("block_list 1", raw=True)
    return next(m[1] for m in (re.match(r"(?:==\d+== )?(0x[0-9a-fA-F]+)\[32\]$", l)
                               for l in listed) if m)


def test_watch_block_option_watches_from_the_start(watched, source_line):
    from harness import VG_IN_PLACE
    prog, start = watched
    r = start()
    r.next_phase()
    addr = lost_block_address(r)
    r.finish()
    # Valgrind's heap is laid out the same in every run of the program.
    log = subprocess.run([VG_IN_PLACE, "--watch-block=%s" % addr, prog],
                         input="\n\n", capture_output=True, text=True).stderr
    assert events(log)[-3:] == expected(source_line)


@pytest.mark.parametrize("command, complaint", [
    ("watch", ["missing address or record"]),
    ("watch zz", ["malformed address (0x followed by at most 16 hex digits): 'zz'"]),
    ("watch 0x10", ["no live heap block starts at 0x…"]),
    ("watch record 0", ["record needs a loss record number >= 1: '0'"]),
    ("watch 0x10 more", ["too many arguments"]),
])
def test_bad_watch_arguments_say_what_is_wrong(watched, command, complaint):
    prog, start = watched
    r = start()
    out = r.vgdb(command)
    r.finish()
    assert out[:len(complaint)] == complaint, out


def test_watch_without_origins_says_what_it_needs(watched):
    prog, start = watched
    r = start(memroot_cmd())
    out = r.vgdb("watch 0x4a3a040")
    r.finish()
    assert out == ["watch needs --leak-origins=yes (or --watch-block) from the start:"
                   " only then are pointer stores followed"]


def test_block_list_and_who_points_at_name_the_last_drop(watched, source_line):
    prog, start = watched
    r = start()
    r.next_phase()
    addr = lost_block_address(r)
    listed = r.vgdb("block_list 1", memroot_only=True)
    who = r.vgdb("who_points_at %s" % addr, memroot_only=True)
    r.finish()
    drop = "forget (watched.c:%d)" % source_line("watched.c", "drop_second")
    i = listed.index(" Its last pointer was overwritten at")
    assert listed[i + 1].endswith(drop), listed
    assert " It was held by global g_second," in listed
    assert "0 marked words hold 0x… (--leak-origins=yes)" in who, who
    i = who.index(" Its last pointer was overwritten at")
    assert who[i + 1].endswith(drop), who
