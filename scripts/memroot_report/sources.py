# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""The program's own source files, under a source root: where a frame's
file is relative to the root, which frame of a stack is the first in the
program's own code, and the text of source lines.

A frame's file is what Valgrind prints: the base name ("list.c"), or a
longer path with --fullpath-after.  A name that is not an absolute path
is looked for under the root as a path suffix; when several files end
so, the shortest path wins (then the first in name order), which
--fullpath-after= makes unambiguous."""

import os

# memroot's allocator replacements live in its preload; their frames are
# never the program's.
ALLOCATOR_OBJECT = "vgpreload_"
# A walk of the root stops here: a root of / must not take minutes.
MAX_FILES = 200000


def is_allocator(frame):
    return ALLOCATOR_OBJECT in (frame.get("object") or "")


def named_frame(frames, stack):
    """The first frame of stack (innermost first) that is neither the
    allocator nor an inlined call the debug info does not name."""
    return next((i for i in stack if not is_allocator(frames[i])
                 and frames[i].get("function") not in
                 (None, "UnknownInlinedFun")), stack[0])


class Sources:
    def __init__(self, root):
        self.root = os.path.realpath(root or ".")
        self._by_name = None        # base name -> [paths relative to root]
        self._relative = {}         # frame file -> relative path or None
        self._lines = {}            # absolute path -> [lines] or None

    def _index(self):
        if self._by_name is None:
            self._by_name = {}
            count = 0
            for top, dirs, files in os.walk(self.root):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and d != "node_modules")
                rel = os.path.relpath(top, self.root)
                for f in files:
                    self._by_name.setdefault(f, []).append(
                        f if rel == "." else os.path.join(rel, f))
                    count += 1
                if count >= MAX_FILES:
                    break
        return self._by_name

    def relative(self, file):
        """file's path relative to the root, with / separators, or None
        when the file is not under it."""
        if not file:
            return None
        if file not in self._relative:
            self._relative[file] = self._find(file)
        return self._relative[file]

    def _find(self, file):
        if os.path.isabs(file):
            real = os.path.realpath(file)
            if real.startswith(self.root + os.sep) and os.path.isfile(real):
                return os.path.relpath(real, self.root).replace(os.sep, "/")
            return None
        if os.path.isfile(os.path.join(self.root, file)):
            return os.path.normpath(file).replace(os.sep, "/")
        tail = os.sep + os.path.normpath(file)
        found = [p for p in self._index().get(os.path.basename(file), [])
                 if (os.sep + p).endswith(tail)]
        if not found:
            return None
        return min(found, key=lambda p: (len(p), p)).replace(os.sep, "/")

    def readable(self, file):
        """An absolute path to read file's text at, or None."""
        rel = self.relative(file)
        if rel is not None:
            return os.path.join(self.root, rel)
        if file and os.path.isabs(file) and os.path.isfile(file):
            return file
        return None

    def lines(self, file, first, last):
        """Lines first..last (1-based, clipped) of file, or None."""
        path = self.readable(file)
        if path is None:
            return None
        if path not in self._lines:
            try:
                with open(path, "rb") as f:
                    self._lines[path] = f.read().decode(
                        "utf-8", errors="replace").splitlines()
            except OSError:
                self._lines[path] = None
        text = self._lines[path]
        if text is None or first > len(text):
            return None
        return text[max(first, 1) - 1:last]

    def own_frame(self, frames, stack):
        """The index in frames of stack's first frame (innermost first)
        whose file is under the root; None when there is none."""
        for i in stack:
            if self.relative(frames[i].get("file")) is not None \
                    and not is_allocator(frames[i]):
                return i
        return None

    def user_frame(self, frames, stack):
        """The frame that names a stack for people: the first of the
        program's own code, else the first with a name outside the
        allocator."""
        own = self.own_frame(frames, stack)
        return own if own is not None else named_frame(frames, stack)
