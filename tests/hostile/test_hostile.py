"""Hostile programs and careless users: no false verdict, no hang, no
panic, no late error.  Where Memcheck is right, memroot's outcome equals
Memcheck's; where Memcheck hangs, panics or ignores the user, the test
asserts memroot's documented better answer (docs/running.md, "Bad
input")."""

import subprocess

import pytest

from harness import VG_IN_PLACE, memcheck, memroot

ARENAS = [(where, when) for where in ("mmap", "static", "malloc")
          for when in ("before", "after")]


@pytest.mark.parametrize("where,when", ARENAS)
def test_custom_arena_pointer_keeps_memchecks_verdict(build, where, when):
    """A pointer to a custom block stored before or after the block was
    described: the same LEAK SUMMARY and exit code as Memcheck's, and
    the fixture's design (96 bytes in 2 blocks held, nothing lost)."""
    prog = build("custom_arena.c")
    opts = ("--leak-check=full", "--error-exitcode=3")
    mr = memroot(prog, *opts, args=(where, when))
    mc = memcheck(prog, *opts, args=(where, when))
    assert mr.leak == mc.leak
    assert mr.leak["still reachable"] == (96, 2)
    assert mr.leak["definitely lost"] == (0, 0)
    assert (mr.returncode, mc.returncode) == (0, 0)


def test_pointer_inside_a_chunk_filled_before_it_was_described(build):
    """Memcheck makes a described chunk's bytes undefined, so a pointer
    written into it before does not count; memroot agrees."""
    prog = build("custom_filled_before.c")
    mr = memroot(prog, "--leak-check=full")
    mc = memcheck(prog, "--leak-check=full")
    assert mr.leak == mc.leak
    assert mr.leak["still reachable"] == (56, 2)
    assert mr.leak["definitely lost"] == (16, 1)


def test_impossible_custom_blocks_are_refused_not_scanned(build):
    """Memcheck takes a SIZE_MAX block and its leak search never ends;
    memroot reports each impossible request and ignores it."""
    rep = memroot(build("huge_custom_block.c"), "--leak-check=full",
                  timeout=120)
    fishy = [l.split("== ", 1)[1] for l in rep.text.splitlines()
             if "fishy" in l]
    assert fishy == [
        "Argument 'size' of function VALGRIND_MALLOCLIKE_BLOCK has a fishy"
        " (possibly negative) value: -1",
        "Argument 'size' of function VALGRIND_MALLOCLIKE_BLOCK has a fishy"
        " (possibly negative) value: 4611686018427387904",
        "Argument 'size' of function VALGRIND_RESIZEINPLACE_BLOCK has a fishy"
        " (possibly negative) value: -1"]
    assert rep.heap["in_use_bytes"] == 0
    assert rep.errors == 3 and rep.returncode == 0


