"""Retention by root: which root holds how much of the reachable heap, with
exact sizes that follow from each fixture's design, and totals that equal
Memcheck's "still reachable"."""

import json
import os
import re

import pytest

from harness import TOP, memcheck, memroot, parse_retention, refusal

MEMROOT_H = ("-I", os.path.join(TOP, "memroot"), "-I", "/usr/include/valgrind")


def exit_report(prog, *opts):
    rep = memroot(prog, *opts)
    reports = parse_retention(rep.text)
    assert reports, rep.text
    return rep, reports[-1]


def root_named(report, pattern):
    found = [r for r in report.roots if re.search(pattern, r.name)]
    assert len(found) == 1, (pattern, [r.name for r in report.roots])
    return found[0]


def test_global_hash_table_retains_its_array_and_nodes(build):
    prog = build("hash_table.c")
    _, report = exit_report(prog)
    table = root_named(report, r"^global g_table in .*/hash_table$")
    # 64 nodes of 32 bytes and the 16-pointer bucket array
    assert (table.bytes, table.blocks) == (64 * 32 + 16 * 8, 65)
    assert (table.reach_bytes, table.reach_blocks) == (64 * 32 + 16 * 8, 65)
    assert table.share == "100.0%"


def test_total_held_equals_memcheck_reachable_when_nothing_is_lost(build):
    prog = build("hash_table.c")
    _, report = exit_report(prog)
    oracle = memcheck(prog).leak
    # the table is the whole heap, and Memcheck finds all of it reachable
    assert oracle == {"definitely lost": (0, 0), "indirectly lost": (0, 0),
                      "possibly lost": (0, 0), "still reachable": (2176, 65),
                      "suppressed": (0, 0)}
    assert (report.bytes, report.blocks) == oracle["still reachable"]


def test_total_held_equals_memcheck_reachable_plus_possibly_lost(build):
    prog = build("interior.c")
    _, report = exit_report(prog)
    oracle = memcheck(prog).leak
    # the 10 strings, held by interior pointers, are possibly lost to Memcheck
    assert oracle["possibly lost"] == (10 * 40, 10)
    assert oracle["still reachable"] == (10 * 8, 1)
    assert (report.bytes, report.blocks) == (
        oracle["still reachable"][0] + oracle["possibly lost"][0],
        oracle["still reachable"][1] + oracle["possibly lost"][1])


def test_blocks_held_only_by_interior_pointers_are_retained(build):
    prog = build("interior.c")
    _, report = exit_report(prog)
    table = root_named(report, r"^global g_strings ")
    # the array and 10 strings of 40 bytes, each held by a pointer 8 bytes in
    assert (table.bytes, table.blocks) == (10 * 8 + 10 * 40, 11)


def test_root_lists_allocation_sites_of_what_it_retains(build, source_line):
    prog = build("hash_table.c")
    _, report = exit_report(prog)
    table = root_named(report, r"^global g_table ")
    assert [(b, n) for b, n, _ in table.sites] == [(2048, 64), (128, 1)]
    assert table.sites[0][2][:3] == ["malloc", "insert", "main"]
    assert table.sites[1][2][:2] == ["calloc", "main"]


def test_path_hops_give_offset_store_site_and_allocation_site(build, source_line):
    prog = build("hash_table.c")
    _, report = exit_report(prog)
    path = root_named(report, r"^global g_table ").path
    table_line = source_line("hash_table.c", "table")
    # root -> bucket array: the global's word, stored and allocated in main
    assert re.match(r"g_table\+0 \(0x[0-9a-f]+\) points to block 0x[0-9a-f]+ "
                    r"\(128 bytes\)$", path[0]), path
    assert re.match(r"stored at 0x[0-9A-F]+: main \(hash_table.c:%d\)$"
                    % table_line, path[1]), path
    assert re.match(r"allocated at 0x[0-9A-F]+: main \(hash_table.c:%d\)$"
                    % table_line, path[2]), path


def test_declaration_of_global_with_var_info(build, source_line):
    prog = build("hash_table.c")
    _, report = exit_report(prog, "--read-var-info=yes")
    table = root_named(report, r"^global g_table ")
    assert table.declared == "hash_table.c:%d" % source_line("hash_table.c",
                                                             "decl")


