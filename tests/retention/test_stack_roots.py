# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""Stack roots named at exit and mid-run, for every thread: each root of a
stack is a local (or the frame) of a named function of a numbered thread,
the rest of a thread's stack and its own storage are named as such, and
the stack view shows each thread's backtrace with what each frame holds.
Sizes follow from each fixture's design; Memcheck gives the totals."""

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

from harness import TOP, compile_fixture, marked_line, memcheck, memroot, parse_retention
from stackview import parse_stack_views

HERE = os.path.dirname(os.path.abspath(__file__))
MEMROOT_H = ("-I", os.path.join(TOP, "memroot"), "-I", "/usr/include/valgrind")
NODE = 32
STACKS = ("--retention-stacks=yes", "--read-var-info=yes")


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """run(fixture, *opts, args=()) runs a fixture (built once) under memroot,
    once per set of options."""
    built, runs = {}, {}

    def _run(name, *opts, args=()):
        if name not in built:
            outdir = str(tmp_path_factory.mktemp(name))
            built[name] = compile_fixture(os.path.join(HERE, name + ".c"), outdir,
                                          MEMROOT_H + ("-lpthread",))
        key = (name, opts, args)
        if key not in runs:
            runs[key] = memroot(built[name], *opts, args=args)
        return built[name], runs[key]
    return _run


def line(name, marker):
    return marked_line(os.path.join(HERE, name + ".c"), marker)


def root_named(report, pattern):
    found = [r for r in report.roots if re.search(pattern, r.name)]
    assert len(found) == 1, (pattern, [r.name for r in report.roots])
    return found[0]


def frame_name(local, frame, tid, function, fixture, marker):
    """The pattern of a stack root's name; frame None: any number."""
    return (r"^local %s in frame #%s of thread %d, 0x[0-9A-F]+: %s \(%s\.c:%d\)$"
            % (local, r"\d+" if frame is None else frame, tid, function, fixture,
               line(fixture, marker)))


# --- Threads parked, blocked and calling exit (exit_threads.c) --------------

# local, thread, function, marker of the line the frame is at, nodes
HOLDERS = [
    ("in_main", 1, "main", "leave", 50),
    ("on_barrier", 2, "park_on_barrier", "barrier", 100),
    ("on_cond", 3, "park_on_cond", "cond", 200),
    ("in_read", 4, "park_in_read", "read", 300),
]


@pytest.mark.parametrize("when", [0, 1], ids=["mid-run", "at-exit"])
@pytest.mark.parametrize("local, tid, function, marker, nodes", HOLDERS)
def test_each_threads_list_is_retained_by_its_local_in_its_function(
        run, when, local, tid, function, marker, nodes):
    _, rep = run("exit_threads", *STACKS, args=("report",))
    report = parse_retention(rep.text)[when]
    view = parse_stack_views(rep.text)[when]
    root = root_named(report, r"^local %s in " % local)
    assert (root.bytes, root.blocks) == (nodes * NODE, nodes)
    frame = view.threads[tid].frame_of(function)
    assert re.match(frame_name(local, frame.number, tid, function, "exit_threads",
                               marker), root.name), root.name


def test_exit_unwinds_the_exiting_thread_from_exit_down_to_main(run):
    _, rep = run("exit_threads", *STACKS)
    thread = parse_stack_views(rep.text)[-1].threads[1]
    assert thread.state == "called exit"
    functions = thread.functions()
    assert functions[functions.index("exit") + 1:][:2] == ["leave", "main"]
    main = thread.frame_of("main")
    assert main.where == "main (exit_threads.c:%d)" % line("exit_threads", "leave")
    assert main.retained == (50 * NODE, 50)
    assert main.locals == {"in_main": ((50 * NODE, 50), (50 * NODE, 50))}
    # exit's frames and leave's hold nothing
    assert all(n in thread.empty for n in range(main.number))


