"""Fishy sizes fail as the C library would and are reported as Memcheck
reports them; calloc overflow fails silently as under Memcheck; the tool's
heap state is unharmed."""

import subprocess

from errorlog import errors
from harness import VALGRIND, VG_IN_PLACE, memcheck, memroot

FLAGS = ["-std=c++17"]


def test_fishy_sizes_reported_as_memcheck_does(build):
    prog = build("hostile_sizes.cpp", FLAGS)
    ours, oracle = memroot(prog), memcheck(prog)
    assert oracle.errors == 9, oracle.text
    assert (ours.errors, ours.error_contexts) == (oracle.errors,
                                                  oracle.error_contexts)
    assert errors(ours.text) == errors(oracle.text)


def test_fishy_value_wording(build):
    ours = memroot(build("hostile_sizes.cpp", FLAGS))
    first = errors(ours.text)[0]
    assert first[0] == ("Argument 'size' of function malloc has a fishy "
                        "(possibly negative) value: -1")


def test_hostile_sizes_fail_like_libc_and_heap_survives(build):
    prog = build("hostile_sizes.cpp", FLAGS)
    ours = subprocess.run([VG_IN_PLACE, "-q", prog], text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    oracle = subprocess.run([VALGRIND, "-q", prog], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    native = subprocess.run([prog], text=True, stdout=subprocess.PIPE)
    assert ours.returncode == 0
    assert ours.stdout == oracle.stdout
    # Every call failed, as natively; with ENOMEM, except the calloc
    # overflow that Valgrind's malloc replacement refuses before the tool
    # sees it, leaving errno alone (as under Memcheck).
    # (Natively, libstdc++'s aligned nothrow new of SIZE_MAX bytes returns
    # a block; the C library calls are the reference.)
    c_lines = [l for l in native.stdout.splitlines() if "new" not in l]
    assert len(c_lines) == 7 and all(": NULL" in l for l in c_lines)
    assert ours.stdout.count("NULL") == 10
    assert ours.stdout.count("NULL errno=Cannot allocate memory") == 9
    assert "calloc overflow: NULL errno=Success" in ours.stdout
    assert memroot(prog).heap == memcheck(prog).heap


def test_throwing_new_with_fishy_size_stops_as_under_memcheck(build):
    prog = build("hostile_sizes.cpp", FLAGS)
    ours = memroot(prog, args=["throw"])
    oracle = memcheck(prog, args=["throw"])
    assert ours.returncode == oracle.returncode == 1
    assert errors(ours.text) == errors(oracle.text)
    assert "cannot throw exceptions" in ours.text


def test_fishy_value_suppressed_by_function_and_argument(build, tmp_path):
    prog = build("hostile_sizes.cpp", FLAGS)
    supp = tmp_path / "fishy.supp"
    supp.write_text("{\n   calloc-nmemb\n   Memroot:FishyValue\n"
                    "   calloc(nmemb)\n   fun:calloc\n   ...\n}\n")
    ours = memroot(prog, "--suppressions=%s" % supp)
    assert ours.errors == 8
    assert "suppressed: 1 from 1" in ours.text
