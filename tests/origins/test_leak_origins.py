# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the GNU General Public
# License, version 2 or (at your option) any later version; see COPYING.
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