@pytest.mark.parametrize("tid, function, blocking, nodes", [
    (2, "park_on_barrier", "pthread_barrier_wait", 100),
    (3, "park_on_cond", "pthread_cond_wait", 200),
    (4, "park_in_read", "read", 300),
])
def test_exit_keeps_each_killed_threads_frames(run, tid, function, blocking, nodes):
    _, rep = run("exit_threads", *STACKS)
    thread = parse_stack_views(rep.text)[-1].threads[tid]
    assert thread.state == "killed by exit"
    functions = thread.functions()
    assert functions[-2:] == ["start_thread", "clone"]
    assert functions[functions.index(function) - 1].startswith(blocking)
    assert thread.frame_of(function).retained == (nodes * NODE, nodes)


def test_thread_storage_holds_each_workers_dtv_which_memcheck_calls_possibly_lost(run):
    prog, rep = run("exit_threads", *STACKS)
    view = parse_stack_views(rep.text)[-1]
    oracle = memcheck(prog).leak
    dtv_bytes, dtvs = oracle["possibly lost"]
    assert dtvs == 3
    for tid in (2, 3, 4):
        assert view.threads[tid].parts == {
            "thread-local storage": ((dtv_bytes // 3, 1), (dtv_bytes // 3, 1))}


def test_stacks_hold_everything_memcheck_finds_held(run):
    prog, rep = run("exit_threads", *STACKS)
    view = parse_stack_views(rep.text)[-1]
    oracle = memcheck(prog).leak
    assert view.retained == (
        oracle["still reachable"][0] + oracle["possibly lost"][0],
        oracle["still reachable"][1] + oracle["possibly lost"][1])


def test_a_root_keeps_its_identity_from_a_live_report_to_exit(run):
    _, rep = run("exit_threads", *STACKS, args=("report",))
    live, at_exit = parse_retention(rep.text)
    assert [r.name for r in at_exit.roots if "(gone)" in r.name] == []
    for root in at_exit.roots:
        assert (root.growth_bytes, root.growth_blocks) == (0, 0), root.name


def test_a_growing_local_is_one_root_though_its_frame_moved(run):
    _, rep = run("growing_local", "--read-var-info=yes")
    first, second = parse_retention(rep.text)[:2]
    [root] = first.roots
    assert re.match(frame_name("growing", 0, 1, "main", "growing_local", "first"),
                    root.name), root.name
    assert (root.bytes, root.blocks) == (20 * NODE, 20)
    [root] = second.roots
    assert re.match(frame_name("growing", 0, 1, "main", "growing_local", "second"),
                    root.name), root.name
    assert (root.bytes, root.growth_bytes, root.growth_blocks) == (30 * NODE, 10 * NODE, 10)


def test_a_local_whose_function_returned_is_a_gone_root(run):
    _, rep = run("gone_local", "--read-var-info=yes")
    first, second = parse_retention(rep.text)[:2]
    [held] = first.roots
    assert re.match(frame_name("held", 0, 1, "hold", "gone_local", "held"), held.name)
    [gone] = second.roots
    assert gone.name == held.name + " (gone)"
    assert (gone.bytes, gone.growth_bytes, gone.growth_blocks) == (0, -5 * NODE, -5)


# --- A thread that called pthread_exit (exited_thread.c) --------------------

@pytest.mark.parametrize("when", [0, 1], ids=["mid-run", "at-exit"])
def test_result_of_an_exited_thread_is_held_by_its_storage(run, when):
    prog, rep = run("exited_thread", *STACKS)
    report = parse_retention(rep.text)[when]
    root = root_named(report, r"^thread-local storage of exited thread 2$")
    dtv = memcheck(prog).leak["possibly lost"]
    assert (root.bytes, root.blocks) == (40 * NODE + dtv[0], 40 + dtv[1])
    assert root.sites[0][:2] == (40 * NODE, 40)
    assert root.sites[0][2][:2] == ["malloc", "give_up"]
    assert re.match(r"control block \+[\d,]+ \(0x[0-9a-f]+\) points to block", root.path[0])
    assert re.match(r"stored at 0x[0-9A-F]+: pthread_exit ", root.path[1])
    thread = parse_stack_views(rep.text)[when].threads["exited 2"]
    assert thread.state == "exited"
    assert thread.functions() == ["start_thread", "clone"]


# --- Deep frames -------------------------------------------------------------

@pytest.mark.parametrize("when, frame", [(0, 13), (1, None)], ids=["mid-run", "at-exit"])
def test_local_in_a_frame_deeper_than_eight_is_named(run, when, frame):
    _, rep = run("deep_local", *STACKS)
    root = root_named(parse_retention(rep.text)[when], r"far_away")
    assert (root.bytes, root.blocks) == (25 * NODE, 25)
    assert re.match(frame_name("far_away", frame, 1, "main", "deep_local", "call"),
                    root.name), root.name
    assert int(re.search(r"frame #(\d+)", root.name)[1]) > 8


def test_stack_view_shows_each_of_fifty_recursive_frames(run):
    _, rep = run("recursion", *STACKS)
    thread = parse_stack_views(rep.text)[0].threads[1]
    recursive = sorted(f.number for f in thread.frames.values()
                       if f.where.startswith("recurse "))
    assert recursive == list(range(50))
    for n in recursive:
        frame = thread.frames[n]
        size = 100 + 49 - n               # frame #0 is depth 49
        marker = "report" if n == 0 else "call"
        assert frame.where == "recurse (recursion.c:%d)" % line("recursion", marker)
        assert frame.retained == (size, 1)
        assert frame.locals == {"mine": ((size, 1), (size, 1))}


def test_every_frame_of_a_100000_frame_recursion_is_a_root_of_its_own(run, tmp_path):
    out = tmp_path / "deep.json"
    run("deep_recursion", "-q", "--retention-roots=1000000", "--retention-threshold=0",
        "--retention-file=%s" % out)
    data = json.loads(out.read_text())
    frames = [r for r in data["roots"] if r["root"]["kind"] == "stack"]
    assert all(r["root"]["function"] == "descend" for r in frames)
    assert all(r["retained"] == {"bytes": 24, "blocks": 1} for r in frames)
    numbers = sorted(r["root"]["frame"] for r in frames)
    # exit's own frames come first: #0 _Exit, #1 __run_exit_handlers, #2 exit
    assert numbers == list(range(3, 3 + 100000))


# --- Paths, globals -----------------------------------------------------------

def test_path_of_a_stack_array_leads_to_its_blocks(run):
    _, rep = run("stack_array", "--read-var-info=yes")
    report = parse_retention(rep.text)[0]
    items = root_named(report, r"^local items in frame #1 of thread 2, 0x[0-9A-F]+: "
                       r"hold_items \(stack_array\.c:%d\)$" % line("stack_array", "park"))
    assert (items.bytes, items.blocks) == (1000 * 72, 1000)
    assert re.match(r"items(\+\d+)? \(0x[0-9a-f]+\) points to block 0x[0-9a-f]+ "
                    r"\(72 bytes\)$", items.path[0]), items.path


def test_path_follows_the_site_holding_most_not_the_biggest_block(run):
    _, rep = run("mixed_children")
    registry = root_named(parse_retention(rep.text)[0], r"^global g_registry ")
    assert (registry.bytes, registry.blocks) == (1000 * 72 + 272, 1001)
    assert re.search(r"points to block 0x[0-9a-f]+ \(72 bytes\)$", registry.path[0]), \
        registry.path


def test_global_word_with_var_info_names_its_field(run):
    _, rep = run("mixed_children", "--read-var-info=yes")
    registry = root_named(parse_retention(rep.text)[0], r"^global g_registry ")
    assert re.match(r"g_registry\.items\[\d+\] \(0x[0-9a-f]+\) points to block",
                    registry.path[0]), registry.path


def test_word_outside_any_symbol_is_named_by_its_objects_address(build, tmp_path):
    prog = build("stripped_static.c")
    symbols = subprocess.run(["nm", prog], stdout=subprocess.PIPE, text=True,
                             check=True).stdout
    hidden = int(re.search(r"^([0-9a-f]+) b hidden$", symbols, re.M)[1], 16)
    stripped = str(tmp_path / "stripped")
    subprocess.run(["strip", "-o", stripped, prog], check=True)
    report = parse_retention(memroot(stripped).text)[0]
    [root] = report.roots
    # hidden[2] holds the block
    assert root.name == "data of %s at +%#x, no symbol" % (stripped, hidden + 16)
    assert (root.bytes, root.blocks) == (100, 1)


def test_each_of_many_listed_roots_has_its_own_path(run):
    _, rep = run("many_roots", "--retention-roots=1000", "--retention-threshold=0")
    report = parse_retention(rep.text)[0]
    names = sorted(r.name.split()[1] for r in report.roots)
    assert names == sorted("g%02x" % i for i in range(256))
    for root in report.roots:
        symbol = root.name.split()[1]
        assert (root.bytes, root.blocks) == (3 * NODE, 3), root.name
        hops = [l for l in root.path if "points to block" in l]
        assert len(hops) == 3, (root.name, root.path)
        assert hops[0].startswith("%s+0 (0x" % symbol), (root.name, root.path)


# --- What every report of these fixtures shares ------------------------------

FIXTURES = [("exit_threads", ("report",)), ("exited_thread", ()), ("deep_local", ()),
            ("recursion", ()), ("stack_array", ())]


@pytest.mark.parametrize("fixture, args", FIXTURES)
def test_no_root_is_an_anonymous_mapping(run, fixture, args):
    _, rep = run(fixture, *STACKS, args=args)
    reports = parse_retention(rep.text)
    assert reports
    for report in reports:
        assert [r.name for r in report.roots if "anonymous mapping" in r.name] == []


@pytest.mark.parametrize("fixture, args", FIXTURES)
def test_log_has_no_warning_from_the_core(run, fixture, args):
    _, rep = run(fixture, *STACKS, args=args)
    assert "RETENTION BY THREAD STACK" in rep.text
    assert re.findall(r"^--\d+-- .*warning.*$|evaluate_Dwarf3_Expr", rep.text,
                      re.M | re.I) == []


# --- XML and JSON -------------------------------------------------------------

def test_xml_root_names_are_text(run, tmp_path):
    out = tmp_path / "out.xml"
    run("exit_threads", "--xml=yes", "--xml-file=%s" % out)
    names = [n.text for n in ET.parse(out).getroot().findall("memroot_retention/root/name")]
    assert any(re.match(r"^frame #\d+ of thread 4, 0x[0-9A-F]+: park_in_read "
                        r"\(exit_threads\.c:%d\)$" % line("exit_threads", "read"), n)
               for n in names), names
    assert all("<" not in n and "&" not in n for n in names), names


def test_xml_stack_view_has_each_threads_frames(run, tmp_path):
    out = tmp_path / "out.xml"
    run("exit_threads", "--xml=yes", "--xml-file=%s" % out, "--retention-stacks=yes")
    stacks = ET.parse(out).getroot().find("memroot_retention/stacks")
    threads = {int(t.find("tid").text): t for t in stacks.findall("thread")}
    assert sorted(threads) == [1, 2, 3, 4]
    assert threads[4].find("state").text == "killed by exit"
    [frame] = [f for f in threads[4].findall("frame") if f.find("fn").text == "park_in_read"]
    assert (frame.find("file").text, frame.find("line").text) == (
        "exit_threads.c", str(line("exit_threads", "read")))
    assert frame.find("retained/bytes").text == str(300 * NODE)
    assert [p.find("name").text for p in threads[4].findall("part")] == [
        "thread-local storage"]


def test_json_stack_view_has_each_threads_frames_and_locals(run, tmp_path):
    out = tmp_path / "ret.json"
    run("exit_threads", "--retention-stacks=yes", "--read-var-info=yes",
        "--retention-file=%s" % out)
    data = json.loads(out.read_text())
    threads = {t["thread"]: t for t in data["stacks"]["threads"]}
    assert threads[1]["state"] == "called exit"
    [main] = [f for f in threads[1]["frames"] if f["function"] == "main"]
    assert main["line"] == line("exit_threads", "leave")
    assert main["retained"] == {"bytes": 50 * NODE, "blocks": 50}
    assert [(l["local"], l["retained"]["bytes"]) for l in main["locals"]] == [
        ("in_main", 50 * NODE)]