def test_list_held_by_local_in_deep_frame_of_second_thread(build, source_line):
    prog = build("thread_local_list.c", extra=MEMROOT_H + ("-lpthread",))
    rep = memroot(prog)
    report = parse_retention(rep.text)[0]
    frame = root_named(report, r"^frame #1 of thread 2")
    assert (frame.bytes, frame.blocks) == (100 * 32, 100)
    wait_line = source_line("thread_local_list.c", "wait")
    assert re.match(r"frame #1 of thread 2, 0x[0-9A-F]+: build_and_wait "
                    r"\(thread_local_list.c:%d\)$" % wait_line, frame.name)
    assert re.match(r"stored at 0x[0-9A-F]+: build_and_wait "
                    r"\(thread_local_list.c:%d\)$"
                    % source_line("thread_local_list.c", "store"), frame.path[1])


def test_local_variable_named_with_var_info(build, source_line):
    prog = build("thread_local_list.c", extra=MEMROOT_H + ("-lpthread",))
    rep = memroot(prog, "--read-var-info=yes")
    report = parse_retention(rep.text)[0]
    local = root_named(report, r"^local pending in frame #1 of thread 2")
    assert (local.bytes, local.blocks) == (100 * 32, 100)
    assert local.declared == "thread_local_list.c:%d" % source_line(
        "thread_local_list.c", "local")
    assert local.path[0].startswith("pending (0x")


def test_block_shared_by_two_globals_is_retained_by_neither(build):
    prog = build("shared.c")
    _, report = exit_report(prog, "--retention-threshold=0")
    first = root_named(report, r"^global g_first ")
    second = root_named(report, r"^global g_second ")
    own = root_named(report, r"^global g_own ")
    assert (first.bytes, first.blocks) == (0, 0)
    assert (first.reach_bytes, first.reach_blocks) == (150, 2)
    assert (second.reach_bytes, second.reach_blocks) == (150, 2)
    assert (own.bytes, own.blocks, own.reach_bytes) == (20, 1, 20)
    assert (report.shared_bytes, report.shared_blocks) == (150, 2)
    assert [sorted(s) for s in report.sharers] == [
        sorted(["global g_first in " + prog, "global g_second in " + prog])]


SHARED_SIZES = [16 * (30 - i) for i in range(30)]   # many_shared.c


def test_report_lists_the_biggest_shared_blocks_up_to_the_root_limit(build):
    prog = build("many_shared.c")
    rep, report = exit_report(prog, "--retention-roots=5")
    assert (report.shared_bytes, report.shared_blocks) == (sum(SHARED_SIZES), 30)
    listed = [int(m.group(1).replace(",", "")) for m in re.finditer(
        r"^==\d+==  Block 0x[0-9a-f]+ \(([\d,]+) bytes\) holds \1 bytes in"
        r" 1 blocks; 2 roots reach it:$", rep.text, re.M)]
    assert listed == SHARED_SIZES[:5]
    assert re.search(r"^==\d+==  and 25 more shared blocks$", rep.text, re.M)
    assert [sorted(s) for s in report.sharers] == [
        sorted(["global g_left in " + prog, "global g_right in " + prog])] * 5


def test_json_file_lists_as_many_shared_blocks_as_roots(build, tmp_path):
    prog = build("many_shared.c")
    out = tmp_path / "ret.json"
    memroot(prog, "--retention-roots=5", "--retention-file=%s" % out)
    data = json.loads(out.read_text())
    assert data["shared"] == {"bytes": sum(SHARED_SIZES), "blocks": 30}
    assert [b["size"] for b in data["shared_blocks"]] == SHARED_SIZES[:5]
    assert all(sorted(r["symbol"] for r in b["reached_from"])
               == ["g_left", "g_right"] for b in data["shared_blocks"])


def test_roots_below_threshold_are_not_listed(build):
    prog = build("shared.c")
    _, report = exit_report(prog)
    assert [r.name.split()[1] for r in report.roots] == ["g_own"]


def test_cycle_is_retained_by_its_one_root(build):
    prog = build("cycle.c")
    _, report = exit_report(prog)
    ring = root_named(report, r"^global g_ring ")
    assert (ring.bytes, ring.blocks) == (480, 10)
    assert (ring.reach_bytes, ring.reach_blocks) == (480, 10)


def test_block_held_only_by_a_register(build):
    prog = build("register.c", extra=MEMROOT_H)
    rep = memroot(prog)
    report = parse_retention(rep.text)[0]
    reg = root_named(report, r"^register R12 of thread 1$")
    assert (reg.bytes, reg.blocks) == (77, 1)
    assert report.n_roots == 1


def test_growth_between_reports_lists_only_the_growing_root(build):
    prog = build("growth.c", extra=MEMROOT_H)
    rep = memroot(prog)
    first, second = parse_retention(rep.text)[:2]
    assert [(r.name.split()[1], r.bytes) for r in first.roots] == [
        ("g_growing", 20 * 32), ("g_steady", 5 * 32)]
    assert [(r.name.split()[1], r.bytes, r.growth_bytes, r.growth_blocks)
            for r in second.roots] == [("g_growing", 30 * 32, 10 * 32, 10)]


