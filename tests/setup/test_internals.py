"""The code keeps the shape docs/internals.md describes: the include graph
written there is the one the sources have, its arrows point one way, only
the options piece and main read option globals, and every source file
carries its licence notice."""

import os
import re
import subprocess

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(TOP, "memroot")

# The renderings of the retention report are files of one piece.
PIECE_OF_FILE = {"retain_text": "retain_report", "retain_xml": "retain_report",
                 "retain_json": "retain_report", "retain_render": "retain_report"}


def piece(stem):
    stem = stem[len("mr_"):]
    return PIECE_OF_FILE.get(stem, stem)


def tool_files():
    return sorted(f for f in os.listdir(SRC)
                  if f.startswith("mr_") and f.endswith((".c", ".h")))


def graph_of_sources():
    graph = {}
    for f in tool_files():
        p = piece(f[:-2])
        deps = graph.setdefault(p, set())
        with open(os.path.join(SRC, f)) as src:
            for inc in re.findall(r'#include "(mr_\w+)\.h"', src.read()):
                d = piece(inc)
                if d not in (p, "basics"):
                    deps.add(d)
    graph.pop("basics")
    return graph


def graph_of_docs():
    with open(os.path.join(TOP, "docs", "internals.md")) as f:
        text = f.read()
    block = text.split("<!-- include-graph -->")[1].split("<!-- /include-graph -->")[0]
    order, graph = [], {}
    for line in block.strip().splitlines():
        name, deps = line.strip().split(":")
        order.append(name)
        graph[name] = set(deps.split())
    return order, graph


def test_documented_include_graph_is_the_sources_graph():
    _, documented = graph_of_docs()
    assert documented == graph_of_sources()


def test_each_piece_includes_only_pieces_listed_above_it():
    order, graph = graph_of_docs()
    for i, name in enumerate(order):
        assert graph[name] <= set(order[:i]), name


def test_only_options_and_main_read_option_globals():
    readers = set()
    for f in tool_files():
        with open(os.path.join(SRC, f)) as src:
            text = src.read()
        # The builders (MR_(clo_..._params)) are how the others ask.
        globals_read = [g for g in re.findall(r"MR_\(clo_(\w+)\)", text)
                        if not g.endswith("_params")]
        if globals_read:
            readers.add(f)
    assert readers == {"mr_options.c", "mr_options.h", "mr_main.c"}


def source_files():
    """The tool's sources, the scripts and the build files, as git tracks
    them (the test fixtures are not among them)."""
    tracked = subprocess.run(["git", "-C", TOP, "ls-files"], check=True,
                             capture_output=True, text=True).stdout.split()
    for f in tracked:
        if (f.split("/")[0] in ("memroot", "scripts", "examples", "bench", ".ci")
                or f in ("configure.ac", "Makefile.am", "vg-in-place.in")):
            yield os.path.join(TOP, f)


def test_every_source_file_carries_its_licence():
    missing = []
    for path in source_files():
        with open(path, errors="replace") as f:
            head = f.read(6000)
        want = ("SPDX-License-Identifier: BSD-3-Clause"
                if path.endswith("memroot.h")
                else "SPDX-License-Identifier: GPL-2.0-or-later")
        if want not in head:
            missing.append(os.path.relpath(path, TOP))
    assert missing == []


def test_copying_is_the_gpl_version_2():
    with open(os.path.join(TOP, "COPYING")) as f:
        text = f.read()
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 2, June 1991" in text
