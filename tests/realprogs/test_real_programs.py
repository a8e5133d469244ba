"""Real programs from Debian give the same HEAP SUMMARY, LEAK SUMMARY and loss
records under memroot as under Memcheck, with a full leak check.

Each program runs once under each tool (the runs are shared by the tests of
that program), in conditions that make two runs see the same heap:
- a fixed, minimal environment (env -i) with the interpreters' hash seeds
  fixed; Python allocates every object with malloc (PYTHONMALLOC=malloc) so
  its heap is tens of thousands of blocks rather than a few arenas;
- no address space randomisation (setarch -R);
- as root, a PID namespace (unshare --fork --pid), so the PID is the same;
- each program's input alone in a fresh directory (Python lists the
  directory of its script, so anything else there changes its heap);
- client environments of equal size under both tools (see _tool_env).
"""

import os
import shutil
from collections import Counter
from dataclasses import dataclass, field

import pytest

import harness

HERE = os.path.dirname(os.path.abspath(__file__))
LEAK_OPTS = ("--leak-check=full", "--show-leak-kinds=all")


@dataclass
class Program:
    name: str
    argv: list          # the command; {dir} is the program's own directory
    inputs: list        # files of this directory copied there first
    env: dict = field(default_factory=dict)


PROGRAMS = [
    Program("python3", ["/usr/bin/python3", "{dir}/script.py"], ["script.py"],
            {"PYTHONHASHSEED": "0", "PYTHONMALLOC": "malloc"}),
    Program("perl", ["/usr/bin/perl", "{dir}/script.pl"], ["script.pl"],
            {"PERL_HASH_SEED": "0", "PERL_PERTURB_KEYS": "0"}),
    Program("tclsh", ["/usr/bin/tclsh", "{dir}/script.tcl"], ["script.tcl"]),
    # ".exit" as an argument leaves without closing the database, so its
    # heap is still there at exit.
    Program("sqlite3", ["/usr/bin/sqlite3", "-batch", ":memory:",
                        ".read {dir}/script.sql", ".exit"], ["script.sql"]),
    # The driver only: without --trace-children, cc1 and as run natively.
    Program("gcc", ["/usr/bin/gcc", "-O2", "-c", "{dir}/tiny.c",
                    "-o", "{dir}/tiny.o"], ["tiny.c"]),
]


def _tool_env(tool):
    """Valgrind adds its preload paths in front of the client's LD_PRELOAD,
    and memroot's tool name is one byte shorter than memcheck's; programs
    that copy their environment (os.environ, %ENV, Tcl's env) would then
    allocate a byte less under memroot.  An extra empty entry (':', which
    ld.so skips) gives memroot's LD_PRELOAD the same length.  Memcheck runs
    from the same library directory as memroot (which links every installed
    file), so VALGRIND_LIB has the same length too."""
    if tool == "memroot":
        return {"LD_PRELOAD": ":"}
    return {"LD_PRELOAD": "", "VALGRIND_LIB": os.path.join(harness.TOP, ".in_place")}


def wrap(program, tool):
    env = {"PATH": "/usr/bin:/bin", "LANG": "C", **program.env, **_tool_env(tool)}
    cmd = ["env", "-i", *("%s=%s" % kv for kv in env.items()),
           "setarch", os.uname().machine, "-R"]
    if os.geteuid() == 0:
        cmd += ["unshare", "--fork", "--pid"]
    return cmd


def run(program, tool, workdir):
    """Runs program, its inputs in workdir, under tool ("memroot" or
    "memcheck") with a full leak check."""
    argv = [a.replace("{dir}", workdir) for a in program.argv]
    runner = harness.memroot if tool == "memroot" else harness.memcheck
    return runner(argv[0], *LEAK_OPTS, args=argv[1:], wrap=wrap(program, tool))


def prepare(program, workdir):
    os.makedirs(workdir)
    for f in program.inputs:
        shutil.copy(os.path.join(HERE, f), workdir)
    return workdir


def loss_records(rep, stacks=False):
    """The loss records as a multiset of (kind, bytes, direct, indirect,
    blocks), and their allocation stacks (function names) if stacks: a
    multiset, because records of equal size may be numbered in either
    order."""
    if stacks:
        return Counter(r.key() for r in rep.loss_records)
    return Counter((r.kind, r.bytes, r.direct, r.indirect, r.blocks)
                   for r in rep.loss_records)


@pytest.fixture(scope="module", params=PROGRAMS, ids=lambda p: p.name)
def reports(request, tmp_path_factory):
    """(memroot's report, Memcheck's report) for one program."""
    program = request.param
    workdir = prepare(program, str(tmp_path_factory.mktemp(program.name) / "w"))
    oracle = run(program, "memcheck", workdir)
    ours = run(program, "memroot", workdir)
    if (ours.leak, loss_records(ours, True)) != (oracle.leak,
                                                 loss_records(oracle, True)):
        # On a loaded machine one run can differ in a verdict (seen once for
        # perl, not again in many runs): a cycle count ld.so keeps
        # (relocate_time, README) landing in the heap is the known cause.
        # A real difference shows in the second pair too.
        oracle = run(program, "memcheck", workdir)
        ours = run(program, "memroot", workdir)
    assert oracle.returncode == 0 and oracle.heap and oracle.leak, oracle.text
    assert ours.returncode == 0, ours.text
    return ours, oracle


def test_heap_summary_equals_memchecks(reports):
    ours, oracle = reports
    assert ours.heap == oracle.heap, ours.text


def test_leak_summary_equals_memchecks(reports):
    ours, oracle = reports
    assert ours.leak == oracle.leak, ours.text


def test_error_summary_equals_memchecks(reports):
    ours, oracle = reports
    assert (ours.errors, ours.error_contexts) == (oracle.errors, oracle.error_contexts), \
        ours.text


def test_loss_records_equal_memchecks(reports):
    ours, oracle = reports
    assert loss_records(ours) == loss_records(oracle), ours.text


def test_loss_record_stacks_equal_memchecks(reports):
    ours, oracle = reports
    assert loss_records(ours, stacks=True) == loss_records(oracle, stacks=True), ours.text