def test_alignments_get_the_c_librarys_answers(build):
    """Memcheck panics in VG_(arena_memalign) on the first two; memroot
    answers what glibc answers (errno ENOMEM where glibc says EINVAL for
    memalign(SIZE_MAX, 16): Valgrind's preload sets errno)."""
    prog = build("alignments.c")
    native = subprocess.run([prog], capture_output=True, text=True, check=True)
    p = subprocess.run([VG_IN_PLACE, "-q", prog], capture_output=True,
                       text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert "impossible" not in p.stderr
    assert p.stdout == native.stdout
    assert "aligned_alloc(32 MiB, 16): aligned 1\n" in p.stdout


def test_pending_sigterm_stops_the_exit_leak_search(build):
    """Memcheck finishes its search and exits 0; memroot stops, says so,
    and the run ends as SIGTERM asks (128 + 15)."""
    rep = memroot(build("stop_signal.c"), "--leak-check=full", args=("exit",))
    assert "Leak search interrupted by signal 15 before it started: no result" \
        in rep.text
    assert rep.leak == {} and rep.returncode == 143


def test_pending_sigterm_stops_a_requested_leak_check(build):
    """A leak check the program asks for returns at once; the program then
    gets its signal."""
    p = subprocess.run([VG_IN_PLACE, "--leak-check=no", build("stop_signal.c"),
                        "check"], capture_output=True, text=True, timeout=120)
    assert "Leak search interrupted by signal 15" in p.stderr
    assert "LEAK SUMMARY" not in p.stderr
    assert p.stdout == "check returned\n"
    assert p.returncode == -15


BAD_OPTIONS = [
    ("--retention-file=", "a file name is needed"),
    ("--xtree-leak-file=", "a file name is needed"),
    ("--retention-file=/nonexistent/dir/r.json",
     "cannot create '/nonexistent/dir/r.json': no such directory"),
    ("--retention-file=/proc/r.json",
     "cannot create '/proc/r.json': "),
    ("--retention-path=0", "expected an address such as 0x4a3a040"),
    ("--retention-path=-1", "expected an address such as 0x4a3a040"),
    ("--retention-path=77836352", "expected an address such as 0x4a3a040"),
    ("--retention-path=0x" + "1" * 17, "expected an address such as 0x4a3a040"),
    ("--retention-path=0x0", "no block lies at address 0"),
    ("--retention-threshold=101", "must be a percentage between 0 and 100"),
    ("--retention-roots=0", "must be between 1 and 1000000"),
    ("--heap-profile-sort=size", "expected one of live-bytes, peak-bytes,"
     " bytes, allocs, live-blocks, peak-blocks"),
]


@pytest.mark.parametrize("option,why", BAD_OPTIONS)
def test_bad_option_stops_the_run_before_the_program(build, option, why):
    prog = build("alignments.c")
    p = subprocess.run([VG_IN_PLACE, option, prog], capture_output=True,
                       text=True, timeout=120)
    assert p.returncode == 1
    assert "Bad option: %s" % option in p.stderr
    assert why in p.stderr
    assert p.stdout == ""                   # the program never ran


def test_xtree_leak_file_is_checked_before_the_program(build):
    prog = build("alignments.c")
    p = subprocess.run([VG_IN_PLACE, "--xtree-leak=yes",
                        "--xtree-leak-file=/nonexistent/x.kcg", prog],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 1
    assert "cannot create '/nonexistent/x.kcg': no such directory" in p.stderr
    assert p.stdout == ""


def test_checking_an_output_file_leaves_no_file_behind(build, tmp_path):
    out = tmp_path / "r.json"
    p = subprocess.run([VG_IN_PLACE, "--retention-file=%s" % out,
                        build("alignments.c")], capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0
    # alignments.c frees everything: no retention report, so no file.
    assert not out.exists()


def test_big_numbers_carry_thousands_separators(build):
    """As Memcheck prints its sizes: 1,024 and 1,100, never 1024."""
    rep = memroot(build("big_numbers.c"), "--leak-check=full",
                  "--show-leak-kinds=all", "--retention-threshold=0")
    mc = memcheck(build("big_numbers.c"), "--leak-check=full")
    assert rep.leak == mc.leak
    assert rep.leak["definitely lost"] == (1024, 1)
    assert " Held by block " in rep.text
    assert "(1,024 bytes, definitely lost in loss record 1,102), via the" \
        " pointer at offset 0" in rep.text
    assert "are held by 1,100 roots" in rep.text
    assert " retained by root 1 of 1,100: global " in rep.text


def test_numbers_that_look_like_pointers_do_not_hide_a_leak(build):
    """Where memroot differs from Memcheck, on purpose: numbers written
    before the heap held those addresses are not pointers (README, "Where
    memroot's verdict differs")."""
    prog = build("random_words.c")
    mr = memroot(prog)
    mc = memcheck(prog)
    assert mr.leak["definitely lost"] == (16, 1)
    assert mr.leak["indirectly lost"] == (1599984, 99999)
    assert mr.leak["possibly lost"] == mr.leak["still reachable"] == (0, 0)
    # Memcheck is fooled: part of the list looks held.
    assert mc.leak["possibly lost"][1] + mc.leak["still reachable"][1] > 0
