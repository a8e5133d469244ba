# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""--leak-origins=yes: a lost block's loss record says where its last
pointer went (the line that dropped it, marked SITE:drop in each fixture),
what held it and which line had stored it there (SITE:store); the verdicts
stay Memcheck's."""

import re

import pytest

from harness import memcheck, memroot

ORIGINS = ("--leak-check=full", "--show-leak-kinds=all", "--leak-origins=yes")
_FRAME = re.compile(r"^\s+(?:at|by) 0x[0-9A-F]+: (\S+) \(([^():]+):(\d+)\)$")


def strip(text):
    return [re.sub(r"^==\d+== ?", "", l) for l in text.splitlines()
            if re.match(r"^==\d+==", l)]


def record(lines, kind, size):
    """The lines of the first loss record of kind whose first number is size."""
    head = re.compile(r"^%s (?:\(.*\) )?bytes in \d+ blocks are %s in loss record"
                      % (size, kind))
    i = next(n for n, l in enumerate(lines) if head.match(l))
    end = next(n for n in range(i + 1, len(lines)) if lines[n] == "")
    return lines[i:end]


def origin(lines, kind, size):
    """(how, first frame of the drop stack in the fixture as (fn, file, line),
    holder sentence, store site as (fn, file, line))."""
    rec = record(lines, kind, size)
    i = next(n for n, l in enumerate(rec) if l.startswith(" Its last pointer"))
    frames = []
    n = i + 1
    while _FRAME.match(rec[n]) or rec[n].lstrip().startswith(("at ", "by ")):
        m = _FRAME.match(rec[n])
        if m:
            frames.append((m[1], m[2], int(m[3])))
        n += 1
    held = rec[n]
    stored = re.search(r"stored at 0x[0-9A-F]+: (\S+) \(([^():]+):(\d+)\)$", rec[n + 1])
    return (rec[i], frames, held,
            (stored[1], stored[2], int(stored[3])) if stored else rec[n + 1])


def first_in(frames, fixture):
    return next(f for f in frames if f[1] == fixture)


CASES = [
    # fixture, lost size, how, holder, function that drops, that stores
    ("global_overwrite.c", 100, "was overwritten",
     " It was held by global g_current,", "reopen", "open_session"),
    ("heap_overwrite.c", 40, "was overwritten",
     re.compile(r" It was held by heap block 0x[0-9a-f]+ \(16 bytes, still reachable"
                r" in loss record 1\), at offset 8,$"), "clear", "fill"),
    ("local_overwrite.c", 24, "was overwritten",
     " It was held by a local variable of main,", "main", "main"),
    ("frame_return.c", 32, "died with its stack frame",
     " It was held by a local variable of work,", "work", "work"),
    ("holder_freed.c", 64, "was freed with the block holding it",
     re.compile(r" It was held by heap block 0x[0-9a-f]+ \(8 bytes, since freed\),"
                r" at offset 0,$"), "main", "main"),
    ("realloc_moved.c", 48, "was overwritten",
     re.compile(r" It was held by heap block 0x[0-9a-f]+ \(64 bytes, still reachable"
                r" in loss record 2\), at offset 0,$"), "main", "main"),
    ("list_head.c", "48 \\(16 direct, 32 indirect\\)", "was overwritten",
     " It was held by global g_head,", "main", "push"),
    ("syscall_drop.c", 72, "was overwritten by a system call",
     " It was held by global g_word,", "main", "main"),
]


@pytest.mark.parametrize("fixture, size, how, held, dropper, storer", CASES,
                         ids=[c[0] for c in CASES])
def test_text_names_the_line_that_dropped_the_last_pointer(
        build, source_line, fixture, size, how, held, dropper, storer):
    rep = memroot(build(fixture), *ORIGINS)
    said, frames, holder, stored = origin(strip(rep.text), "definitely lost", size)
    assert said == " Its last pointer %s at" % how
    assert first_in(frames, fixture) == (dropper, fixture,
                                         source_line(fixture, "drop"))
    if isinstance(held, str):
        assert holder == held
    else:
        assert held.match(holder), holder
    assert stored == (storer, fixture, source_line(fixture, "store"))


def test_list_members_say_they_were_lost_with_their_holder(build):
    lines = strip(memroot(build("list_head.c"), *ORIGINS).text)
    members = [l for l in lines if "are indirectly lost in loss record" in l]
    assert len(members) == 2
    for m in members:
        rec = record(lines, "indirectly lost", m.split()[0])
        assert rec.count(" It was lost with the block holding it") == 1
        assert not any(l.startswith(" Its last pointer") for l in rec)


def test_register_only_pointer_was_never_stored(build):
    rec = record(strip(memroot(build("register_only.c"), *ORIGINS).text),
                 "definitely lost", 16)
    assert rec[-1] == (" Its pointer was never stored in memory since it was"
                       " allocated (kept in registers only)")


