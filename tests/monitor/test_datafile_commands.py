# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""Monitor commands of the data file and the profiles: `xtmemory` as
Memcheck's, `heap_profile`, `dump`.  grows.c keeps 3 nodes of 32 bytes and
loses a list of 2 before its first wait, 4 more before its second."""

import json
import os
import re
import subprocess

import pytest

from monitor import memcheck_cmd, memroot_cmd, programs

SRCDIR = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SCHEMA = os.path.join(SRCDIR, "docs", "memroot-data.schema.json")


@pytest.fixture
def grows(build, tmp_path):
    """start(tool_cmd, name): grows.c under the tool, in its own directory."""
    prog = build("grows.c")
    with programs() as start:
        yield lambda tool_cmd, name: start(tool_cmd, prog, tmp_path / name)


def annotate_totals(path):
    p = subprocess.run(["callgrind_annotate", path], stdout=subprocess.PIPE,
                       text=True, check=True)
    line = next(l for l in p.stdout.splitlines()
                if l.endswith("PROGRAM TOTALS"))
    return [int(n.replace(",", "")) for n in re.findall(r"([\d,]+) \(", line)]


def xtmemory_session(r, tmp):
    out = [r.vgdb("xtmemory %s/first.kcg" % tmp)]
    r.next_phase()
    out.append(r.vgdb("xtmemory %s/second.kcg" % tmp))
    r.finish()
    return out, [annotate_totals("%s/first.kcg" % tmp),
                 annotate_totals("%s/second.kcg" % tmp)]


def test_xtmemory_equals_memchecks(grows, tmp_path):
    ours, our_totals = xtmemory_session(grows(memroot_cmd(), "memroot"),
                                        tmp_path / "memroot")
    theirs, their_totals = xtmemory_session(grows(memcheck_cmd(), "memcheck"),
                                            tmp_path / "memcheck")
    assert our_totals == their_totals
    # curB curBk: the second phase adds a lost list of 4 nodes of 32 bytes.
    assert [b - a for a, b in zip(*our_totals)] == [128, 4]
    assert ours[0] == ["xtree memory report: %s/memroot/first.kcg" % tmp_path]


def test_xtmemory_default_name_is_memchecks(grows):
    r = grows(memroot_cmd(), "memroot")
    out = r.vgdb("xtmemory")
    r.finish()
    # Relative to the program's directory, where it is written.
    path = os.path.join(os.path.dirname(r.prefix),
                        "xtmemory.kcg.%d.1" % r.proc.pid)
    assert out == ["xtree memory report: %s" % path]
    assert os.path.exists(path)


def test_xtmemory_too_many_arguments_shows_usage(grows):
    r = grows(memroot_cmd(), "memroot")
    out = r.vgdb("xtmemory a b")
    r.finish()
    assert out[:3] == ["too many arguments", "usage:",
                       "  xtmemory [<filename>]"]


def test_heap_profile_prints_the_profile_now(grows):
    r = grows([*memroot_cmd(), "--heap-profile=yes"], "memroot")
    out = r.vgdb("heap_profile sort allocs top 1")
    r.finish()
    # Four sites: the kept list, the lost list, and the C library's
    # buffers for stdout and stdin; 2 blocks of the lost list are the
    # most allocs at one site but the 3 of the kept list.
    assert out[0] == ("HEAP PROFILE: 1 of 4 allocation sites, by allocs "
                      "(time = bytes allocated so far)")
    assert out[3] == "site 1 of 4: 3 allocs, 96 bytes allocated"
    assert out[4] == ("  live: 96 bytes in 3 blocks (peak 96 bytes, peak 3 "
                      "blocks)")


def test_heap_profile_needs_the_profile(grows):
    r = grows(memroot_cmd(), "memroot")
    out = r.vgdb("heap_profile")
    r.finish()
    assert out == ["The allocation-site profile is off: run with "
                   "--heap-profile=yes or --memroot-out-file=<file>"]


@pytest.mark.parametrize("args,what", [
    ("sort size", ["unknown sort key: 'size'"]),
    ("sort", ["sort needs a key"]),
    ("top 0", ["top needs a number of sites >= 1: '0'"]),
    ("top x", ["top needs a number of sites >= 1: 'x'"]),
    ("bottom 3", ["bottom does not match any of 'sort top'",
                  "unknown heap_profile argument: 'bottom'"]),
])
def test_malformed_heap_profile_shows_usage(grows, args, what):
    r = grows([*memroot_cmd(), "--heap-profile=yes"], "memroot")
    out = r.vgdb("heap_profile " + args)
    r.finish()
    assert out[:len(what) + 2] == what + [
        "usage:", "  heap_profile [sort <key>] [top <n>]"]


def test_dump_writes_a_data_file_mid_run(grows, tmp_path):
    import jsonschema
    r = grows(memroot_cmd(), "memroot")
    path = tmp_path / "mid.json"
    out = r.vgdb("dump %s" % path)
    r.vgdb("xtmemory %s/now.kcg" % tmp_path)
    r.finish()
    assert out == ["memroot data file: %s" % path]
    with open(path) as f:
        data = json.load(f)
    with open(SCHEMA) as f:
        jsonschema.validate(data, json.load(f))
    assert data["reason"] == "monitor"
    # What the heap holds then, as xtree memory counts it.
    assert [data["heap"]["in_use"]["bytes"], data["heap"]["in_use"]["blocks"]] \
        == annotate_totals("%s/now.kcg" % tmp_path)
    # The search the dump made: the kept list, shared by the global `kept`
    # and main's frame (its loop variable still points at the head).
    [kept] = [b for b in data["retention"]["shared_blocks"]
              if {"kind": "global", "symbol": "kept"}.items()
              <= b["reached_from"][0].items()]
    assert kept["retained"] == {"bytes": 96, "blocks": 3}
    # No leak check was asked for yet.
    assert data["leak"] is None


def test_dump_default_name(grows):
    r = grows(memroot_cmd(), "memroot")
    out = r.vgdb("dump")
    r.finish()
    path = os.path.join(os.path.dirname(r.prefix),
                        "memroot.out.%d.1" % r.proc.pid)
    assert out == ["memroot data file: %s" % path]
    assert os.path.exists(path)


def test_dump_too_many_arguments_shows_usage(grows):
    r = grows(memroot_cmd(), "memroot")
    out = r.vgdb("dump a b")
    r.finish()
    assert out[:3] == ["too many arguments", "usage:", "  dump [<filename>]"]
