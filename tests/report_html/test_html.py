# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""memroot-report --format=html, opened in headless Chromium: what the
page shows (not what it embeds), with and without JavaScript, that it
fetches nothing, and that it stays quick with 100,000 loss records."""

import json
import os
import re
import subprocess

import pytest

import harness
from pagedrive import REPORT, drive, report, run

HERE = os.path.dirname(os.path.abspath(__file__))
LEAKS = os.path.join(HERE, "leaks.c")
TESTS = os.path.dirname(HERE)
REGISTRY = os.path.join(TESTS, "suspects", "registry.c")
LOST = os.path.join(TESTS, "suspects", "lost.c")
GLOBAL_OVERWRITE = os.path.join(TESTS, "origins", "global_overwrite.c")
HEAP_OVERWRITE = os.path.join(TESTS, "origins", "heap_overwrite.c")


@pytest.fixture(scope="module")
def leaks(tmp_path_factory):
    """(memcheck's report, data file, page) of leaks.c."""
    d = tmp_path_factory.mktemp("leaks")
    prog = harness.compile_fixture(LEAKS, str(d))
    rep, data = run(prog, d, "--leak-check=full")
    assert rep.returncode == 0, rep.text
    page = report(data, "html", d / "report.html", "--source-root", HERE)
    oracle = harness.memcheck(prog, "--leak-check=full")
    return oracle, data, page


def record(function, table="#records-table"):
    """The summary of the loss record whose first frame is function's."""
    return ("%s details.rec > summary:has(.c.fn:has-text(\"%s\"))"
            % (table, function))


def cells(text):
    """A table row's innerText as its cells."""
    return [c.strip() for c in text.split("\t")]


def test_summary_shows_memchecks_leak_summary(leaks):
    oracle, _, page = leaks
    seen = drive(page, [["ready"], ["text", "#s-leaks tr"],
                        ["text", "#s-inuse td"], ["count", ".jserror"]])
    rows = {cells(t)[0]: cells(t)[1:] for t in seen["results"][1][1:]}
    for key, words in (("definitely lost", "definitely lost"),
                       ("indirectly lost", "indirectly lost"),
                       ("possibly lost", "possibly lost"),
                       ("still reachable", "still reachable")):
        bytes_, blocks = oracle.leak[words]
        assert rows[key][:2] == ["{:,}".format(bytes_),
                                 "{:,}".format(blocks)], key
    # The fixture's design: one loss record of each kind, two definite.
    assert [rows[k][2] for k in ("definitely lost", "indirectly lost",
                                 "possibly lost", "still reachable")] \
        == ["2", "1", "1", "1"]
    assert seen["results"][2] == ["416 bytes in 7 blocks"]
    # Every part drawn: no script error, none caught by the page.
    assert seen["errors"] == [] and seen["results"][3] == 0


def test_summary_and_loss_records_are_there_without_javascript(leaks):
    _, _, page = leaks
    seen = drive(page, [["text", "#s-leaks tr.k-definite"],
                        ["count", "#records-static details.rec"],
                        ["click", record("lose_block", "#records-static")],
                        ["text", "#records-static details[open] ol.stack li"]],
                 javascript=False)
    assert cells(seen["results"][0][0])[:3] == ["definitely lost", "56", "2"]
    assert seen["results"][1] == 5
    stack = seen["results"][3]
    assert stack[0].startswith("malloc ")
    assert stack[1].startswith("lose_block leaks.c:%d"
                               % harness.marked_line(LEAKS, "block"))
    assert stack[2].startswith("main leaks.c:")


def test_expanded_loss_record_shows_its_whole_stack(leaks):
    _, _, page = leaks
    seen = drive(page, [["ready"],
                        ["click", record("lose_list")],
                        ["text", "#records-table details[open] ol.stack li"
                                 " > code"],
                        ["text", "#records-table details[open] p"]])
    assert seen["results"][2] == ["malloc", "lose_list", "main"]
    assert seen["results"][3][0].startswith(
        "112 bytes in 1 blocks definitely lost (16 direct, 96 indirect")


def test_records_sort_by_a_column_and_filter_by_a_frame(leaks):
    _, _, page = leaks
    first = "#records-table .vbody details.rec .c.num"
    seen = drive(page, [["ready"], ["text", first],
                        ["click", "#records-table .vhead .c:nth-child(1)"],
                        ["text", first],
                        ["fill", "#records-filter", "hold_inner"],
                        ["wait", 400],
                        ["text", "#records-table details.rec .c.fn"]])
    # By bytes, the largest first; then by number (a first click on a
    # number column sorts it largest first).
    assert seen["results"][1] == ["5", "4", "3", "2", "1"]
    assert sorted(seen["results"][3], reverse=True) == seen["results"][3]
    assert [t.split()[0] for t in seen["results"][6]] == ["hold_inner"]


def test_roots_table_names_the_global(leaks):
    _, _, page = leaks
    seen = drive(page, [["ready"], ["text", "#roots tbody tr"],
                        ["text", "#s-roots li"]])
    # g_cache holds the reachable block, g_inner (inside) the possibly
    # lost one; the largest first.
    rows = [cells(t) for t in seen["results"][1]]
    assert [r[1].split(" in ")[0] for r in rows] == ["global g_cache",
                                                     "global g_inner"]
    assert [r[2] for r in rows] == ["200", "64"]
    # 200 of the 416 live bytes, cut to a tenth of a percent as the text
    # report prints shares.
    assert re.fullmatch(r"global g_cache in \S+/leaks: 200 bytes in 1 blocks "
                        r"\(48\.0% of the live heap\)", seen["results"][2][0])


def test_page_requests_nothing_but_itself(leaks):
    _, _, page = leaks
    seen = drive(page, [["ready"],
                        ["click", "#flame button"],
                        ["click", "#records-table details.rec > summary"]])
    assert seen["requests"] == ["file://" + os.path.abspath(page)]


def test_request_check_sees_a_fetch(leaks, tmp_path):
    """The check above can fail: a copy of the page with one image from
    the network makes the driver see that request."""
    _, _, page = leaks
    with open(page) as f:
        text = f.read()
    copy = tmp_path / "fetching.html"
    copy.write_text(text.replace("<main>", '<main><img src="http://'
                                 '192.0.2.1/x.png">', 1))
    seen = drive(str(copy), [["ready"]])
    assert "http://192.0.2.1/x.png" in seen["requests"]


def test_with_suspects_no_the_page_has_no_suspects(leaks, tmp_path):
    """--suspects=no writes a null suspects section: the page says
    nothing of suspects."""
    prog = harness.compile_fixture(LEAKS, str(tmp_path))
    _, data = run(prog, tmp_path, "--leak-check=full", "--suspects=no")
    page = report(data, "html", tmp_path / "report.html")
    seen = drive(page, [["ready"], ["count", "#suspects"],
                        ["count", "nav a[href='#suspects']"]])
    assert seen["results"][1:] == [0, 0]


def page_of(fixture, tmp_path, *opts):
    """The page of a fixture of another suite, its frames named from
    tests/."""
    prog = harness.compile_fixture(fixture, str(tmp_path))
    rep, data = run(prog, tmp_path, "--leak-check=full", *opts)
    assert rep.returncode == 0, rep.text
    return report(data, "html", tmp_path / "report.html",
                  "--source-root", TESTS)


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    """The page of tests/suspects/registry.c: one single suspect."""
    return page_of(REGISTRY, tmp_path_factory.mktemp("registry"))


def test_single_suspect_names_its_root_and_what_it_retains(registry):
    """registry.c's design: the global holds the whole heap, 360,464
    bytes in 8,194 blocks (the figures of tests/suspects)."""
    seen = drive(registry, [["ready"], ["text", "#suspects p.first"],
                            ["text", "#s-suspects li"]])
    line = (r"global g_registry in \S+/registry retains 360,464 bytes in "
            r"8,194 blocks \(100\.0% of the live heap\)")
    first = seen["results"][1]
    assert len(first) == 1
    assert re.fullmatch(r"single ?Suspect 1 of 1: " + line, first[0]), first
    # The summary lists it too.
    assert len(seen["results"][2]) == 1
    assert re.fullmatch(line, seen["results"][2][0]), seen["results"][2]
    assert seen["errors"] == []


def test_suspects_section_is_there_without_javascript(registry):
    seen = drive(registry, [["text", "#suspects-head"]], javascript=False)
    assert seen["results"][0] == [
        "1 suspect, each retaining or losing at least 10.0% of the live "
        "heap (36,047 of 360,464 bytes)."]


def test_suspect_accumulation_point_is_the_table_and_its_line(registry):
    """The table (32,768 bytes) retains everything but the registry:
    360,448 bytes in 8,193 blocks, allocated at the table's line."""
    seen = drive(registry, [["ready"], ["text", "#suspect-1 > h4"],
                            ["text", "#suspect-1 > ol.stack li > code"],
                            ["text", "#suspect-1 > ol.stack li .at"]])
    assert re.fullmatch(
        r"The memory accumulates in block 0x[0-9a-f]+ \(32,768 bytes\), "
        r"which retains 360,448 bytes in 8,193 blocks \(99\.9%\), "
        r"allocated at", seen["results"][1][0]), seen["results"][1]
    assert seen["results"][2][1:] == ["main"]
    assert seen["results"][3][1] == "suspects/registry.c:%d" \
        % harness.marked_line(REGISTRY, "table")


def test_suspect_path_names_the_lines_that_stored_each_pointer(registry):
    seen = drive(registry, [["ready"], ["text", "#suspect-1 ol.path li"]])
    hops = seen["results"][1]
    assert len(hops) == 2
    assert re.fullmatch(
        r"g_registry\+0 \(0x[0-9a-f]+\) points to block 0x[0-9a-f]+ "
        r"\(16 bytes\), stored at main registry\.c:%d"
        % harness.marked_line(REGISTRY, "registry"), hops[0]), hops
    assert re.fullmatch(
        r"its word at \+0 points to block 0x[0-9a-f]+ \(32,768 bytes\), "
        r"stored at main registry\.c:%d"
        % harness.marked_line(REGISTRY, "table"), hops[1]), hops


def test_suspect_lists_the_accumulated_sites_biggest_first(registry):
    """4,096 records of 48 bytes, 4,096 names of 32, the table."""
    seen = drive(registry, [["ready"],
                            ["text", "#suspect-1 details.site-of > summary"]])
    line = lambda m: harness.marked_line(REGISTRY, m)
    assert seen["results"][1] == [
        "196,608 bytes in 4,096 blocks allocated at new_record "
        "(suspects/registry.c:%d)" % line("record"),
        "131,072 bytes in 4,096 blocks allocated at new_record "
        "(suspects/registry.c:%d)" % line("name"),
        "32,768 bytes in 1 blocks allocated at main (suspects/registry.c:%d)"
        % line("table")]


def test_lost_suspect_links_to_its_loss_record(tmp_path):
    """lost.c: 9,104 lost bytes (the figures of tests/suspects); the link
    of the biggest record (4 buffers, 8,000 bytes) opens its row."""
    page = page_of(LOST, tmp_path)
    seen = drive(page, [["ready"], ["text", "#suspect-1 p.first"],
                        ["click", "#suspect-1 a[data-record]"], ["wait", 200],
                        ["text", "#records-table details[open] > summary"]])
    assert seen["results"][1][0].endswith(
        "Suspect 1 of 1: 9,104 bytes (90.1% of the live heap) are "
        "definitely lost, in 5 blocks and what they lose with them; the "
        "loss records responsible, the largest first:")
    opened = [t.split("\n") for t in seen["results"][4]]
    assert [(c[1], c[2], c[5]) for c in opened] == [
        ("definitely lost", "8,000", "4")]


def many_records(data, count):
    """The data file with count definitely lost records, each its own
    stack through its own function."""
    with open(data) as f:
        d = json.load(f)
    rec = next(r for r in d["leak"]["records"] if r["kind"] == "definite")
    alloc, main = d["stacks"][rec["stack"]][0], d["stacks"][rec["stack"]][-1]
    records = []
    for i in range(count):
        d["frames"].append({"ip": "0x%x" % (0x400000 + i), "function":
                            "leaker_%d" % i, "file": "gen.c", "line": i + 1})
        d["stacks"].append([alloc, len(d["frames"]) - 1, main])
        size = 16 + (i * 7919) % 5000
        records.append(dict(rec, number=i + 1, of=count, bytes=size,
                            direct_bytes=size, indirect_bytes=0, blocks=1,
                            stack=len(d["stacks"]) - 1))
    d["leak"]["records"] = records
    return d


def test_100000_loss_records_draw_only_the_rows_in_view(leaks, tmp_path):
    _, data, _ = leaks
    path = tmp_path / "many.json"
    path.write_text(json.dumps(many_records(data, 100000)))
    page = report(path, "html", tmp_path / "many.html", "--source-root",
                  str(tmp_path))
    seen = drive(page, [["ready"],
                        ["count", "#records-table details.rec"],
                        ["eval", "document.documentElement.dataset.took"],
                        ["scroll", "#records-table .vbody", 1300000],
                        ["count", "#records-table details.rec"],
                        ["fill", "#records-filter", "leaker_99999"],
                        ["wait", 600],
                        ["text", "#records-table details.rec .c.fn"]])
    took = json.loads(seen["results"][2])
    print("100,000 records: page %d bytes, load %d ms, ready at %d ms, "
          "script %s" % (os.path.getsize(page), seen["load_ms"],
                         seen["results"][0], took))
    # A window's worth of rows, not 100,000, before and after a scroll.
    assert 0 < seen["results"][1] < 100
    assert 0 < seen["results"][4] < 100
    assert [t.split()[0] for t in seen["results"][7]] == ["leaker_99999"]
    assert took["records"] < 5000


def test_file_without_its_optional_sections_makes_a_page(leaks, tmp_path):
    """A dump with no leak check, no retention and no profile (each null,
    as docs/datafile.md allows): the page says so, and its script draws
    the rest without an error."""
    _, data, _ = leaks
    with open(data) as f:
        d = json.load(f)
    # The suspects are null when the retention is (docs/datafile.md).
    for member in ("leak", "retention", "suspects", "profile", "timeline"):
        d[member] = None
    path = tmp_path / "bare.json"
    path.write_text(json.dumps(d))
    page = report(path, "html", tmp_path / "bare.html")
    seen = drive(page, [["ready"], ["text", "#s-leaks"],
                        ["text", "#records p"], ["text", "#s-inuse td"],
                        ["count", ".jserror"]])
    assert seen["errors"] == []
    assert seen["results"][1:] == [["No leak check in this file."],
                                   ["No leak check in this file."],
                                   ["416 bytes in 7 blocks"], 0]
    sarif = report(path, "sarif", tmp_path / "bare.sarif")
    with open(sarif) as f:
        assert [r["ruleId"] for r in json.load(f)["runs"][0]["results"]] \
            == ["InvalidFree"]


def test_stack_root_is_named_as_the_log_names_it(tmp_path):
    prog = harness.compile_fixture(os.path.join(HERE, "stack_root.c"),
                                   str(tmp_path))
    rep, data = run(prog, tmp_path, "--leak-check=full")
    logged = re.search(r"retained by root 1 of 1: (frame #\d+ of thread 1, "
                       r"0x[0-9A-F]+: hold) \(stack_root\.c:\d+\)", rep.text)
    assert logged, rep.text
    page = report(data, "html", tmp_path / "report.html")
    seen = drive(page, [["text", "#roots tbody tr td:nth-child(2) summary"]],
                 javascript=False)
    assert [t.lower() for t in seen["results"][0]] == [logged[1].lower()]


def test_dominator_tree_zooms_into_a_root(leaks):
    _, _, page = leaks
    seen = drive(page, [["ready"],
                        ["click", "#domtree .n:has-text('global g_cache')"],
                        ["text", "#domtree .info"],
                        ["text", "#domtree .n:not(.dim)"]])
    # Of the 264 bytes the roots hold: g_cache's 200 and g_inner's 64.
    assert re.fullmatch(r"global g_cache in \S+/leaks: 200 bytes \(75\.8%\)",
                        seen["results"][2][0]), seen["results"][2]
    # Zoomed in: the root, its one block (a suspect, so its accumulation
    # point: 200 bytes) and that block's site, keep_cache's line.
    zoomed = [t.split(" in ")[0] for t in seen["results"][3]]
    assert zoomed[0] == "global g_cache"
    assert re.fullmatch(r"accumulation point: block 0x[0-9a-f]+ \(200 "
                        r"bytes\)", zoomed[1]), zoomed
    assert zoomed[2:] == ["site keep_cache (leaks.c:%d)"
                          % harness.marked_line(LEAKS, "cache")]


ORIGIN_STEPS = [["ready"], ["click", "#records-table details.k-definite "
                                       "> summary"],
                ["text", "#records-table details[open] h4"],
                ["text", "#records-table details[open] h4.origin + ol.stack "
                         "li"],
                ["text", "#records-table details[open] p.held"]]


def test_record_shows_the_line_that_overwrote_its_last_pointer(tmp_path):
    """global_overwrite.c with --leak-origins=yes: the lost block's
    record, opened, says where its last pointer was overwritten (the
    SITE:drop line) and what held it, stored where (SITE:store)."""
    page = page_of(GLOBAL_OVERWRITE, tmp_path, "--leak-origins=yes")
    seen = drive(page, ORIGIN_STEPS)
    line = lambda m: harness.marked_line(GLOBAL_OVERWRITE, m)
    assert seen["results"][2] == ["Allocated at",
                                  "Its last pointer was overwritten at"]
    assert seen["results"][3][0].startswith(
        "reopen origins/global_overwrite.c:%d" % line("drop"))
    assert seen["results"][4] == [
        "It was held by global g_current,\nstored at open_session "
        "(origins/global_overwrite.c:%d)" % line("store")]


def test_record_names_the_heap_block_that_held_its_last_pointer(tmp_path):
    """heap_overwrite.c: the pointer was the second word of a 16-byte
    block still reachable (Memcheck's record 1 of 2)."""
    page = page_of(HEAP_OVERWRITE, tmp_path, "--leak-origins=yes")
    seen = drive(page, ORIGIN_STEPS)
    assert re.fullmatch(
        r"It was held by heap block 0x[0-9a-f]+ \(16 bytes, still reachable "
        r"in loss record 1\), at offset 8,\nstored at fill "
        r"\(origins/heap_overwrite\.c:%d\)"
        % harness.marked_line(HEAP_OVERWRITE, "store"),
        seen["results"][4][0]), seen["results"]


def test_without_leak_origins_a_record_says_nothing_of_its_pointer(
        tmp_path):
    page = page_of(GLOBAL_OVERWRITE, tmp_path)
    seen = drive(page, ORIGIN_STEPS[:3])
    assert seen["results"][2] == ["Allocated at"]


def test_bad_source_root_and_bad_file_are_said_so(leaks, tmp_path):
    _, data, _ = leaks
    p = subprocess.run([REPORT, "--format=html", "--source-root",
                        str(tmp_path / "nowhere"), data],
                       capture_output=True, text=True)
    assert p.returncode == 2
    assert "--source-root %s: not a directory" % (tmp_path / "nowhere") \
        in p.stderr
    broken = tmp_path / "broken.json"
    with open(data) as f:
        broken.write_text(f.read()[:1000])
    out = tmp_path / "broken.html"
    p = subprocess.run([REPORT, "--format=html", "-o", str(out),
                        str(broken)], capture_output=True, text=True)
    assert p.returncode == 1
    assert p.stderr.startswith("memroot-report: %s: the file is truncated"
                               % broken)
    assert not out.exists()         # no half page left behind