def test_long_list_is_attributed_without_recursion(build):
    prog = build("long_list.c")
    _, report = exit_report(prog)
    head = root_named(report, r"^global g_list ")
    assert (head.bytes, head.blocks) == (200000 * 16, 200000)
    assert any(re.match(r"\.\.\. [\d,]+ more hops \.\.\.", l) for l in head.path)


def test_json_file_holds_the_same_figures(build, tmp_path):
    prog = build("shared.c")
    out = tmp_path / "ret.%p.json"
    rep, report = exit_report(prog, "--retention-threshold=0",
                              "--retention-file=%s" % out)
    data = json.loads((tmp_path / ("ret.%d.json" % rep.pid)).read_text())
    roots = {r["root"]["symbol"]: r for r in data["roots"]}
    assert roots["g_first"]["retained"] == {"bytes": 0, "blocks": 0}
    assert roots["g_first"]["reachable"] == {"bytes": 150, "blocks": 2}
    assert roots["g_own"]["retained"] == {"bytes": 20, "blocks": 1}
    assert data["shared"] == {"bytes": 150, "blocks": 2}
    assert data["reachable"] == {"bytes": report.bytes, "blocks": report.blocks}
    assert sorted(r["symbol"] for r in data["shared_blocks"][0]["reached_from"]) \
        == ["g_first", "g_second"]


def test_retention_no_prints_no_report(build):
    prog = build("cycle.c")
    on, off = memroot(prog), memroot(prog, "--retention=no")
    # the ring's report is there by default, and only the report goes
    assert [(r.name.split()[1], r.bytes) for r in parse_retention(on.text)[-1].roots] \
        == [("g_ring", 480)]
    assert "RETENTION" not in off.text
    assert parse_retention(off.text) == []
    assert off.leak == on.leak
    assert off.leak["still reachable"] == (480, 10)


@pytest.mark.parametrize("opt, complaint", [
    ("--retention-roots=0", "'--retention-roots' argument must be between 1 "
                            "and 1000000"),
    ("--retention-threshold=101", "must be a percentage between 0 and 100"),
    ("--retention-threshold=abc", "Invalid floating point value 'abc'"),
    ("--retention=maybe", "Invalid boolean value 'maybe' (should be 'yes' or "
                          "'no')"),
])
def test_bad_retention_option_is_refused(build, opt, complaint):
    prog = build("cycle.c")
    rep = memroot(prog, opt)
    assert rep.returncode == 1
    assert rep.text.splitlines()[:2] == refusal(opt, complaint)


def test_xml_carries_the_report_in_its_own_element(build, tmp_path):
    import xml.etree.ElementTree as ET
    prog = build("shared.c")
    xml = tmp_path / "out.xml"
    memroot(prog, "--xml=yes", "--xml-file=%s" % xml)
    ret = ET.parse(xml).getroot().find("memroot_retention")
    assert ret is not None
    [own] = ret.findall("root")
    assert own.find("name").text == "global g_own in " + prog
    assert own.find("kind").text == "global"
    assert (own.find("retained/bytes").text, own.find("retained/blocks").text) \
        == ("20", "1")
    assert own.find("site/stack/frame[2]/fn").text == "main"
    assert (ret.find("shared/bytes").text, ret.find("shared/blocks").text) \
        == ("150", "2")


def test_retention_path_option_prints_paths_at_exit(build):
    prog = build("cycle.c")
    _, report = exit_report(prog)
    # Valgrind places the heap the same way in every run of a program.
    last_hop = [l for l in report.roots[0].path if "points to block" in l][-1]
    block = re.search(r"points to block (0x[0-9a-f]+)", last_hop)[1]
    rep = memroot(prog, "--retention-path=%s" % block)
    assert re.search(r"Block %s \(48 bytes\) is retained through 1 shortest path:"
                     % block, rep.text), rep.text
    assert re.search(r"From global g_ring in \S+ \(which alone retains it\):",
                     rep.text), rep.text


def test_retention_path_option_needs_an_address(build):
    prog = build("cycle.c")
    rep = memroot(prog, "--retention-path=ring")
    assert rep.returncode == 1
    assert rep.text.splitlines()[:2] == [
        "valgrind: Bad option: --retention-path=ring",
        "valgrind: expected an address such as 0x4a3a040, 0x followed by at"
        " most 16 hex digits"]
