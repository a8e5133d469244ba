# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""A data file from a real program (python3 running the real-programs
workload, every object a malloc block): valid, and every view made from
it in seconds."""

import os
import resource
import shutil
import time

import pytest

from datafile import report, run, validate

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(os.path.dirname(HERE), "realprogs", "script.py")
VIEWS = [("text",), ("folded", "--view=live"), ("folded", "--view=peak"),
         ("folded", "--view=leaks"), ("folded", "--view=retained"),
         ("svg", "--view=live"), ("pprof",), ("trace",)]


@pytest.fixture(scope="module")
def python3_data(tmp_path_factory):
    d = tmp_path_factory.mktemp("python3")
    shutil.copy(SCRIPT, d)
    rep, data = run("/usr/bin/python3", d, "--leak-check=full",
                    args=[str(d / "script.py")],
                    env={"PYTHONHASHSEED": "0", "PYTHONMALLOC": "malloc"})
    assert rep.returncode == 0, rep.text
    return rep, str(d / "memroot.json"), data


def test_python3_data_file_is_valid_and_small(python3_data):
    rep, path, data = python3_data
    validate(data)
    assert data["heap"]["allocs"] == rep.heap["allocs"] > 100000
    # Thousands of stacks, their frames stored once: a few megabytes.
    assert len(data["stacks"]) > 1000
    assert os.path.getsize(path) < 8 << 20
    assert 1000 <= len(data["timeline"]["samples"]) <= 2000


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: "-".join(v))
def test_every_view_of_python3_takes_seconds(python3_data, view, tmp_path):
    _, path, _ = python3_data
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    p = report(path, "--format=" + view[0], *view[1:], "-o",
               str(tmp_path / "out"))
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert p.returncode == 0, p.stderr
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert cpu < 5, cpu
    assert wall < 30, wall          # a shared machine: CPU time is the bound
    assert os.path.getsize(tmp_path / "out") > 0


def test_python3_live_stacks_sum_to_the_heap_in_use(python3_data, tmp_path):
    _, path, data = python3_data
    p = report(path, "--format=folded", "--view=live")
    total = sum(int(l.rsplit(" ", 1)[1]) for l in p.stdout.splitlines())
    assert total == data["heap"]["in_use"]["bytes"]
