# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""Runs memroot with a data file and reads it; runs memroot-report."""

import json
import os
import subprocess

import harness

TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRCDIR = os.path.dirname(TESTS)
REPORT = os.path.join(SRCDIR, "scripts", "memroot-report")
SCHEMA = os.path.join(SRCDIR, "docs", "memroot-data.schema.json")
NODE_MODULES = os.path.join(harness.TOP, ".test-node", "node_modules")


def run(prog, tmp_path, *opts, name="memroot.json", args=(), env=None,
        wrap=()):
    """(log report, data) of prog run with --memroot-out-file."""
    path = os.path.join(str(tmp_path), name)
    rep = harness.memroot(prog, "--memroot-out-file=" + path, *opts,
                          args=args, env=env, wrap=wrap)
    with open(path) as f:
        return rep, json.load(f)


def report(path, *args, binary=False):
    """memroot-report's CompletedProcess."""
    return subprocess.run([REPORT, *args, path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=not binary,
                          timeout=300)


def functions(data, stack):
    """The function names of a stack, innermost first."""
    return [data["frames"][i]["function"] for i in data["stacks"][stack]]


def validate(data):
    import jsonschema
    with open(SCHEMA) as f:
        jsonschema.validate(data, json.load(f))
