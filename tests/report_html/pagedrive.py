# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""Runs memroot with a data file, memroot-report on it, and opens the
page in headless Chromium (drive.cjs, playwright-core) or validates the
SARIF log (the SARIF multitool): the npm packages scripts/bootstrap puts
in .test-node, and Debian's chromium."""

import json
import os
import shutil
import subprocess

import pytest

import harness

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
REPORT = os.path.join(SRCDIR, "scripts", "memroot-report")
NODE_MODULES = os.path.join(harness.TOP, ".test-node", "node_modules")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
MULTITOOL = os.path.join(NODE_MODULES, ".bin", "sarif-multitool")


def need_chromium():
    """Skips, saying why, only when the browser or its driver is not
    there (scripts/bootstrap installs both, so CI runs these)."""
    if not shutil.which("node"):
        pytest.skip("node is not installed (scripts/bootstrap installs it)")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip("%s is not installed (scripts/bootstrap installs "
                    "Debian's chromium)" % CHROMIUM)
    if not os.path.isdir(os.path.join(NODE_MODULES, "playwright-core")):
        pytest.skip("playwright-core is not in %s (scripts/bootstrap "
                    "installs it)" % NODE_MODULES)


def need_multitool():
    if not shutil.which("node"):
        pytest.skip("node is not installed (scripts/bootstrap installs it)")
    if not os.access(MULTITOOL, os.X_OK):
        pytest.skip("the SARIF multitool is not in %s (scripts/bootstrap "
                    "installs it)" % NODE_MODULES)


def run(prog, outdir, *opts, name="memroot.json", args=(), env=None):
    """(log report, path of the data file) of prog under memroot."""
    path = os.path.join(str(outdir), name)
    rep = harness.memroot(prog, "--memroot-out-file=" + path, *opts,
                          args=args, env=env)
    assert os.path.exists(path), rep.text
    return rep, path


def report(path, fmt, out, *opts):
    p = subprocess.run([REPORT, "--format=" + fmt, *opts, "-o", str(out),
                        str(path)], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    return str(out)


def drive(page, steps, javascript=True, width=1280, height=900):
    """What drive.cjs saw: {"results": [one per step], "requests",
    "errors", "load_ms", "wall_ms"}."""
    need_chromium()
    spec = os.path.join(os.path.dirname(page), "steps-%d.json" % os.getpid())
    with open(spec, "w") as f:
        json.dump({"javascript": javascript, "width": width,
                   "height": height, "steps": steps}, f)
    env = dict(os.environ, NODE_PATH=NODE_MODULES, CHROMIUM=CHROMIUM)
    p = subprocess.run(["node", os.path.join(HERE, "drive.cjs"), page, spec],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def validate(sarif):
    """The multitool's verdicts on a SARIF file: [(level, rule id,
    message)], and its exit status."""
    need_multitool()
    out = sarif + ".validation.sarif"
    p = subprocess.run([MULTITOOL, "validate", sarif, "--output", out],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, timeout=300)
    with open(out) as f:
        log = json.load(f)
    found = []
    for run in log["runs"]:
        rules = run["tool"]["driver"].get("rules", [])
        for r in run.get("results", []):
            rule = r.get("ruleId") or rules[r.get("ruleIndex", 0)]["id"]
            found.append((r.get("level", "warning"), rule,
                          json.dumps(r["message"])))
    return p.returncode, found, p.stdout
