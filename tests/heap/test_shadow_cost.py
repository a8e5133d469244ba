"""The heap shadow costs at most 56 bytes of tool memory per live block
(a 40-byte MR_Block, its hash-table slot, pool bookkeeping), measured as
the growth of the tool's arena (core arena in --stats=yes) between 0 and N
live blocks.  docs/heap.md gives the figure for 1,000,000 blocks
(scripts/heap-shadow-cost)."""

import re

from harness import memroot

N = 200000


def tool_arena_bytes(prog, n):
    # The exit leak check and retention report have their own, transient,
    # costs (docs/benchmarks.md)
    rep = memroot(prog, "--stats=yes", "--leak-check=no", "--retention=no",
                  args=[str(n)])
    m = re.search(r"-- core\s*:.*?sb unmmap'd,\s*([\d,]+)/\s*([\d,]+) max/curr",
                  rep.text)
    assert m, rep.text
    return int(m[2].replace(",", ""))


def test_shadow_bytes_per_live_block(build):
    prog = build("live_blocks.c")
    per_block = (tool_arena_bytes(prog, N) - tool_arena_bytes(prog, 0)) / N
    assert 40 <= per_block <= 56, per_block
