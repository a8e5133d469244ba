# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""realloc(p, 0) does what --realloc-zero-bytes-frees says, with Memcheck's
HEAP SUMMARY.  From Valgrind 3.21 the tool's realloc, not the preload,
handles it (memroot/mr_vgcompat.h); 3.19 has no such option."""

import pytest

import harness

pytestmark = pytest.mark.skipif(
    harness.VALGRIND_VERSION < (3, 21),
    reason="--realloc-zero-bytes-frees is new in Valgrind 3.21")


# The 1-byte block of "no" is one more alloc and free; printf's stdout
# buffer is the 4,096 bytes beside the 10 of malloc.
@pytest.mark.parametrize("frees,allocs,bytes_allocated",
                         [("yes", 2, 10 + 4096), ("no", 3, 10 + 1 + 4096)])
def test_realloc_zero_frees_or_moves_as_told(build, frees, allocs,
                                             bytes_allocated):
    prog = build("realloc_zero.c")
    opt = "--realloc-zero-bytes-frees=" + frees
    ours = harness.memroot(prog, opt)
    oracle = harness.memcheck(prog, opt)
    assert oracle.heap == {"in_use_bytes": 0, "in_use_blocks": 0,
                           "allocs": allocs, "frees": allocs,
                           "bytes_allocated": bytes_allocated}, oracle.text
    assert ours.heap == oracle.heap, ours.text
    # Memcheck's own check of the call, which memroot does not make.
    assert oracle.unmirrored == ["realloc() with size 0"]
    assert ours.errors == oracle.errors == 0
