# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""Parses RETENTION BY THREAD STACK, the stack view of a retention report
(docs/retention.md), into threads, frames and locals."""

import re
from dataclasses import dataclass, field

_NUM = r"([\d,]+)"
_SIZES = (r"retains? " + _NUM + r" bytes in " + _NUM + r" blocks \(([\d.]+%)\), "
          r"reach(?:es)? " + _NUM + r" bytes in " + _NUM + r" blocks \(([\d.]+%)\)$")
_HEAD = re.compile(r"RETENTION BY THREAD STACK: the stacks of " + _NUM +
                   r" threads retain " + _NUM + r" bytes in " + _NUM + " blocks")
_THREAD = re.compile(r"Thread (\d+)(?: \(([a-z ]+)\))? " + _SIZES)
_EMPTY = re.compile(r"   frames? #(\d+)(?:-#(\d+))? holds? nothing: (.*)$")
_FRAME = re.compile(r"   frame #(\d+), (0x[0-9A-F]+): (.*?) " + _SIZES)
_LOCAL = re.compile(r"      (local (\S+)|words in no local variable) " + _SIZES)
_PART = re.compile(r"   (\S.*?) " + _SIZES)
_PREFIX = re.compile(r"^==\d+== ?")


def _n(s):
    return int(s.replace(",", ""))


def _sizes(m, first):
    """((bytes, blocks), (reach bytes, reach blocks)) from the groups of
    _SIZES starting at group first."""
    return ((_n(m[first]), _n(m[first + 1])), (_n(m[first + 3]), _n(m[first + 4])))


@dataclass
class Frame:
    number: int
    where: str                 # "on_read (exit_threads.c:63)"
    retained: tuple            # (bytes, blocks)
    reach: tuple
    locals: dict = field(default_factory=dict)   # name (None: no local) -> (retained, reach)


@dataclass
class Thread:
    tid: int
    state: str                 # "", "called exit", "killed by exit", "exited"
    retained: tuple
    reach: tuple
    frames: dict = field(default_factory=dict)   # number -> Frame, frames that hold
    empty: dict = field(default_factory=dict)    # number -> function, frames that hold nothing
    parts: dict = field(default_factory=dict)    # "thread-local storage" -> (retained, reach)

    def frame_of(self, function):
        """The one frame holding something whose function is function."""
        found = [f for f in self.frames.values()
                 if f.where.split(" (")[0] == function]
        assert len(found) == 1, (function, self.frames)
        return found[0]

    def functions(self):
        """Every frame's function, innermost first; folded runs of more
        than 4 frames name only their first 4."""
        names = {n: f.where.split(" (")[0] for n, f in self.frames.items()}
        names.update(self.empty)
        return [names[n] for n in sorted(names)]


@dataclass
class StackView:
    n_threads: int
    retained: tuple
    threads: dict = field(default_factory=dict)  # tid, then "exited tid" -> Thread


def parse_stack_views(text):
    """Every stack view in text, in order."""
    views, thread, frame = [], None, None
    for raw in text.splitlines():
        m = _PREFIX.match(raw)
        if not m:
            continue
        line = raw[m.end():]
        if (h := _HEAD.match(line)):
            views.append(StackView(_n(h[1]), (_n(h[2]), _n(h[3]))))
            thread = frame = None
            continue
        if not views:
            continue
        if (t := _THREAD.match(line)):
            thread = Thread(int(t[1]), t[2] or "", *_sizes(t, 3))
            key = thread.tid if thread.state != "exited" else "exited %d" % thread.tid
            views[-1].threads[key] = thread
            frame = None
        elif thread is None:
            continue
        elif not line.strip():
            thread = frame = None
        elif (e := _EMPTY.match(line)):
            first = int(e[1])
            last = int(e[2]) if e[2] else first
            names = [x for x in e[3].split(", ") if not x.startswith("and ")]
            for i in range(first, last + 1):
                thread.empty[i] = names[i - first] if i - first < len(names) else None
            frame = None
        elif (f := _FRAME.match(line)):
            frame = Frame(int(f[1]), f[3], *_sizes(f, 4))
            thread.frames[frame.number] = frame
        elif (l := _LOCAL.match(line)) and frame is not None:
            frame.locals[l[2]] = _sizes(l, 3)
        elif (p := _PART.match(line)):
            thread.parts[p[1]] = _sizes(p, 2)
            frame = None
    return views
