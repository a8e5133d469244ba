# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""The data file as every view reads it: loading it (with a clear word
for a file that is not one), its frames and stacks, the names of roots.
The layout is docs/datafile.md."""

import json
import os

VERSION = 1          # the data-file version this reader knows
KINDS = {"definite": "definitely lost", "indirect": "indirectly lost",
         "possible": "possibly lost", "reachable": "still reachable"}


class BadFile(Exception):
    """The file is missing, not a memroot data file, truncated, or of
    another version: said in words, exit status 1."""


def load(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise BadFile("%s: cannot read it: %s" % (path, e.strerror))
    if not raw.strip():
        raise BadFile("%s: the file is empty" % path)
    text = raw.decode("utf-8", errors="replace")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        if e.pos >= len(text.rstrip()) - 1 or "Unterminated" in e.msg \
                or "Expecting" in e.msg and e.pos >= len(text.rstrip()) - 2:
            raise BadFile("%s: the file is truncated: its JSON stops at byte "
                          "%d (was the program killed while it was "
                          "written?)" % (path, len(raw)))
        raise BadFile("%s: not a memroot data file: bad JSON at line %d, "
                      "column %d: %s" % (path, e.lineno, e.colno, e.msg))
    if not isinstance(data, dict) or "memroot_data" not in data:
        raise BadFile("%s: not a memroot data file (no \"memroot_data\" "
                      "version member)" % path)
    if data["memroot_data"] != VERSION:
        raise BadFile("%s: data file version %s; this memroot-report reads "
                      "version %d" % (path, data["memroot_data"], VERSION))
    for member in ("heap", "stacks", "frames"):
        if member not in data:
            raise BadFile("%s: the file has no \"%s\" member: truncated or "
                          "not written by memroot" % (path, member))
    return data


# ---------------------------------------------------------------- frames

class Frames:
    """Names for the data file's frames and stacks."""

    def __init__(self, data):
        self.frames = data["frames"]
        self.stacks = data["stacks"]

    def name(self, i):
        f = self.frames[i]
        if f.get("function"):
            return f["function"]
        if f.get("object"):
            return "??? (%s)" % os.path.basename(f["object"])
        return f["ip"]

    def where(self, i):
        """As Valgrind prints a frame: fn (file:line) or fn (in object)."""
        f = self.frames[i]
        fn = f.get("function") or "???"
        if f.get("file"):
            return "%s: %s (%s:%d)" % (f["ip"].upper().replace("X", "x"), fn,
                                        f["file"], f["line"])
        if f.get("object"):
            return "%s: %s (in %s)" % (f["ip"].upper().replace("X", "x"), fn,
                                        f["object"])
        return "%s: %s" % (f["ip"].upper().replace("X", "x"), fn)

    def folded(self, stack):
        """Root first, as flame graphs read them."""
        return [self.name(i).replace(";", ":") for i in
                reversed(self.stacks[stack])]

    def print_stack(self, out, stack, indent="   "):
        for n, i in enumerate(self.stacks[stack]):
            out.write("%s%s %s\n" % (indent, "at" if n == 0 else "by",
                                     self.where(i)))


def thread_label(r):
    return "%sthread %s" % ("exited " if r.get("exited") else "",
                            r.get("thread"))


def root_name(r):
    """A root's name as the log prints it (memroot's MR_(root_name)),
    from its data-file members; an object's address is the run's, not
    the object's own."""
    k = r["kind"]
    if k == "global":
        return "global %s" % r["symbol"] + (" in %s" % r["object"]
                                            if r.get("object") else "")
    if k == "object":
        words = r.get("words") or 1
        return "data of %s at %s%s, no symbol" % (
            r["object"], r.get("address", "?"),
            " and {:,} more words".format(words - 1) if words > 1 else "")
    if k == "stack":
        local = "local %s in " % r["local"] if r.get("local") else ""
        return "%sframe #%d of %s, %s%s" % (
            local, r["frame"], thread_label(r), r["ip"],
            ": " + r["function"] if r.get("function") else "")
    if k == "stack_rest":
        return "%s's stack %s" % (thread_label(r), "below its stack pointer"
                                  if r.get("part") == "below_stack_pointer"
                                  else "above its outermost frame")
    if k == "register":
        return "register %s of thread %d" % (r["register"], r["thread"])
    if k == "tls":
        return "thread-local storage of %s" % thread_label(r)
    if k == "mapping":
        return ("file mapping %s (%s-%s)" % (r["file"], r["start"], r["end"])
                if r.get("file")
                else "anonymous mapping %s-%s" % (r["start"], r["end"]))
    return k


def n(v):
    return "{:,}".format(v)


# A record's last_pointer "how" keywords, as the text report words them
# (memroot's mr_origins.c; docs/leak-check.md).
DROPS = {"overwritten": "was overwritten",
         "frame-died": "died with its stack frame",
         "holder-freed": "was freed with the block holding it",
         "unmapped": "was unmapped",
         "syscall": "was overwritten by a system call"}
STORED_BY = {"none": "not stored since the memory became live",
             "syscall": "written by a system call",
             "startup": "present at start-up",
             "valgrind": "written by Valgrind (signal frame or heap copy)",
             "before-block": "stored before the memory it points to became "
                             "a heap block"}


def last_pointer_text(lp, record_kind, place):
    """A record's last_pointer in the text report's words: (the line
    before the drop's stack, or the only line; the holder's line; the
    store's line), the last two None without a drop.  record_kind(number)
    is a loss record's kind keyword, place(stack) names a one-frame
    stack as "function (file:line)"."""
    how = lp["how"]
    if how == "never-stored":
        return ("Its pointer was never stored in memory since it was "
                "allocated (kept in registers only)", None, None)
    if how == "held":
        k = lp.get("held_by", 0)
        return ("Its pointers were not dropped: %s marked word%s still "
                "hold%s it (in lost blocks, or hidden)" % (
                    n(k), "" if k == 1 else "s", "s" if k == 1 else ""),
                None, None)
    if how == "with-holder":
        return "It was lost with the block holding it", None, None
    h = lp["holder"]
    kind = h["kind"]
    if kind == "global" and h.get("name"):
        held = "global %s" % h["name"]
    elif kind == "local":
        held = "a local variable of %s" % (h.get("name") or "???")
    elif kind == "heap" and h.get("block"):
        offset = int(h["address"], 16) - int(h["block"], 16)
        state = "since freed" if h.get("block_freed") else "%s in loss " \
            "record %s" % (KINDS[record_kind(h["block_record"])],
                           n(h["block_record"]))
        held = "heap block %s (%s bytes, %s), at offset %s" % (
            h["block"], n(h["block_bytes"]), state, n(offset))
    elif kind == "heap":
        held = "a heap block, since freed, at %s" % h["address"]
    else:
        held = "the word at %s" % h["address"]
    stored = "stored at %s" % place(h["stored_at"]) \
        if h.get("stored_at") is not None \
        else STORED_BY.get(h.get("stored_by"), h.get("stored_by"))
    return ("Its last pointer %s at" % DROPS.get(how, "went"),
            "It was held by %s," % held, stored)
