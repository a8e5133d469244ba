"""Custom allocators (MALLOCLIKE/FREELIKE/RESIZEINPLACE and the mempool
family) give the same blocks, sizes, heap totals and errors as under
Memcheck.  The fixture's probes make the log name, for chosen addresses,
the chunk holding them and its size."""

import pytest

from errorlog import errors
from harness import memcheck, memroot

QUIET = ["-Wno-free-nonheap-object"]

CASES = ["malloclike", "malloclike_errors", "mempool_alloc_free",
         "mempool_trim", "mempool_change_move", "mempool_bad_requests",
         "metapool_auto_free", "metapool_without_auto_free",
         "pool_in_malloc_block"]


@pytest.mark.parametrize("case", CASES)
def test_custom_allocator_matches_memcheck(build, case):
    prog = build("custom_alloc.c", QUIET)
    ours, oracle = memroot(prog, args=[case]), memcheck(prog, args=[case])
    assert oracle.heap, oracle.text
    assert ours.heap == oracle.heap, ours.text
    assert (ours.errors, ours.error_contexts) == (oracle.errors,
                                                  oracle.error_contexts)
    assert errors(ours.text) == errors(oracle.text)


def test_unknown_pool_reported_as_illegal_mempool_address(build):
    ours = memroot(build("custom_alloc.c", QUIET),
                   args=["mempool_bad_requests"])
    kinds = [e[0] for e in errors(ours.text)]
    assert kinds.count("Illegal memory pool address") == 6
    assert kinds.count("Invalid free() / delete / delete[] / realloc()") == 3


def test_trim_keeps_the_true_intersection(build):
    # Chunk [200, 300) trimmed to [250, 650) keeps [250, 300): 50 bytes.
    # (Memcheck 3.19 keeps 350 bytes here: a bug memroot does not copy.)
    ours = memroot(build("custom_alloc.c", QUIET),
                   args=["mempool_trim_straddle"])
    (probe,) = errors(ours.text)
    assert probe[3] == \
        " Address 0x? is 1 bytes inside a block of size 50 client-defined"


@pytest.mark.parametrize("flags", ["VALGRIND_MEMPOOL_AUTO_FREE", "twice"])
def test_pool_memcheck_aborts_on_is_an_error(build, flags):
    # Memcheck stops the program on these; memroot reports and goes on.
    ours = memroot(build("pool_misuse.c"), args=[flags])
    assert ours.returncode == 0
    assert [e[0] for e in errors(ours.text)] == ["Illegal memory pool address"]
