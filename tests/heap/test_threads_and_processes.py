"""Under several threads, and across fork+exec with --trace-children=yes,
each process's HEAP SUMMARY equals Memcheck's."""

import re

from errorlog import errors, pids
from harness import memcheck, memroot, parse


def test_threads_heap_summary_equals_memchecks(build):
    prog = build("threads.c", ["-pthread"])
    ours, oracle = memroot(prog), memcheck(prog)
    # 4 workers x (200 mallocs + 200 callocs + 200 reallocs + 1 kept), and
    # glibc's thread descriptors; what stays is the kept 100 * (w + 1) bytes.
    assert oracle.heap["allocs"] >= 4 * 601, oracle.text
    assert (oracle.heap["in_use_bytes"], oracle.heap["in_use_blocks"]) == (
        100 + 200 + 300 + 400, 4), oracle.text
    assert ours.heap == oracle.heap, ours.text
    assert ours.errors == oracle.errors == 0


def _per_process(text):
    out = []
    for pid in pids(text):
        own = "\n".join(l for l in text.splitlines()
                        if re.match(r"==%s==" % pid, l))
        rep = parse(own)
        if rep.heap:
            out.append(rep.heap)
    return sorted(out, key=lambda h: sorted(h.items()))


def test_trace_children_gives_each_process_its_report(build):
    spawn = build("spawn.c")
    child = build("profile_sites.c")
    ours = memroot(spawn, "--trace-children=yes", args=[child])
    oracle = memcheck(spawn, "--trace-children=yes", args=[child])
    mine, theirs = _per_process(ours.text), _per_process(oracle.text)
    assert len(theirs) == 2, oracle.text
    assert mine == theirs
    # The parent's and the child's own numbers, not a mix.
    assert {"allocs": 2, "frees": 1, "bytes_allocated": 333,
            "in_use_bytes": 222, "in_use_blocks": 1} in mine


def test_bad_free_in_thread_reported_as_memcheck_does(build):
    prog = build("thread_bad_free.c", ["-pthread"])
    ours, oracle = memroot(prog), memcheck(prog)
    assert oracle.errors == 1
    assert ours.errors == 1
    (err,) = errors(ours.text)
    assert err[0] == "Thread 2:"
    assert errors(ours.text) == errors(oracle.text)
    assert ours.heap == oracle.heap
