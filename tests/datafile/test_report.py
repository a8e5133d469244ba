# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""memroot-report: every view read back with the reader people use, and
its numbers against Memcheck's (sites.c's header gives them)."""

import json
import os
import subprocess
import xml.etree.ElementTree as ET

import pytest

from harness import memcheck
from datafile import NODE_MODULES, report, run

HERE = os.path.dirname(os.path.abspath(__file__))
FULL = ("--leak-check=full",)


@pytest.fixture
def sites(build, tmp_path):
    """(program, data-file path, data) of sites.c with a full leak check."""
    prog = build("sites.c")
    _, data = run(prog, tmp_path, *FULL)
    return prog, str(tmp_path / "memroot.json"), data


def folded(path, view):
    p = report(path, "--format=folded", "--view=" + view)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    return {l.rsplit(" ", 1)[0]: int(l.rsplit(" ", 1)[1]) for l in lines}


def test_folded_live_sums_to_the_bytes_in_use_at_exit(sites):
    prog, path, _ = sites
    live = folded(path, "live")
    assert sum(live.values()) == memcheck(prog).heap["in_use_bytes"] == 650
    assert live == {"main;site_kept;malloc": 600, "main;site_lost;malloc": 50}


def test_folded_leaks_sum_to_memchecks_lost_bytes(sites):
    prog, path, _ = sites
    leak = memcheck(prog, *FULL).leak
    lost = sum(leak[k][0] for k in ("definitely lost", "indirectly lost",
                                    "possibly lost"))
    leaks = folded(path, "leaks")
    assert sum(leaks.values()) == lost == 50
    assert leaks == {"definitely lost;main;site_lost;malloc": 50}


def test_folded_peak_is_the_heap_at_its_peak(sites):
    _, path, data = sites
    peak = folded(path, "peak")
    assert sum(peak.values()) == data["profile"]["peak"]["bytes"] == 2000
    assert peak == {"main;site_kept;malloc": 1000,
                    "main;site_temp;malloc": 1000}


def test_folded_retained_lays_each_root_over_its_sites(sites):
    _, path, _ = sites
    assert folded(path, "retained") == {
        "global table in %s;main;site_kept;malloc" % sites[0]: 600}


def test_pprof_decoded_by_pprof_format(sites):
    """An independent decoder of profile.proto: the npm package
    pprof-format, which scripts/bootstrap installs into the build tree."""
    prog, path, _ = sites
    out = path + ".pb.gz"
    p = report(path, "--format=pprof", "-o", out)
    assert p.returncode == 0, p.stderr
    dec = subprocess.run(["node", os.path.join(HERE, "decode_pprof.cjs"), out],
                         stdout=subprocess.PIPE, text=True, check=True,
                         env=dict(os.environ, NODE_PATH=NODE_MODULES))
    got = json.loads(dec.stdout)
    assert got["types"] == [["inuse_space", "bytes"],
                            ["inuse_objects", "count"],
                            ["alloc_space", "bytes"],
                            ["alloc_objects", "count"],
                            ["retained_space", "bytes"]]
    heap = memcheck(prog).heap
    assert got["sums"][0] == heap["in_use_bytes"] == 650
    assert got["sums"][1] == heap["in_use_blocks"] == 7
    assert got["sums"][2] == heap["bytes_allocated"]
    assert got["sums"][3] == heap["allocs"]
    assert got["sums"][4] == 600                  # what `table` retains
    assert ["site_kept", os.path.join("sites.c")] in [
        [name, os.path.basename(f)] for name, f in got["functions"]]
    assert got["defaultSampleType"] == "inuse_space"


def test_pprof_lines_are_the_source_lines(sites, source_line):
    _, path, data = sites
    # The allocator's frame has the line the preload's debug information
    # gives, as in the data file: none in Debian's valgrind package (0 in
    # pprof), a line of vg_replace_malloc.c in a Valgrind built from source.
    [malloc_line] = {f.get("line", 0) for f in data["frames"]
                     if f.get("function") == "malloc"}
    out = path + ".pb.gz"
    report(path, "--format=pprof", "-o", out)
    dec = subprocess.run(["node", os.path.join(HERE, "decode_pprof.cjs"), out],
                         stdout=subprocess.PIPE, text=True, check=True,
                         env=dict(os.environ, NODE_PATH=NODE_MODULES))
    stacks = json.loads(dec.stdout)["stacks"]
    [lost] = [s for s in stacks if s[1][0].startswith("site_lost")]
    assert lost == [["malloc:%d" % malloc_line],
                    ["site_lost:%d" % source_line("sites.c", "lost")],
                    ["main:%d" % source_line("sites.c", "call_lost")]]


def test_trace_has_counter_events_in_time_order(build, tmp_path):
    _, data = run(build("sites.c"), tmp_path, "--timeline-every=100")
    path = str(tmp_path / "memroot.json")
    p = report(path, "--format=trace")
    assert p.returncode == 0, p.stderr
    trace = json.loads(p.stdout)
    events = trace["traceEvents"]
    counters = [e for e in events if e["ph"] == "C"]
    assert [e for e in events if e["ph"] != "C"] == [
        {"name": "process_name", "ph": "M", "pid": data["command"]["pid"],
         "tid": 0, "args": {"name": "memroot: " + data["command"]["exe"]}}]
    times = [e["ts"] for e in counters]
    assert times == sorted(times)
    total = [e for e in counters if e["name"] == "live heap (bytes)"]
    assert [(e["ts"], e["args"]["bytes"]) for e in total] \
        == [(s[0], s[1]) for s in data["timeline"]["samples"]]
    assert total[-1]["args"]["bytes"] == 650
    tracks = {e["name"] for e in counters}
    # By peak: site_kept and site_temp tie at 1,000 bytes, and site_kept
    # allocated first; then site_lost; then main's malloc(0).
    assert tracks == {"live heap (bytes)", "live heap (blocks)",
                      "site 1: site_kept", "site 2: site_temp",
                      "site 3: site_lost", "site 4: main"}


def test_text_repeats_the_logs_summaries(build, tmp_path):
    rep, _ = run(build("sites.c"), tmp_path, *FULL)
    p = report(str(tmp_path / "memroot.json"), "--format=text")
    assert p.returncode == 0, p.stderr
    text = p.stdout.splitlines()
    log = [l.split("== ", 1)[1] if "== " in l else "" for l in
           rep.text.splitlines()]
    for header in ("HEAP SUMMARY:", "LEAK SUMMARY:"):
        i, j = text.index(header), log.index(header)
        assert text[i:i + 4] == log[j:j + 4]
    assert "50 bytes in 1 blocks are definitely lost in loss record 1 of 2" \
        in text


def test_svg_flame_graph_is_well_formed(sites):
    _, path, _ = sites
    p = report(path, "--format=svg", "--view=live")
    assert p.returncode == 0, p.stderr
    root = ET.fromstring(p.stdout)
    titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]
    assert "site_kept (600 bytes, 92.3%)" in titles


def bad_file_message(tmp_path, content):
    f = tmp_path / "bad.json"
    f.write_bytes(content)
    p = report(str(f), "--format=text")
    assert p.returncode == 1
    assert p.stdout == ""
    return p.stderr


def test_missing_file_is_said_so(tmp_path):
    p = report(str(tmp_path / "none.json"), "--format=text")
    assert p.returncode == 1
    assert p.stderr == ("memroot-report: %s: cannot read it: No such file or "
                        "directory\n" % (tmp_path / "none.json"))


def test_truncated_file_is_said_so(sites, tmp_path):
    _, path, _ = sites
    with open(path, "rb") as f:
        whole = f.read()
    msg = bad_file_message(tmp_path, whole[:len(whole) // 2])
    assert "the file is truncated" in msg


def test_wrong_version_is_said_so(tmp_path):
    msg = bad_file_message(tmp_path, b'{"memroot_data": 2, "heap": {}}\n')
    assert msg.endswith("data file version 2; this memroot-report reads "
                        "version 1\n")


def test_other_json_is_not_taken_for_a_data_file(tmp_path):
    msg = bad_file_message(tmp_path, b'{"memroot_retention": 1}\n')
    assert "not a memroot data file" in msg


def test_empty_file_is_said_so(tmp_path):
    assert bad_file_message(tmp_path, b"").endswith("the file is empty\n")


def test_view_needs_its_section(build, tmp_path):
    run(build("sites.c"), tmp_path, "--leak-check=no", "--retention=no")
    p = report(str(tmp_path / "memroot.json"), "--format=folded",
               "--view=leaks")
    assert p.returncode == 1
    assert "the file has no leak section" in p.stderr
