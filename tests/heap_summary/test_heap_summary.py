"""The HEAP SUMMARY of memroot equals Memcheck's, number for number."""

import pytest

from harness import memcheck, memroot

FIXTURES = ["no_heap.c", "one_leak.c", "many_blocks.c", "realloc_chain.c",
            "cxx_new_array.cpp"]


@pytest.mark.parametrize("fixture", FIXTURES)
def test_heap_summary_equals_memchecks(build, fixture):
    prog = build(fixture)
    ours, oracle = memroot(prog), memcheck(prog)
    assert oracle.heap, oracle.text
    assert ours.heap == oracle.heap, ours.text


def test_one_leak_counts_exactly_one_block(build):
    ours = memroot(build("one_leak.c"))
    assert ours.heap["in_use_bytes"] == 123
    assert ours.heap["in_use_blocks"] == 1
