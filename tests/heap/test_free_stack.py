"""A free records --free-callers frames (default 4) of its stack: the
"free'd" stack of a report of a second free (docs/heap.md, "The free
stack").  deep_free.c frees a block from free <- f5 <- ... <- f1 <- main,
then again from main."""

import re

from errorlog import errors
from harness import memcheck, memroot

WHOLE = ["free", "f5", "f4", "f3", "f2", "f1", "main"]


def _freed_stack(rep):
    """The functions of the "free'd" stack of the one error."""
    (err,) = errors(rep.text)
    start = next(i for i, l in enumerate(err) if l.endswith(" free'd"))
    names = []
    for line in err[start + 1:]:
        m = re.match(r"\s+(?:at|by) 0x\?: (\w+) ", line)
        if not m:
            break
        names.append(m[1])
    return names


def test_free_stack_has_four_frames_by_default(build):
    assert _freed_stack(memroot(build("deep_free.c"))) == WHOLE[:4]


def test_free_callers_sets_the_depth(build):
    rep = memroot(build("deep_free.c"), "--free-callers=2")
    assert _freed_stack(rep) == WHOLE[:2]


def test_free_callers_is_capped_by_num_callers(build):
    rep = memroot(build("deep_free.c"), "--num-callers=3", "--free-callers=6")
    assert _freed_stack(rep) == WHOLE[:3]


def test_whole_free_stacks_report_as_memcheck_does(build):
    prog = build("deep_free.c")
    ours = memroot(prog, "--free-callers=12")
    oracle = memcheck(prog)
    assert _freed_stack(ours) == WHOLE
    assert errors(ours.text) == errors(oracle.text)


def test_full_xtree_memory_records_whole_free_stacks(build, tmp_path):
    rep = memroot(build("deep_free.c"), "--xtree-memory=full",
                  "--xtree-memory-file=%s" % (tmp_path / "xt.kcg"))
    assert _freed_stack(rep) == WHOLE
