"""Every allocator entry point is shadowed: the HEAP SUMMARY equals
Memcheck's, alignment is honoured, malloc_usable_size answers as under
Memcheck, and no call is reported as an error."""

import subprocess

import pytest

from harness import VALGRIND, VG_IN_PLACE, memcheck, memroot

FIXTURES = [("entry_points.c", []),
            ("entry_points.cpp", ["-std=c++17", "-fsized-deallocation"])]


@pytest.mark.parametrize("fixture,flags", FIXTURES)
def test_entry_points_heap_summary_equals_memchecks(build, fixture, flags):
    prog = build(fixture, flags)
    ours, oracle = memroot(prog), memcheck(prog)
    assert oracle.heap and oracle.errors == 0, oracle.text
    assert ours.heap == oracle.heap, ours.text
    assert ours.errors == 0, ours.text


@pytest.mark.parametrize("fixture,flags", FIXTURES)
def test_entry_points_alignment_and_answers_equal_memchecks(build, fixture,
                                                            flags):
    prog = build(fixture, flags)
    ours = subprocess.run([VG_IN_PLACE, "-q", prog], text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    oracle = subprocess.run([VALGRIND, "-q", prog], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert oracle.returncode == 0, oracle.stdout
    assert ours.returncode == 0, ours.stdout
    assert ours.stdout == oracle.stdout


def test_pvalloc_stops_the_program_as_under_memcheck(build):
    prog = build("entry_points.c")
    ours = memroot(prog, args=["pvalloc"])
    oracle = memcheck(prog, args=["pvalloc"])
    assert oracle.returncode == ours.returncode == 1
    assert "Program aborting because of call to pvalloc" in oracle.text
    assert "Program aborting because of call to pvalloc" in ours.text
