# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""--xtree-memory=allocs|full writes Valgrind's xtree memory file, read
with callgrind_annotate (callgrind format) and ms_print (Massif's format,
chosen by a .ms name), with the numbers Memcheck writes for the same
program (xtmem.c's header gives them)."""

import re
import subprocess

import pytest

from harness import memcheck, memroot


def xtree_file(tool, prog, tmp_path, mode, ext):
    path = tmp_path / ("%s.%s" % (tool.__name__, ext))
    rep = tool(prog, "--xtree-memory=" + mode,
               "--xtree-memory-file=%s" % path)
    assert rep.returncode == 0, rep.text
    assert "xtree memory report: %s" % path in rep.text
    return str(path)


def annotate(path):
    """callgrind_annotate's lines, without the file's name and pid."""
    p = subprocess.run(["callgrind_annotate", "--inclusive=yes", path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, check=True)
    return [l for l in p.stdout.splitlines()
            if not l.startswith(("Profile data file", "Profiled target"))]


def totals(lines):
    line = next(l for l in lines if l.endswith("PROGRAM TOTALS"))
    return [int(n.replace(",", "")) for n in
            re.findall(r"([\d,]+) \(", line)]


def ms_print(path):
    """ms_print's lines, without the command and the file's name."""
    p = subprocess.run(["ms_print", path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, check=True)
    return [l for l in p.stdout.splitlines()
            if not l.startswith(("Command:", "ms_print arguments:"))]


def test_full_callgrind_format_equals_memchecks(build, tmp_path):
    prog = build("xtmem.c")
    ours = annotate(xtree_file(memroot, prog, tmp_path, "full", "kcg"))
    theirs = annotate(xtree_file(memcheck, prog, tmp_path, "full", "kcg"))
    assert ours == theirs
    # curB curBk totB totBk totFdB totFdBk
    assert totals(ours) == [1664, 6, 3464, 11, 1800, 5]


def test_allocs_callgrind_format_equals_memchecks(build, tmp_path):
    prog = build("xtmem.c")
    ours = annotate(xtree_file(memroot, prog, tmp_path, "allocs", "kcg"))
    theirs = annotate(xtree_file(memcheck, prog, tmp_path, "allocs", "kcg"))
    assert ours == theirs
    assert totals(ours) == [1664, 6]          # curB curBk


@pytest.mark.parametrize("mode", ["full", "allocs"])
def test_massif_format_equals_memchecks(build, tmp_path, mode):
    prog = build("xtmem.c")
    ours = ms_print(xtree_file(memroot, prog, tmp_path, mode, "ms"))
    theirs = ms_print(xtree_file(memcheck, prog, tmp_path, mode, "ms"))
    # The snapshots' time is the run's, in ms: the one thing that differs.
    # The graph's scale and the snapshots' time column carry it; the
    # snapshot table and the trees below it must be equal.  ms_print
    # right-aligns the time, so its width (the padding before it) goes too.
    def untimed(lines):
        start = next(i for i, l in enumerate(lines)
                     if l.startswith("Number of snapshots"))
        return [re.sub(r"^(\s+\d+)\s+[\d,]+", r"\1 T", l)
                for l in lines[start:]]
    assert untimed(ours) == untimed(theirs)
    assert any("100.00% (1,664B) curB : currently allocated Bytes" in l
               for l in ours)


def test_unwritable_xtree_memory_file_rejected_before_start(build):
    rep = memroot(build("xtmem.c"), "--xtree-memory=full",
                  "--xtree-memory-file=/nonexistent/x.kcg")
    assert rep.returncode == 1
    assert "valgrind: cannot create '/nonexistent/x.kcg': no such directory" \
        in rep.text.splitlines()
    assert "HEAP SUMMARY" not in rep.text