def test_reachable_records_say_nothing_of_origins(build):
    lines = strip(memroot(build("global_overwrite.c"), *ORIGINS).text)
    rec = record(lines, "still reachable", 50)
    assert not any(l.startswith(" It") for l in rec)


def test_without_the_option_records_say_nothing_of_origins(build):
    text = memroot(build("global_overwrite.c"), "--leak-check=full").text
    assert "Its last pointer" not in text and "It was held by" not in text


@pytest.mark.parametrize("fixture", [c[0] for c in CASES]
                         + ["register_only.c"])
def test_verdicts_stay_memchecks_with_the_option(build, fixture):
    prog = build(fixture)
    mine = memroot(prog, *ORIGINS)
    theirs = memcheck(prog, "--leak-check=full", "--show-leak-kinds=all")
    assert mine.leak == theirs.leak
    assert [lr.key() for lr in mine.loss_records] == \
        [lr.key() for lr in theirs.loss_records]


def _xml_errors(prog, tmp_path):
    import subprocess
    import xml.etree.ElementTree as ET
    from harness import VG_IN_PLACE
    out = tmp_path / "out.xml"
    subprocess.run([VG_IN_PLACE, *ORIGINS, "--xml=yes", "--xml-file=%s" % out, prog],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return ET.parse(str(out)).getroot().findall("error")


def _xml_frame(frame):
    return (frame.findtext("fn"), frame.findtext("file"), int(frame.findtext("line")))


@pytest.mark.parametrize("fixture, size, how, held, dropper, storer", CASES,
                         ids=[c[0] for c in CASES])
def test_xml_carries_the_drop_in_an_element_readers_skip(
        build, tmp_path, source_line, fixture, size, how, held, dropper, storer):
    lost = [e for e in _xml_errors(build(fixture), tmp_path)
            if e.findtext("kind") == "Leak_DefinitelyLost"]
    assert len(lost) == 1
    last = lost[0].find("lastpointer")
    keyword = {"was overwritten": "overwritten",
               "died with its stack frame": "frame-died",
               "was freed with the block holding it": "holder-freed",
               "was overwritten by a system call": "syscall"}[how]
    assert last.findtext("how") == keyword
    frames = [_xml_frame(f) for f in last.find("stack").findall("frame")
              if f.findtext("file") == fixture]
    assert frames[0] == (dropper, fixture, source_line(fixture, "drop"))
    site = last.find("holder").find("storedat")
    assert _xml_frame(site) == (storer, fixture, source_line(fixture, "store"))
    # Memcheck's own elements come first, as its readers expect.
    assert [c.tag for c in lost[0]][:4] == ["unique", "tid", "kind", "xwhat"]


def test_xml_members_of_a_lost_list_went_with_their_holder(build, tmp_path):
    members = [e for e in _xml_errors(build("list_head.c"), tmp_path)
               if e.findtext("kind") == "Leak_IndirectlyLost"]
    assert [e.find("lastpointer").findtext("how") for e in members] == \
        ["with-holder", "with-holder"]


def _json(prog, tmp_path):
    import json
    out = tmp_path / "data.json"
    memroot(prog, *ORIGINS, "--memroot-out-file=%s" % out)
    return json.loads(out.read_text())


def _json_frames(data, stack):
    return [(f.get("function"), f.get("file"), f.get("line"))
            for f in (data["frames"][i] for i in data["stacks"][stack])]


@pytest.mark.parametrize("fixture, size, how, held, dropper, storer", CASES,
                         ids=[c[0] for c in CASES])
def test_json_records_name_the_line_that_dropped_the_last_pointer(
        build, tmp_path, source_line, fixture, size, how, held, dropper, storer):
    data = _json(build(fixture), tmp_path)
    lost = [r for r in data["leak"]["records"] if r["kind"] == "definite"]
    assert len(lost) == 1
    last = lost[0]["last_pointer"]
    frames = [f for f in _json_frames(data, last["stack"]) if f[1] == fixture]
    assert frames[0] == (dropper, fixture, source_line(fixture, "drop"))
    assert _json_frames(data, last["holder"]["stored_at"]) == \
        [(storer, fixture, source_line(fixture, "store"))]
    assert all("last_pointer" not in r for r in data["leak"]["records"]
               if r["kind"] == "reachable")


def test_json_register_only_and_list_members(build, tmp_path):
    data = _json(build("register_only.c"), tmp_path)
    assert data["leak"]["records"][0]["last_pointer"] == {"how": "never-stored"}
    data = _json(build("list_head.c"), tmp_path)
    assert [r["last_pointer"]["how"] for r in data["leak"]["records"]] == \
        ["with-holder", "with-holder", "overwritten"]


def test_json_with_origins_validates_against_the_schema(build, tmp_path):
    import json
    import os
    import jsonschema
    schema = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))), "docs", "memroot-data.schema.json")
    for fixture in ("holder_freed.c", "heap_overwrite.c", "list_head.c", "register_only.c"):
        with open(schema) as f:
            jsonschema.validate(_json(build(fixture), tmp_path), json.load(f))
