"""Memcheck's leak-check client requests work under memroot with
Memcheck's meaning, deltas included."""

import re
import subprocess

from harness import NEW_LOSS_RECORD, VG_IN_PLACE


def leak_lines(text):
    """Loss-record and summary lines, without the PID prefix, in order."""
    keep = re.compile(r"(bytes in .* blocks are|LEAK SUMMARY|definitely lost:|"
                      r"indirectly lost:|possibly lost:|still reachable:|suppressed:|"
                      r"All heap blocks were freed)")
    lines = [re.sub(r"^==\d+== ", "", l) for l in text.splitlines()]
    return [l for l in lines if keep.search(l)]


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)


def test_leak_checks_and_deltas_print_what_memcheck_prints(build):
    prog = build("delta_checks.c")
    ours = run([VG_IN_PLACE, "--leak-check=no", prog])
    oracle = run(["valgrind", "--tool=memcheck", "--leak-check=no", prog])
    assert leak_lines(ours.stderr) == leak_lines(oracle.stderr)
    # the added check shows only the two new records, with Memcheck's delta
    # notation; the changed check shows none, nothing changed since
    lines = leak_lines(ours.stderr)
    added = [l for l in lines if "(+" in l and "loss record" in l]
    assert added == [
        "7 (+7) bytes in 1 (+1) blocks are definitely lost in %sloss record 1 of 3"
        % NEW_LOSS_RECORD,
        "100 (+100) bytes in 1 (+1) blocks are definitely lost in %sloss record "
        "3 of 3" % NEW_LOSS_RECORD]
    assert "   definitely lost: 207 (+0) bytes in 3 (+0) blocks" in lines


def test_count_requests_return_the_last_checks_totals(build):
    prog = build("delta_checks.c")
    ours = run([VG_IN_PLACE, "--leak-check=no", prog])
    oracle = run(["valgrind", "--tool=memcheck", "--leak-check=no", prog])
    assert ours.stdout == oracle.stdout
    assert "bytes: leaked 207 dubious 0" in ours.stdout
    assert "blocks: leaked 3 dubious 0" in ours.stdout


def test_memroot_h_offers_the_same_requests(build):
    from harness import TOP
    import os
    prog = build("memroot_names.c", extra=("-I", os.path.join(TOP, "memroot"),
                                           "-I", "/usr/include/valgrind"))
    ours = run([VG_IN_PLACE, "--leak-check=no", prog])
    assert ours.stdout == "leaked 33\nblocks 1\n"
    native = run([prog])
    assert native.stdout == "leaked 0\nblocks 0\n"
