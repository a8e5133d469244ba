"""Extracts the error reports of a Valgrind log in a form two tools can be
compared on: each error as its lines, with addresses and the name of the
tool's preload object masked (the heap layouts and preloads differ)."""

import re

_PREFIX = re.compile(r"^==(\d+)== ?")
_HEX = re.compile(r"0x[0-9A-Fa-f]+")
_PRELOAD = re.compile(r"\(in \S*/vgpreload_\w+-[\w-]+\.so\)")


def _normalise(line):
    return _PRELOAD.sub("(in vgpreload)", _HEX.sub("0x?", line)).rstrip()


def blocks(text, pid=None):
    """The log's paragraphs (lines between empty log lines), per process."""
    out, cur = [], []
    for raw in text.splitlines():
        m = _PREFIX.match(raw)
        if not m or (pid is not None and m[1] != pid):
            continue
        line = raw[m.end():]
        if line.strip() == "":
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(line)
    if cur:
        out.append(cur)
    return out


def errors(text, pid=None):
    """Every error report: a paragraph whose second line is a stack frame."""
    return [[_normalise(l) for l in b] for b in blocks(text, pid)
            if len(b) > 1 and re.match(r"\s+at 0x", b[1])
            and not b[0].startswith("Thread ")
            or len(b) > 2 and b[0].startswith("Thread ")
            and re.match(r"\s+at 0x", b[2])]


def pids(text):
    """The process ids of the log, in order of appearance."""
    seen = []
    for raw in text.splitlines():
        m = _PREFIX.match(raw)
        if m and m[1] not in seen:
            seen.append(m[1])
    return seen
