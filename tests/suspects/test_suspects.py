# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""LEAK SUSPECTS: the few things to look at first, with the exact figures
each fixture's design gives, at exit, in XML and JSON, from a client
request and from monitor commands (docs/suspects.md)."""

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

import pytest

from harness import TOP, memcheck, memroot, refusal

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), "datafile"))
from datafile import validate  # noqa: E402

MEMROOT_H = ("-I", os.path.join(TOP, "memroot"), "-I", "/usr/include/valgrind")
_PREFIX = re.compile(r"^==\d+== ?")


def sections(text, title):
    """Each section of the log whose first line starts with title: its
    lines, prefixes dropped, up to the next section of the exit report."""
    found, cur = [], None
    for line in text.splitlines():
        if not _PREFIX.match(line):
            continue
        line = _PREFIX.sub("", line)
        if line.startswith(title):
            cur = [line]
            found.append(cur)
        elif cur is not None and re.match(
                r"(LEAK SUSPECTS|RETENTION BY|HEAP SUMMARY|For lists|ERROR SUMMARY)",
                line):
            cur = None
        elif cur is not None:
            cur.append(line)
    return found


def exit_suspects(rep):
    """The LEAK SUSPECTS section of the exit report."""
    found = sections(rep.text, "LEAK SUSPECTS:")
    assert found, rep.text
    return found[-1]


def sites(lines, start):
    """(bytes, blocks, stacks, first line's function and line) of each
    site after the line start: '  N bytes in M blocks allocated at ...'."""
    out = []
    i = lines.index(start) + 1
    while i < len(lines) and lines[i].startswith("  "):
        m = re.match(r"  ([\d,]+) bytes in ([\d,]+) blocks allocated at"
                     r"(?: 0x[0-9A-F]+: .*, from ([\d,]+) stacks; the biggest:)?$",
                     lines[i])
        if m:
            frames = []
            i += 1
            while i < len(lines) and re.match(r"\s+(at|by) 0x", lines[i]):
                frames.append(lines[i])
                i += 1
            # The "at" frame is the allocator's, in memroot's preload
            # (named by object, or by vg_replace_malloc.c:N when the
            # Valgrind was built with debug information, as 3.24 here).
            client = frames[1]
            where = re.search(r": (\w+) \((\w+\.c:\d+)\)$", client).groups()
            out.append((int(m[1].replace(",", "")), int(m[2].replace(",", "")),
                        int(m[3].replace(",", "")) if m[3] else 1, where))
        else:
            i += 1
    return out


def test_registry_table_is_the_single_suspect_and_its_accumulation_point(
        build, source_line):
    prog = build("registry.c")
    sec = exit_suspects(memroot(prog))
    line = lambda m: "registry.c:%d" % source_line("registry.c", m)
    assert sec[0] == ("LEAK SUSPECTS: 1 suspect, each retaining or losing at"
                      " least 10.0% of the live heap (36,047 of 360,464 bytes)")
    assert sec[2] == ("Suspect 1 of 1: global g_registry in %s retains 360,464"
                      " bytes in 8,194 blocks (100.0%% of the live heap)" % prog)
    assert re.fullmatch(r" The memory accumulates in block 0x[0-9a-f]+ \(32,768"
                        r" bytes\), which retains 360,448 bytes in 8,193 blocks"
                        r" \(99\.9%\), allocated at", sec[3])
    assert sec[5].endswith(": main (%s)" % line("table"))
    assert re.fullmatch(r" It is held by block 0x[0-9a-f]+ \(16 bytes\) allocated"
                        r" at 0x[0-9A-F]+: main \(%s\)\." % line("registry"), sec[6])
    # the path: the global to the registry, the registry's word to the table
    assert sec[7] == " Shortest path from a root:"
    assert re.fullmatch(r"   g_registry\+0 \(0x[0-9a-f]+\) points to block"
                        r" 0x[0-9a-f]+ \(16 bytes\)", sec[8])
    assert re.fullmatch(r"      stored at 0x[0-9A-F]+: main \(%s\)"
                        % line("registry"), sec[9])
    assert re.fullmatch(r"   its word at \+0 points to block 0x[0-9a-f]+"
                        r" \(32,768 bytes\)", sec[11])
    assert re.fullmatch(r"      stored at 0x[0-9A-F]+: main \(%s\)"
                        % line("table"), sec[12])
    assert sites(sec, " Accumulated blocks by allocation site:") == [
        (4096 * 48, 4096, 1, ("new_record", line("record"))),
        (4096 * 32, 4096, 1, ("new_record", line("name"))),
        (32768, 1, 1, ("main", line("table")))]


def test_the_single_suspect_holds_what_memcheck_calls_reachable(build):
    prog = build("registry.c")
    sec = exit_suspects(memroot(prog))
    assert memcheck(prog).leak["still reachable"] == (360464, 8194)
    assert "retains 360,464 bytes in 8,194 blocks" in sec[2]


def test_heap_split_evenly_among_fifty_globals_has_no_suspect(build):
    prog = build("fifty_globals.c")
    sec = exit_suspects(memroot(prog))
    assert [l for l in sec if l] == [
        "LEAK SUSPECTS: none: no root, block or allocation site retains 10.0%"
        " of the live heap (5,000 bytes), nor is that much definitely lost"]


def test_one_site_under_many_parents_is_a_group_suspect(build, source_line):
    prog = build("sessions.c")
    sec = exit_suspects(memroot(prog))
    line = lambda m: "sessions.c:%d" % source_line("sessions.c", m)
    assert sec[0].startswith("LEAK SUSPECTS: 1 suspect,")
    assert re.fullmatch(r"Suspect 1 of 1: 20 blocks allocated at 0x[0-9A-F]+:"
                        r" new_session \(%s\), held by 20 different parents,"
                        r" retain 81,280 bytes in 40 blocks \(100\.0%% of the"
                        r" live heap\); the most common stack:" % line("session"),
                        sec[2])
    # each of them is one session and its buffer
    assert any(re.fullmatch(r" The biggest of them is block 0x[0-9a-f]+ \(64 bytes\),"
                            r" which retains 4,064 bytes in 2 blocks \(5\.0%\)\.", l)
               for l in sec)
    assert sites(sec, " Accumulated blocks by allocation site:") == [
        (80000, 20, 20, ("new_session", line("buffer"))),
        (1280, 20, 20, ("new_session", line("session")))]


def test_definitely_lost_memory_over_the_threshold_names_its_loss_records(
        build, source_line):
    prog = build("lost.c")
    sec = exit_suspects(memroot(prog, "--leak-check=full"))
    oracle = memcheck(prog).leak
    lost = oracle["definitely lost"][0] + oracle["indirectly lost"][0]
    assert lost == 9104
    assert sec[2] == ("Suspect 1 of 1: 9,104 bytes (90.1% of the live heap) are"
                      " definitely lost, in 5 blocks and what they lose with"
                      " them; the loss records responsible, the largest first:")
    assert sec[3] == (" 8,000 bytes (8,000 direct, 0 indirect) lost in 4 blocks"
                      " allocated at")
    assert sec[5].endswith("lose_buffers (lost.c:%d)"
                           % source_line("lost.c", "buffers"))
    i = sec.index(" 1,104 bytes (64 direct, 1,040 indirect) lost in 1 blocks"
                  " allocated at")
    assert sec[i + 2].endswith("lose_list (lost.c:%d)" % source_line("lost.c", "head"))


def test_growth_request_names_the_growing_container_not_the_flat_one(
        build, source_line):
    prog = build("growing.c", MEMROOT_H)
    rep = memroot(prog)
    [mid, at_exit] = sections(rep.text, "LEAK SUSPECTS BY GROWTH")
    grow = "growing.c:%d" % source_line("growing.c", "grow")
    # four snapshots, then the request: 4 steps of 64 nodes of 64 bytes
    assert mid[0] == ("LEAK SUSPECTS BY GROWTH: 1 root grew at each snapshot,"
                      " the fastest first (4 snapshots taken)")
    assert mid[2] == ("Growth suspect 1 of 1: global g_growing in %s retains"
                      " 20,480 bytes in 320 blocks (76.1%% of the live heap),"
                      " 4,096 bytes more at each snapshot" % prog)
    assert mid[3] == (" Growth at each of its last 4 snapshots, in bytes:"
                      " +4,096, +4,096, +4,096, +4,096")
    i = mid.index(" Allocation sites that grew since the last snapshot:")
    assert mid[i + 1] == "  +4,096 bytes in +64 blocks allocated at"
    assert mid[i + 4].endswith("main (%s)" % grow)
    # at exit, the request was a snapshot too: 5 steps
    assert at_exit[3] == (" Growth at each of its last 5 snapshots, in bytes:"
                          " +4,096, +4,096, +4,096, +4,096, +4,096")
    assert "g_flat" not in "\n".join(mid + at_exit)


def test_snapshot_every_takes_periodic_snapshots_for_the_exit_report(build):
    prog = build("periodic.c")
    rep = memroot(prog, "--snapshot-every=4k")
    [sec] = sections(rep.text, "LEAK SUSPECTS BY GROWTH")
    assert sec[0] == ("LEAK SUSPECTS BY GROWTH: 1 root grew at each snapshot,"
                      " the fastest first (17 snapshots taken)")
    assert sec[2].startswith("Growth suspect 1 of 1: global g_growing in ")
    # a snapshot every 4,096 bytes allocated, all of them by the growing
    # list once the flat one is made.  The snapshot is taken in the malloc
    # that reaches the mark, before push links that node: the last one
    # sees 987 of the 1,000 nodes, and exit 13 more.
    assert sec[3] == (" Growth at each of its last 8 snapshots, in bytes:"
                      " " + ", ".join(["+4,096"] * 7 + ["+832"]))


def test_no_growth_section_without_snapshots(build):
    prog = build("registry.c")
    assert sections(memroot(prog).text, "LEAK SUSPECTS BY GROWTH") == []


def test_suspects_no_turns_the_section_off(build):
    prog = build("registry.c")
    rep = memroot(prog, "--suspects=no")
    assert "LEAK SUSPECTS" not in rep.text
    assert "RETENTION BY ROOT: 360,464 bytes in 8,194 blocks" in rep.text


def test_suspect_threshold_moves_the_line(build):
    prog = build("fifty_globals.c")
    sec = exit_suspects(memroot(prog, "--suspect-threshold=2"))
    # each global retains exactly 2%
    assert sec[0].startswith("LEAK SUSPECTS: 50 suspects, each retaining or"
                             " losing at least 2.0% of the live heap (1,000 of")


@pytest.mark.parametrize("opt, complaint", [
    ("--suspect-threshold=0", "must be a percentage between 0.01 and 100"),
    ("--suspect-threshold=100.5", "must be a percentage between 0.01 and 100"),
    ("--suspect-threshold=ten", "Invalid floating point value 'ten'"),
    ("--suspects=maybe", "Invalid boolean value 'maybe' (should be 'yes' or"
                         " 'no')"),
    ("--snapshot-every=0", "expected a number of bytes from 1 to 2^50, with an"
                           " optional k, M or G (e.g. 64k)"),
    ("--snapshot-every=4T", "expected a number of bytes from 1 to 2^50, with an"
                            " optional k, M or G (e.g. 64k)"),
])
def test_bad_suspect_option_is_refused(build, opt, complaint):
    prog = build("registry.c")
    rep = memroot(prog, opt)
    assert rep.returncode == 1
    assert rep.text.splitlines()[:2] == refusal(opt, complaint)


def test_xml_carries_the_suspects_in_their_own_element(build, tmp_path):
    prog = build("registry.c")
    out = tmp_path / "out.xml"
    memroot(prog, "--xml=yes", "--xml-file=%s" % out)
    root = ET.parse(out).getroot()
    names = [e.tag for e in root]
    # before the retention report, after the errors
    assert names.index("memroot_suspects") + 1 == names.index("memroot_retention")
    sus = root.find("memroot_suspects")
    assert sus.find("threshold_ppm").text == "100000"
    [s] = sus.findall("suspect")
    assert s.find("kind").text == "single"
    assert s.find("root").text == "global g_registry in " + prog
    assert (s.find("retained/bytes").text, s.find("retained/blocks").text) \
        == ("360464", "8194")
    acc = s.find("accumulation")
    assert acc.find("size").text == "32768"
    assert (acc.find("retained/bytes").text, acc.find("retained/blocks").text) \
        == ("360448", "8193")
    assert [h.find("size").text for h in s.findall("path/hop")] == ["16", "32768"]
    assert [h.find("storedat/fn").text for h in s.findall("path/hop")] \
        == ["main", "main"]
    assert [(x.find("size/bytes").text, x.find("size/blocks").text)
            for x in s.findall("site")] \
        == [("196608", "4096"), ("131072", "4096"), ("32768", "1")]


def test_json_retention_file_carries_the_suspects(build, tmp_path):
    prog = build("sessions.c")
    out = tmp_path / "r.json"
    memroot(prog, "--retention-file=%s" % out)
    sus = json.loads(out.read_text())["suspects"]
    assert (sus["threshold_ppm"], sus["threshold_bytes"]) == (100000, 8128)
    [g] = sus["list"]
    assert g["kind"] == "group"
    assert (g["members"], g["parents"]) == (20, 20)
    assert g["retained"] == {"bytes": 81280, "blocks": 40}
    assert g["stack"][1]["function"] == "new_session"
    assert [(s["size"]["bytes"], s["size"]["blocks"], s["stacks"])
            for s in g["sites"]] == [(80000, 20, 20), (1280, 20, 20)]
    assert [h["size"] for h in g["path"]] == [64, 4000]
    assert g["path"][0]["from"]["kind"] == "global"


def test_data_file_carries_the_suspects_of_lost_memory(build, tmp_path):
    prog = build("lost.c")
    out = tmp_path / "d.json"
    memroot(prog, "--memroot-out-file=%s" % out)
    data = json.loads(out.read_text())
    assert "suspects" not in data["retention"]
    sus = data["suspects"]
    assert sus["lost"] == {"bytes": 9104, "blocks": 5}
    [l] = sus["list"]
    assert l["kind"] == "lost"
    assert [(r["direct"]["bytes"], r["direct"]["blocks"], r["indirect_bytes"])
            for r in l["records"]] == [(8000, 4, 0), (64, 1, 1040)]
    # stacks are references into the file's table of stacks
    assert isinstance(l["records"][0]["stack"], int)


def test_data_file_suspects_are_null_with_suspects_no(build, tmp_path):
    prog = build("lost.c")
    out = tmp_path / "d.json"
    memroot(prog, "--suspects=no", "--memroot-out-file=%s" % out)
    data = json.loads(out.read_text())
    assert data["suspects"] is None
    assert data["retention"]["live"] == {"bytes": 10104, "blocks": 16}


@pytest.mark.parametrize("fixture", ["registry.c", "sessions.c", "lost.c"])
def test_data_file_with_each_kind_of_suspect_validates(build, tmp_path, fixture):
    prog = build(fixture)
    out = tmp_path / "d.json"
    memroot(prog, "--memroot-out-file=%s" % out)
    data = json.loads(out.read_text())
    assert len(data["suspects"]["list"]) == 1
    validate(data)


def test_growth_is_in_the_xml_of_each_growth_request_and_at_exit(build, tmp_path):
    prog = build("growing.c", MEMROOT_H)
    out = tmp_path / "out.xml"
    memroot(prog, "--xml=yes", "--xml-file=%s" % out)
    found = ET.parse(out).getroot().findall("memroot_suspects")
    # the request's element, then the exit's
    assert [(s.find("snapshots").text,
             [(g.find("root").text, [x.text for x in g.findall("step")])
              for g in s.findall("growth")]) for s in found] == [
        ("4", [("global g_growing in " + prog, ["4096"] * 4)]),
        ("5", [("global g_growing in " + prog, ["4096"] * 5)])]
    # the request asked for growth only; the exit has the heap's suspects too
    assert found[0].findall("suspect") == []
    assert len(found[1].findall("suspect")) == 2


def test_growth_is_in_the_retention_file_at_exit(build, tmp_path):
    prog = build("growing.c", MEMROOT_H)
    out = tmp_path / "r.json"
    rep = memroot(prog, "-q", "--retention-file=%s" % out)
    # -q: no section on the log, the file has it all the same
    assert "LEAK SUSPECTS" not in rep.text
    sus = json.loads(out.read_text())["suspects"]
    assert sus["snapshots"] == 5
    [g] = sus["growth"]
    assert g["root"]["symbol"] == "g_growing"
    assert (g["retained"], g["per_snapshot"], g["steps"]) == (
        {"bytes": 24576, "blocks": 384}, 4096, [4096] * 5)
    assert g["sites"][0]["growth"] == {"bytes": 4096, "blocks": 64}
    assert g["sites"][0]["stack"][1]["function"] == "push"


def test_threshold_below_a_tenth_of_a_percent_is_printed_as_given(build):
    prog = build("fifty_globals.c")
    sec = exit_suspects(memroot(prog, "--suspect-threshold=0.05"))
    assert sec[0] == ("LEAK SUSPECTS: 50 suspects, each retaining or losing at"
                      " least 0.05% of the live heap (25 of 50,000 bytes)")
