# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""A real program from Debian with --leak-origins=yes: perl frees its
interpreter structure at exit without freeing the strings it points to
(PERL_DESTRUCT_LEVEL 0), so those strings are definitely lost, and their
records say so: the last pointer went with the block holding it, freed in
main, and perl_construct had stored it.  The verdicts stay Memcheck's."""

import os
import re
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, os.pardir, "realprogs"))
import test_real_programs as real  # noqa: E402

import harness  # noqa: E402

PERL = next(p for p in real.PROGRAMS if p.name == "perl")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    workdir = real.prepare(PERL, str(tmp_path_factory.mktemp("perl") / "w"))
    argv = [a.replace("{dir}", workdir) for a in PERL.argv]
    ours = harness.memroot(argv[0], *real.LEAK_OPTS, "--leak-origins=yes",
                           args=argv[1:], wrap=real.wrap(PERL, "memroot"))
    oracle = harness.memcheck(argv[0], *real.LEAK_OPTS, args=argv[1:],
                              wrap=real.wrap(PERL, "memcheck"))
    return ours, oracle


def records(text):
    """Each loss record's lines, without the PID prefix."""
    lines = [re.sub(r"^==\d+== ?", "", l) for l in text.splitlines()]
    out, cur = [], None
    for l in lines:
        if re.search(r" are \w+ lost in loss record ", l):
            cur = [l]
            out.append(cur)
        elif cur is not None and l == "":
            cur = None
        elif cur is not None:
            cur.append(l)
    return out


def test_perl_verdicts_stay_memchecks_with_origins(runs):
    ours, oracle = runs
    assert ours.leak == oracle.leak
    assert real.loss_records(ours, stacks=True) == real.loss_records(oracle, stacks=True)


def test_every_definitely_lost_record_says_where_its_pointer_went(runs):
    ours, _ = runs
    lost = [r for r in records(ours.text) if "are definitely lost" in r[0]]
    assert lost
    for r in lost:
        assert any(l.startswith((" Its last pointer", " Its pointer was never",
                                 " Its pointers were not dropped")) for l in r), r


def test_perl_strings_went_with_the_interpreter_freed_in_main(runs):
    ours, _ = runs
    found = 0
    for r in records(ours.text):
        if "are definitely lost" not in r[0] or \
                " Its last pointer was freed with the block holding it at" not in r:
            continue
        i = r.index(" Its last pointer was freed with the block holding it at")
        if not (r[i + 1].endswith(": free (in vgpreload)") or ": free (" in r[i + 1]):
            continue
        if r[i + 2].endswith(": main (in /usr/bin/perl)") and \
                re.match(r" It was held by heap block 0x[0-9a-f]+ \(3,768 bytes, since"
                         r" freed\), at offset [\d,]+,$", r[i + 3]) and \
                r[i + 4].endswith(": perl_construct (in /usr/bin/perl)"):
            found += 1
    assert found >= 1
