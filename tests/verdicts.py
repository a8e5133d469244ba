# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""Reads the verdicts a fixture's header comment states, and puts what
Memcheck printed in the same form, so that a test can hold the header to
Memcheck (docs/testing.md, "Fixture headers").

A verdict is a sentence of the header that starts a line with "Memcheck"
and ends with the first line that ends in ".":

    Memcheck: definitely lost 16 bytes in 1 block, indirectly lost 144
    bytes in 9 blocks (1 loss record).
    Memcheck, with --leak-check-heuristics=none: possibly lost 72 bytes
    in 1 block.
    Memcheck, child: still reachable 10 bytes in 1 block, definitely lost
    50 bytes in 2 blocks (2 loss records).
    Memcheck, check 3 of 3: all heap blocks were freed.

Between "Memcheck" and the colon come qualifiers, each after ", ":
"with OPTIONS" (the options it holds with), "parent" or "child" (which
process of a program that forks), "check N of M" (the Nth of the process's
M leak checks).  After the colon, "all heap blocks were freed" or the
kinds, separated by ", "; a kind not named is 0 bytes in 0 blocks.  In
parentheses after a kind: "N loss records" (with --leak-check=full
--show-leak-kinds=all) and "via heuristic NAME: B bytes in N blocks" (the
LEAK SUMMARY's "of which reachable via heuristic" line), separated by "; "."""

import re
from dataclasses import dataclass, field

KINDS = ("definitely lost", "indirectly lost", "possibly lost",
         "still reachable", "suppressed")
HEURISTICS = ("stdstring", "length64", "newarray", "multipleinheritance")

# What a verdict without "with" holds with: Memcheck's defaults and a full
# check showing every kind.  A verdict "with OPTIONS" holds with FULL and
# OPTIONS.
DEFAULT = ()
FULL = ("--leak-check=full", "--show-leak-kinds=all")

_NUM = r"(\d{1,3}(?:,\d{3})*)"
_AMOUNT = re.compile(_NUM + r" bytes? in " + _NUM + r" blocks?$")
_KIND = re.compile(r"(%s) (.*?)(?: \((.*)\))?$" % "|".join(KINDS))
_RECORDS = re.compile(_NUM + r" loss records?$")
_VIA = re.compile(r"via heuristic (%s): (.*)$" % "|".join(HEURISTICS))
_CHECK = re.compile(r"check (\d+) of (\d+)$")


@dataclass
class Verdict:
    """One leak check of one process, as a header states it or as Memcheck
    printed it.  summary is keyed as harness.LeakCheck.summary is, every
    kind present; records counts loss records per kind, for the kinds the
    header gives a count for."""
    summary: dict = field(default_factory=dict)
    all_freed: bool = False
    records: dict = field(default_factory=dict)
    options: tuple = DEFAULT
    process: int = 0
    check: int = 1
    checks: int = 1
    text: str = ""

    def key(self, records=True):
        """What Memcheck's log must show for this check; records only
        when the check showed every loss record."""
        return (self.all_freed, sorted(self.summary.items()),
                sorted(self.records.items()) if records else None)


def _n(s):
    return int(s.replace(",", ""))


def _amount(text, where):
    m = _AMOUNT.match(text)
    if not m:
        raise ValueError("%s: expected 'B bytes in N blocks', got %r"
                         % (where, text))
    return _n(m[1]), _n(m[2])


def _qualify(v, qualifier, where):
    if qualifier.startswith("with "):
        opts = tuple(qualifier[5:].split())
        if not opts or not all(o.startswith("--") for o in opts):
            raise ValueError("%s: 'with' needs options, got %r"
                             % (where, qualifier))
        v.options = opts
    elif qualifier in ("parent", "child"):
        v.process = 0 if qualifier == "parent" else 1
    elif (m := _CHECK.match(qualifier)):
        v.check, v.checks = int(m[1]), int(m[2])
        if not 1 <= v.check <= v.checks:
            raise ValueError("%s: no %r" % (where, qualifier))
    else:
        raise ValueError("%s: unknown qualifier %r (with OPTIONS, parent, "
                         "child, check N of M)" % (where, qualifier))


def _kinds(v, body, where):
    v.summary = {k: (0, 0) for k in KINDS}
    named = set()
    for item in re.split(r", (?![^()]*\))", body):
        m = _KIND.match(item)
        if not m:
            raise ValueError("%s: expected a kind (%s), got %r"
                             % (where, ", ".join(KINDS), item))
        kind = m[1]
        if kind in named:
            raise ValueError("%s: %s named twice" % (where, kind))
        named.add(kind)
        v.summary[kind] = _amount(m[2], where)
        for note in (m[3].split("; ") if m[3] else []):
            if (r := _RECORDS.match(note)):
                v.records[kind] = _n(r[1])
            elif (h := _VIA.match(note)) and kind == "still reachable":
                v.summary["heuristic " + h[1]] = _amount(h[2], where)
            else:
                raise ValueError("%s: unknown note %r after %s"
                                 % (where, note, kind))


def parse_verdict(sentence, where="verdict"):
    """A Verdict from one sentence "Memcheck...: ... ."."""
    m = re.match(r"Memcheck((?:, [^:]+?)*): (.*)\.$", sentence)
    if not m:
        raise ValueError("%s: expected 'Memcheck[, qualifier...]: verdict.', "
                         "got %r" % (where, sentence))
    v = Verdict(text=sentence)
    for qualifier in m[1].split(", ")[1:]:
        _qualify(v, qualifier, where)
    if m[2] == "all heap blocks were freed":
        v.all_freed = True
    else:
        _kinds(v, m[2], where)
    return v


def header_lines(path):
    """The lines of a fixture's opening comment (/* ... */ or // lines),
    without the comment markers and indentation."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.startswith("/*"):
        end = text.find("*/")
        if end < 0:
            raise ValueError("%s: unterminated header comment" % path)
        body = text[2:end].splitlines()
    else:
        body = []
        for line in text.splitlines():
            if not line.startswith("//"):
                break
            body.append(line[2:])
    return [l.strip() for l in body]


def _starts_verdict(line):
    return re.match(r"Memcheck\b", line) is not None


def states_verdict(path):
    """Whether a line of the fixture's header starts a verdict."""
    return any(_starts_verdict(l) for l in header_lines(path))


def verdicts(path):
    """Every verdict of a fixture's header, in order."""
    out, sentence = [], None
    for n, line in enumerate(header_lines(path), 1):
        if sentence is None and _starts_verdict(line):
            sentence = []
        if sentence is not None:
            sentence.append(line)
            if line.endswith("."):
                where = "%s, header line %d" % (path, n)
                out.append(parse_verdict(" ".join(sentence), where))
                sentence = None
    if sentence is not None:
        raise ValueError("%s: a verdict does not end with '.': %r"
                         % (path, " ".join(sentence)))
    return out


def option_sets(stated):
    """The option sets to run Memcheck with: the defaults, FULL, and FULL
    plus the options of each "with" verdict."""
    sets = [DEFAULT, FULL]
    for v in stated:
        if v.options and FULL + v.options not in sets:
            sets.append(FULL + v.options)
    return sets


def expected(stated, opts):
    """What the header says Memcheck prints when run with opts: a list per
    process of its checks, in order."""
    own = tuple(opts[len(FULL):]) if opts[:len(FULL)] == FULL else ()
    if opts not in (DEFAULT, FULL) and not own:
        raise ValueError("no verdict is run with %s" % (opts,))
    mine = [v for v in stated if v.options == own]
    if not mine:
        raise ValueError("no verdict holds with %s" % (" ".join(opts) or
                                                       "the defaults"))
    procs = {}
    for v in mine:
        checks = procs.setdefault(v.process, [None] * v.checks)
        if len(checks) != v.checks or checks[v.check - 1] is not None:
            raise ValueError("verdicts disagree on check %d of %d: %r"
                             % (v.check, v.checks, v.text))
        checks[v.check - 1] = v
    if sorted(procs) != list(range(len(procs))):
        raise ValueError("a child's verdict needs its parent's")
    out = [procs[p] for p in sorted(procs)]
    for checks in out:
        if None in checks:
            raise ValueError("a check has no verdict: %s"
                             % [v and v.text for v in checks])
    return out


def observed(report, like, opts):
    """What Memcheck printed (a harness.Report), per process and check, in
    the shape of the stated verdicts `like` (expected()'s result): loss
    records are counted for the kinds a stated verdict counts, and only
    when every kind's records were shown (FULL)."""
    out = []
    for p, proc in enumerate(report.processes):
        checks = []
        for c, check in enumerate(proc.leak_checks):
            v = Verdict(summary=dict(check.summary), all_freed=check.all_freed,
                        options=tuple(opts[len(FULL):]), process=p,
                        check=c + 1, checks=len(proc.leak_checks))
            stated = (like[p][c] if p < len(like) and c < len(like[p])
                      else None)
            if stated is not None and opts[:len(FULL)] == FULL:
                for kind in stated.records:
                    v.records[kind] = sum(1 for r in check.loss_records
                                          if r.kind == kind)
            checks.append(v)
        out.append(checks)
    return out


def keys(per_process, opts):
    """Verdicts per process reduced to what must agree when Memcheck ran
    with opts."""
    full = opts[:len(FULL)] == FULL
    return [[v.key(full) for v in checks] for checks in per_process]


def _plural(n, word):
    return "%s %s%s" % ("{:,}".format(n), word, "" if n == 1 else "s")


def render(v):
    """A verdict as a header would state it (for failure messages)."""
    quals = ["with " + " ".join(v.options)] if v.options else []
    quals += ["child"] if v.process else []
    quals += ["check %d of %d" % (v.check, v.checks)] if v.checks > 1 else []
    if v.all_freed:
        body = "all heap blocks were freed"
    else:
        items = []
        for kind in KINDS:
            b, n = v.summary.get(kind, (0, 0))
            notes = []
            if kind in v.records:
                notes.append(_plural(v.records[kind], "loss record"))
            if kind == "still reachable":
                notes += ["via heuristic %s: %s in %s" % (
                    h, _plural(*v.summary["heuristic " + h][:1], "byte"),
                    _plural(v.summary["heuristic " + h][1], "block"))
                    for h in HEURISTICS if "heuristic " + h in v.summary]
            if (b, n) != (0, 0) or notes:
                items.append("%s %s in %s%s" % (
                    kind, _plural(b, "byte"), _plural(n, "block"),
                    " (%s)" % "; ".join(notes) if notes else ""))
        body = ", ".join(items) or "no block at all"
    return "Memcheck%s: %s." % ("".join(", " + q for q in quals), body)
