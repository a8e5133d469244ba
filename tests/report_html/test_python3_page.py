# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""The page and the SARIF log of a real program: python3 running the
real-programs workload (every object a malloc block).  The page opens in
headless Chromium in under two seconds; the log passes the SARIF
multitool."""

import json
import os
import shutil

import pytest

from pagedrive import drive, report, run, validate

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(os.path.dirname(HERE), "realprogs", "script.py")


@pytest.fixture(scope="module")
def python3_data(tmp_path_factory):
    d = tmp_path_factory.mktemp("python3")
    shutil.copy(SCRIPT, d)
    rep, path = run("/usr/bin/python3", d, "--leak-check=full",
                    args=[str(d / "script.py")],
                    env={"PYTHONHASHSEED": "0", "PYTHONMALLOC": "malloc"})
    assert rep.returncode == 0, rep.text
    return d, path


def test_python3_page_opens_in_under_two_seconds(python3_data):
    d, path = python3_data
    page = report(path, "html", d / "python3.html")
    seen = drive(page, [["ready"], ["text", "#s-inuse td"],
                        ["count", "#profile-table details.site"]])
    with open(path) as f:
        data = json.load(f)
    print("python3 page: %d bytes; load event at %d ms, drawn at %d ms "
          "(wall %d ms)" % (os.path.getsize(page), seen["load_ms"],
                            seen["results"][0], seen["wall_ms"]))
    h = data["heap"]["in_use"]
    assert seen["results"][1] == ["{:,} bytes in {:,} blocks".format(
        h["bytes"], h["blocks"])]
    assert 0 < seen["results"][2] < 100      # the rows in view only
    assert seen["errors"] == []
    assert seen["results"][0] < 2000


def test_python3_sarif_passes_the_multitool(python3_data):
    d, path = python3_data
    out = report(path, "sarif", d / "python3.sarif")
    status, found, text = validate(out)
    assert status == 0, text
    assert [f for f in found if f[0] == "error"] == []
    with open(path) as f:
        data = json.load(f)
    with open(out) as f:
        log = json.load(f)
    counted = [r for r in data["leak"]["records"]
               if r["error"] and not r["suppressed"]]
    assert len(log["runs"][0]["results"]) == len(counted) + len(
        [e for e in data["errors"] if not e["suppressed"]])
