"""--xtree-leak=yes writes the exit leak check as Memcheck's xtree leak
file (callgrind format) instead of printing its loss records."""

import os
import subprocess

import pytest

import xtree
from harness import VG_IN_PLACE, memcheck, memroot, parse


def xtree_leak(tool, prog, path, *opts):
    """Runs prog under tool with --xtree-leak=yes into path."""
    return tool(prog, "--xtree-leak=yes", "--xtree-leak-file=%s" % path, *opts)


@pytest.fixture
def every_kind(build, tmp_path):
    return build("every_kind.c")


def test_xtree_leak_file_equals_memchecks(every_kind, tmp_path):
    ours, oracle = tmp_path / "memroot.kcg", tmp_path / "memcheck.kcg"
    xtree_leak(memroot, every_kind, ours)
    xtree_leak(memcheck, every_kind, oracle)
    header, stacks, totals = xtree.read(ours)
    assert (header, stacks, totals) == xtree.read(oracle)
    assert len(stacks) == 5


def test_xtree_leak_file_holds_every_kind(every_kind, tmp_path):
    """--xtree-leak=yes shows all kinds, whatever --show-leak-kinds says."""
    path = tmp_path / "memroot.kcg"
    xtree_leak(memroot, every_kind, path, "--show-leak-kinds=definite")
    header, _, totals = xtree.read(path)
    values = dict(zip(xtree.events(header), map(int, totals.split()[1:])))
    summary = memcheck(every_kind, "--leak-check=full").leak
    assert (values["RB"], values["RBk"]) == summary["still reachable"]
    assert (values["PB"], values["PBk"]) == summary["possibly lost"]
    assert (values["IB"], values["IBk"]) == summary["indirectly lost"]
    assert (values["DB"] - values["DIB"], values["DBk"]) == summary["definitely lost"]


def test_xtree_leak_names_its_file_and_prints_no_loss_record(every_kind, tmp_path):
    path = tmp_path / "memroot.kcg"
    rep = xtree_leak(memroot, every_kind, path)
    assert "xtree leak report: %s" % path in rep.text
    assert rep.loss_records == []
    assert rep.leak == memcheck(every_kind, "--leak-check=full").leak


def test_xtree_leak_records_still_count_as_errors(every_kind, tmp_path):
    ours = xtree_leak(memroot, every_kind, tmp_path / "a.kcg", "--error-exitcode=3")
    oracle = xtree_leak(memcheck, every_kind, tmp_path / "b.kcg", "--error-exitcode=3")
    assert ours.returncode == oracle.returncode == 3
    # the definite and possible records of every_kind.c: 3 + 1
    assert ours.errors == oracle.errors == 4


def test_suppressed_records_stay_out_of_the_xtree(every_kind, tmp_path):
    def supp(kind):
        f = tmp_path / ("%s.supp" % kind)
        f.write_text("{\n   list\n   %s:Leak\n   ...\n   fun:lose_list\n}\n" % kind)
        return "--suppressions=%s" % f
    ours, oracle = tmp_path / "memroot.kcg", tmp_path / "memcheck.kcg"
    rep = xtree_leak(memroot, every_kind, ours, supp("Memroot"))
    xtree_leak(memcheck, every_kind, oracle, supp("Memcheck"))
    assert rep.leak["suppressed"][1] == 3
    assert xtree.read(ours) == xtree.read(oracle)
    assert not any("fn=lose_list" in l for s in xtree.read(ours)[1] for l in s)


def test_default_file_is_xtleak_kcg_pid_in_the_start_directory(every_kind, tmp_path):
    start = tmp_path / "start"
    start.mkdir()
    p = subprocess.run([VG_IN_PLACE, "--xtree-leak=yes", every_kind],
                       cwd=start, stderr=subprocess.PIPE, text=True)
    name = "xtleak.kcg.%d" % parse(p.stderr).pid
    assert os.listdir(start) == [name]
    assert "xtree leak report: %s/%s" % (start, name) in p.stderr


def test_leak_check_no_writes_no_xtree_file(every_kind, tmp_path):
    for tool, name in ((memroot, "memroot.kcg"), (memcheck, "memcheck.kcg")):
        xtree_leak(tool, every_kind, tmp_path / name, "--leak-check=no")
    assert not (tmp_path / "memcheck.kcg").exists()      # the oracle's rule
    assert not (tmp_path / "memroot.kcg").exists()


def test_callgrind_annotate_reads_memroots_xtree(every_kind, tmp_path):
    ours, oracle = tmp_path / "memroot.kcg", tmp_path / "memcheck.kcg"
    xtree_leak(memroot, every_kind, ours)
    xtree_leak(memcheck, every_kind, oracle)

    def annotate(path):
        p = subprocess.run(["callgrind_annotate", "--inclusive=yes", str(path)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
        assert p.returncode == 0, p.stdout
        return [l for l in p.stdout.splitlines()
                if not l.startswith(("Profile data file", "Profiled target"))]
    out = annotate(ours)
    assert any(l.endswith("every_kind.c:lose_list") for l in out), out
    assert out == annotate(oracle)


@pytest.mark.parametrize("opts, complaint", [
    (("--xtree-leak=maybe",),
     "Invalid boolean value 'maybe' (should be 'yes' or 'no')"),
    # the name is expanded at exit, as Memcheck does: the run ends there
    (("--xtree-leak=yes", "--xtree-leak-file=x%z"),
     "Expected 'p' or 'q' or '%' after '%'"),
])
def test_bad_xtree_leak_option_gets_valgrinds_error(every_kind, opts, complaint):
    ours, oracle = memroot(every_kind, *opts), memcheck(every_kind, *opts)
    assert ours.returncode == oracle.returncode == 1
    assert "Bad option: %s" % opts[-1] in ours.text
    assert complaint in ours.text and complaint in oracle.text
