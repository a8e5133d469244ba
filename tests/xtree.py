"""Reads the callgrind-format files of an xtree leak report (Memcheck's
--xtree-leak) into a form two tools' files compare on."""

import re

# Name compression: "fl=(1) path" names id 1, later "fl=(1)" refers to it.
# Files and functions are two separate name spaces.
_SPACE = {"fl": "file", "fi": "file", "fe": "file", "cfi": "file",
          "cfl": "file", "fn": "fn", "cfn": "fn"}
_NAMED = re.compile(r"^(\w+)=\((\d+)\)(?: (.*))?$")


def read(path):
    """(header, stacks, totals): the header lines but the pid (the one
    thing two runs must differ in), the stacks as a sorted list (each the
    lines of one stack, names uncompressed), and the totals line."""
    names = {"file": {}, "fn": {}}
    header, stacks, current, totals = [], [], None, None
    with open(path) as f:
        for line in f.read().splitlines():
            m = _NAMED.match(line)
            if m and m[1] in _SPACE:
                space = names[_SPACE[m[1]]]
                if m[3] is not None:
                    space[m[2]] = m[3]
                line = "%s=%s" % (m[1], space[m[2]])
            if line.startswith("totals:"):
                totals = line
            elif current is None:
                if not line.startswith("pid:"):
                    header.append(line)
                if line.startswith("events:"):
                    current = []
            elif line == "":
                if current:
                    stacks.append(current)
                current = []
            else:
                current.append(line)
    if current:
        stacks.append(current)
    return header, sorted(stacks), totals


def events(header):
    """The event names of the events: line, in order."""
    return next(l for l in header if l.startswith("events:")).split()[1:]
