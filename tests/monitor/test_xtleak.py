"""`leak_check xtleak` writes the check as Memcheck's xtree leak file,
xtleak.kcg.<pid>.<n>, with the deltas against the previous check."""

import os
import re

import pytest

import xtree
from monitor import memcheck_cmd, memroot_cmd, programs

REPORT = re.compile(r"^xtree leak report: (\S+)$")


@pytest.fixture
def grows(build, tmp_path):
    """start(tool_cmd, name): grows.c under the tool, in its own directory."""
    prog = build("grows.c")
    with programs() as start:
        yield lambda tool_cmd, name: start(tool_cmd, prog, tmp_path / name)


def xtleak(r, args=""):
    """Sends `leak_check xtleak args`: the output, and the file it names."""
    out = r.vgdb(("leak_check xtleak " + args).strip())
    names = [m[1] for m in map(REPORT.match, out) if m]
    return out, names[0] if names else None


def session(r):
    """xtleak, leak more, xtleak (the growth), xtleak changed reachable."""
    first = xtleak(r)
    r.next_phase()
    second = xtleak(r)
    third = xtleak(r, "changed reachable")
    r.finish()
    return [first, second, third]


def test_xtleak_files_equal_memchecks(grows):
    ours = session(grows(memroot_cmd(), "memroot"))
    oracle = session(grows(memcheck_cmd(), "memcheck"))
    assert [xtree.read(f) for _, f in ours] == [xtree.read(f) for _, f in oracle]
    # The first file holds the lost list of 2 (a 32-byte head holding a
    # 32-byte tail), all of it an increase; the second only the list of 4
    # the second phase lost (its head holds 96 bytes); the third, asked
    # for changes when nothing changed, no stack.
    assert nonzero_totals(ours[0][1]) == {"DB": 64, "DIB": 32, "DBk": 1,
                                          "iDB": 64, "iDIB": 32, "iDBk": 1}
    assert nonzero_totals(ours[1][1]) == {"DB": 128, "DIB": 96, "DBk": 1,
                                          "iDB": 128, "iDIB": 96, "iDBk": 1}
    assert xtree.read(ours[2][1])[1] == []


def nonzero_totals(path):
    header, _, totals = xtree.read(path)
    return {e: int(v) for e, v in zip(xtree.events(header), totals.split()[1:])
            if v != "0"}


def test_xtleak_prints_the_file_and_the_summary_as_memcheck(grows):
    def without_paths(results):
        return [[REPORT.sub("xtree leak report: <file>", l) for l in out]
                for out, _ in results]
    ours = session(grows(memroot_cmd(), "memroot"))
    oracle = session(grows(memcheck_cmd(), "memcheck"))
    assert without_paths(ours) == without_paths(oracle)
    assert not any("loss record" in l for out, _ in ours for l in out)


def test_xtleak_names_files_by_pid_and_sequence_in_the_start_directory(grows):
    r = grows(memroot_cmd(), "memroot")
    start = os.path.dirname(r.prefix)
    names = [xtleak(r)[1], xtleak(r, "summary")[1]]
    r.finish()
    assert names == ["%s/xtleak.kcg.%d.%d" % (start, r.proc.pid, n) for n in (1, 2)]
    assert all(os.path.exists(n) for n in names)


def test_malformed_xtleak_writes_nothing_but_numbers_as_memcheck(grows):
    def run(tool, name):
        r = grows(tool, name)
        complaint = r.vgdb("leak_check xtleak bogus")
        written = sorted(os.listdir(os.path.dirname(r.prefix)))
        _, then = xtleak(r)
        r.finish()
        return complaint, written, os.path.basename(then).rsplit(".", 1)[1]
    complaint, written, n = run(memroot_cmd(), "memroot")
    assert "unknown leak_check argument: 'bogus'" in complaint
    assert not any(w.startswith("xtleak") for w in written)
    assert n == run(memcheck_cmd(), "memcheck")[2]
