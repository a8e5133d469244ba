"""The pointer-slot shadow: which words hold a heap pointer stored since
the memory became live, and which instruction stored it.  Fixtures ask
memroot through MEMROOT_GET_SLOT_SITE and print one name=value line per
word; store sites are checked against the fixture's own source lines."""

import os
import re
import subprocess

import pytest

import harness

HERE = os.path.dirname(os.path.abspath(__file__))
UNMARKED, SYSCALL, STARTUP, CORE = 0, 1, 2, 3
FLAGS = ["-no-pie", "-pthread", "-I" + os.path.join(harness.TOP, "memroot"),
         "-I/usr/include/valgrind"]


def run(build, fixture, *args, opts=()):
    """Runs a fixture under memroot: its name=value lines, and the log."""
    prog = build(fixture, FLAGS)
    p = subprocess.run([harness.VG_IN_PLACE, *opts, prog, *args], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    values = dict((k, int(v, 0)) for k, v in
                  re.findall(r"^(\w+)=(\S+)$", p.stdout, re.M))
    return prog, values, p.stderr


def source_line(fixture, marker):
    return harness.marked_line(os.path.join(HERE, fixture), marker)


def line_of(prog, ip):
    """file:line of a code address, from the debug info (gdb's addr2line)."""
    out = subprocess.run(["addr2line", "-e", prog, hex(ip)], check=True,
                         stdout=subprocess.PIPE, text=True).stdout
    m = re.match(r"(\S+):(\d+)", out)
    assert m, out
    return os.path.basename(m[1]), int(m[2])


def assert_site(prog, fixture, ip, marker):
    assert ip > CORE, "word not marked by a store: %#x" % ip
    assert line_of(prog, ip) == (fixture, source_line(fixture, marker))


def test_assignment_marks_the_word_with_its_line(build):
    prog, v, _ = run(build, "assignment.c")
    assert_site(prog, "assignment.c", v["global"], "global")
    assert_site(prog, "assignment.c", v["local"], "local")


def test_print_slot_site_names_function_file_and_line(build):
    _, _, log = run(build, "assignment.c")
    assert re.search(r"stored at 0x[0-9A-F]+: main \(assignment\.c:%d\)"
                     % source_line("assignment.c", "global"), log), log


def test_ordinary_data_is_not_marked(build):
    prog, v, _ = run(build, "integers.c")
    assert v["count"] == UNMARKED
    assert v["weight"] == UNMARKED
    assert_site(prog, "integers.c", v["next"], "next")


def test_pointer_read_from_a_pipe_is_marked_as_syscall(build):
    _, v, _ = run(build, "pipe_read.c")
    assert v["same"] == 1
    assert v["received"] == SYSCALL


@pytest.mark.parametrize("n", [2, 5, 32, 4096])
def test_memcpy_keeps_every_pointer_marked(build, n):
    """2 and 5 pointers go through SSE/AVX stores (5: overlapping unaligned
    ones), 32 through AVX loops, 4096 (32 KiB) through rep movsb."""
    _, v, log = run(build, "memcpy_copy.c", str(n))
    assert v["marked"] == n
    assert re.search(r"stored at 0x[0-9A-F]+: \S*mem\S* \(", log), log


def test_each_vector_lane_is_a_word_of_its_own(build):
    _, v, _ = run(build, "vector_store.c")
    assert (v["v128_0"], v["v256_0"], v["v256_1"], v["v256_3"]) == (UNMARKED,) * 4
    assert v["v128_1"] > CORE
    assert v["v256_2"] > CORE


def test_pointer_stored_byte_by_byte_is_marked(build):
    prog, v, _ = run(build, "byte_copy.c")
    assert_site(prog, "byte_copy.c", v["target"], "byte")


def test_realloc_keeps_the_marks_and_their_sites(build):
    prog, v, _ = run(build, "realloc_copy.c")
    assert_site(prog, "realloc_copy.c", v["element"], "element")


def test_pointer_stored_by_a_signal_handler_is_marked(build):
    prog, v, _ = run(build, "signal_handler.c")
    assert_site(prog, "signal_handler.c", v["from_handler"], "handler")


def test_pointer_stored_by_another_thread_is_marked(build):
    prog, v, _ = run(build, "thread_store.c")
    assert_site(prog, "thread_store.c", v["from_thread"], "thread")


def test_pointer_left_in_a_dead_frame_is_not_marked(build):
    prog, v, _ = run(build, "dead_frame.c")
    assert_site(prog, "dead_frame.c", v["live"], "live")
    assert v["dead"] == UNMARKED


def test_freed_then_reused_memory_starts_unmarked(build):
    # no freed queue: the next malloc reuses the freed block at once
    prog, v, _ = run(build, "freed_reuse.c", opts=("--freelist-vol=0",))
    assert_site(prog, "freed_reuse.c", v["before_free"], "before_free")
    assert v["reused"] == 1
    assert v["after_reuse"] == UNMARKED


def test_compare_and_swap_marks_only_when_it_stores(build):
    prog, v, _ = run(build, "compare_and_swap.c")
    assert_site(prog, "compare_and_swap.c", v["swapped"], "cas")
    assert v["kept"] == UNMARKED


def test_requests_do_nothing_natively(build):
    prog = build("assignment.c", FLAGS)
    out = subprocess.run([prog], stdout=subprocess.PIPE, text=True,
                         check=True).stdout
    assert "global=0\n" in out and "local=0\n" in out


def test_marks_move_with_mremap_and_die_with_munmap(build):
    prog, v, _ = run(build, "remap.c")
    assert v["did_move"] == 1
    assert_site(prog, "remap.c", v["moved"], "mapped")
    assert v["old_place"] == UNMARKED
    assert v["remapped"] == UNMARKED
