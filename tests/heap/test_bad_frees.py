"""Invalid and mismatched frees are reported as Memcheck reports them: same
number, same wording, same stacks, same description of the address; the
program goes on."""

import re
import subprocess

import pytest

from errorlog import errors
from harness import VG_IN_PLACE, memcheck, memroot

QUIET = ["-Wno-free-nonheap-object"]

CASES = ["double_free", "interior", "stack", "global", "realloc_global",
         "realloc_freed", "free_new", "free_new_vec", "delete_malloc",
         "delete_new_vec", "vec_delete_new", "vec_delete_malloc",
         "realloc_new", "delete_freed"]


def _stack_free(errs):
    # The address of a stack variable depends on the environment size,
    # which differs between the two launchers; the rest must not.
    return [[l for l in e if not l.startswith(" Address 0x? is on thread")]
            for e in errs]


@pytest.mark.parametrize("case", CASES)
def test_bad_free_reported_as_memcheck_does(build, case):
    prog = build("bad_frees.cpp", QUIET)
    ours = memroot(prog, args=[case])
    oracle = memcheck(prog, args=[case])
    assert oracle.errors == 1, oracle.text      # each case frees wrongly once
    assert (ours.errors, ours.error_contexts) == (oracle.errors,
                                                  oracle.error_contexts)
    assert _stack_free(errors(ours.text)) == _stack_free(errors(oracle.text))
    assert ours.heap == oracle.heap


def test_stack_address_described_as_on_the_stack(build):
    ours = memroot(build("bad_frees.cpp", QUIET), args=["stack"])
    (err,) = errors(ours.text)
    assert err[0] == "Invalid free() / delete / delete[] / realloc()"
    assert err[-2] == " Address 0x? is on thread 1's stack"
    assert err[-1].startswith(" in frame #1, created by stack()")


def test_program_survives_bad_frees(build):
    prog = build("bad_frees.cpp", QUIET)
    for case in ("double_free", "delete_new_vec", "realloc_global"):
        p = subprocess.run([VG_IN_PLACE, "-q", prog, case], text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert p.returncode == 0
        assert p.stdout == "survived\n"


def test_bad_free_counts_for_error_exitcode(build):
    prog = build("bad_frees.cpp", QUIET)
    assert memroot(prog, "--error-exitcode=7", args=["interior"]).returncode == 7
    assert memroot(prog, "--error-exitcode=7", args=["none"]).returncode == 0


def test_mismatched_frees_can_be_hidden(build):
    prog = build("bad_frees.cpp", QUIET)
    shown = memroot(prog, args=["free_new"])
    (err,) = errors(shown.text)
    assert err[0] == "Mismatched free() / delete / delete []"
    ours = memroot(prog, "--show-mismatched-frees=no", args=["free_new"])
    oracle = memcheck(prog, "--show-mismatched-frees=no", args=["free_new"])
    assert ours.errors == oracle.errors == 0
    assert ours.heap == shown.heap


def _gen_suppressions(runner, prog, case):
    rep = runner(prog, "--gen-suppressions=all", args=[case])
    return re.findall(r"^\{\n.*?^\}$", rep.text, re.M | re.S)


@pytest.mark.parametrize("case", ["double_free", "free_new"])
def test_suppression_kind_is_memroot_free(build, case):
    prog = build("bad_frees.cpp", QUIET)
    ours = _gen_suppressions(memroot, prog, case)
    oracle = _gen_suppressions(memcheck, prog, case)
    assert len(ours) == len(oracle) == 1
    # Same kind and frames as Memcheck's, under memroot's tool name.
    assert ours[0].replace("<insert_a_suppression_name_here>", "") == \
        oracle[0].replace("Memcheck:", "Memroot:").replace(
            "<insert_a_suppression_name_here>", "")
    assert "   Memroot:Free\n" in ours[0]


def test_generated_suppression_suppresses(build, tmp_path):
    prog = build("bad_frees.cpp", QUIET)
    (supp,) = _gen_suppressions(memroot, prog, "delete_malloc")
    f = tmp_path / "s.supp"
    f.write_text(supp + "\n")
    rep = memroot(prog, "--suppressions=%s" % f, "--error-exitcode=7",
                  args=["delete_malloc"])
    assert rep.errors == 0
    assert rep.returncode == 0
    assert re.search(r"suppressed: 1 from 1", rep.text)
