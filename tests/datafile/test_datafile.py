# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""--memroot-out-file: the data file holds Memcheck's numbers and the
profile's, on sites.c's design (its header gives every number)."""

import json
import os
import subprocess

import harness
from harness import memcheck, memroot
from datafile import functions, run, validate

FULL = ("--leak-check=full",)


def test_data_file_validates_against_the_schema(build, tmp_path):
    _, data = run(build("sites.c"), tmp_path, *FULL)
    validate(data)
    assert data["memroot_data"] == 1
    assert data["reason"] == "exit"


def test_heap_section_equals_memchecks_heap_summary(build, tmp_path):
    prog = build("sites.c")
    rep, data = run(prog, tmp_path, *FULL)
    h = data["heap"]
    assert {"in_use_bytes": h["in_use"]["bytes"],
            "in_use_blocks": h["in_use"]["blocks"], "allocs": h["allocs"],
            "frees": h["frees"], "bytes_allocated": h["bytes_allocated"]} \
        == memcheck(prog).heap == rep.heap
    assert (h["in_use"]["bytes"], h["in_use"]["blocks"], h["allocs"]) \
        == (650, 7, 17)


def test_leak_section_equals_memchecks_leak_check(build, tmp_path):
    prog = build("sites.c")
    _, data = run(prog, tmp_path, *FULL, "--show-leak-kinds=all")
    mc = memcheck(prog, *FULL, "--show-leak-kinds=all")
    s = data["leak"]["summary"]
    words = {"definitely_lost": "definitely lost",
             "indirectly_lost": "indirectly lost",
             "possibly_lost": "possibly lost",
             "still_reachable": "still reachable",
             "suppressed": "suppressed"}
    assert {words[k]: (v["bytes"], v["blocks"]) for k, v in s.items()} \
        == mc.leak
    kinds = {"definite": "definitely lost", "indirect": "indirectly lost",
             "possible": "possibly lost", "reachable": "still reachable"}
    mine = [(kinds[r["kind"]], r["bytes"], r["blocks"], r["number"],
             tuple(functions(data, r["stack"])))
            for r in data["leak"]["records"]]
    theirs = [(r.kind, r.bytes, r.blocks, r.number, tuple(r.stack))
              for r in mc.loss_records]
    assert mine == theirs


def test_loss_records_say_how_they_were_reported(build, tmp_path):
    _, data = run(build("sites.c"), tmp_path, *FULL)
    flags = {r["kind"]: (r["shown"], r["error"], r["suppressed"])
             for r in data["leak"]["records"]}
    # Memcheck's defaults: definite and possible shown and errors.
    assert flags == {"definite": (True, True, False),
                     "reachable": (False, False, False)}


def test_heap_errors_counted_per_stack(build, tmp_path, source_line):
    _, data = run(build("sites.c"), tmp_path)
    [e] = data["errors"]
    assert (e["kind"], e["text"], e["count"], e["suppressed"]) == (
        "InvalidFree", "Invalid free() / delete / delete[] / realloc()", 2,
        False)
    frame = data["frames"][data["stacks"][e["stack"]][1]]
    assert (frame["function"], frame["line"]) == (
        "main", source_line("sites.c", "double"))


def test_suppressed_heap_error_says_so(build, tmp_path):
    supp = tmp_path / "free.supp"
    supp.write_text("{\n   double\n   Memroot:Free\n   fun:free\n"
                    "   fun:main\n}\n")
    _, data = run(build("sites.c"), tmp_path, "--suppressions=%s" % supp)
    assert [(e["count"], e["suppressed"]) for e in data["errors"]] \
        == [(2, True)]


def test_profile_sites_have_the_designed_numbers(build, tmp_path):
    _, data = run(build("sites.c"), tmp_path)
    p = data["profile"]
    sites = {functions(data, s["stack"])[1]: s for s in p["sites"]}
    got = {f: (s["allocs"], s["bytes"], s["live_bytes"], s["live_blocks"],
               s["peak_bytes"], s["peak_blocks"], s["at_peak_bytes"])
           for f, s in sites.items() if f.startswith("site_")}
    assert got == {"site_kept": (10, 1000, 600, 6, 1000, 10, 1000),
                   "site_temp": (5, 5000, 0, 0, 1000, 1, 1000),
                   "site_lost": (1, 50, 50, 1, 50, 1, 0)}
    assert p["peak"] == {"bytes": 2000, "blocks": 11, "time": 2000}
    # site_kept's oldest live block is table[4], born at 400: its age at
    # exit, 6,050 bytes allocated, is 5,650.
    assert sites["site_kept"]["oldest_age"] == 5650
    assert sites["site_temp"]["oldest_age"] is None


def test_timeline_samples_every_n_bytes_in_time_order(build, tmp_path):
    _, data = run(build("sites.c"), tmp_path, "--timeline-every=1k")
    t = data["timeline"]
    assert t["every"] == 1024
    times = [s[0] for s in t["samples"]]
    assert times == sorted(times)
    # A sample at the first allocation, then one at the first allocation
    # at least 1,024 bytes later, ...; the last at exit.
    assert all(b - a >= 1024 for a, b in zip(times, times[1:-1]))
    assert t["samples"][-1] == [6050, 650, 7]
    assert t["samples"][0] == [100, 100, 1]


def test_timeline_site_points_rebuild_the_sites_live_bytes(build, tmp_path):
    _, data = run(build("sites.c"), tmp_path, "--timeline-every=100")
    t = data["timeline"]
    sites = data["profile"]["sites"]
    last = {}
    for ts in t["sites"]:
        assert [p[0] for p in ts["points"]] == sorted(
            p[0] for p in ts["points"])
        last[functions(data, sites[ts["site"]]["stack"])[1]] = \
            ts["points"][-1][1:]
    assert last["site_kept"] == [600, 6]
    assert last["site_temp"] == [0, 0]
    assert last["site_lost"] == [50, 1]


def test_adaptive_timeline_keeps_1000_to_2000_samples(build, tmp_path):
    _, data = run(build("many_allocs.c"), tmp_path, "--leak-check=no",
                  "--retention=no")
    n = len(data["timeline"]["samples"])
    assert 1000 <= n <= 2000, n
    assert data["timeline"]["every"] >= 256


def test_malformed_timeline_every_rejected(build):
    prog = build("sites.c")
    for bad in ("0", "12x", "-5", "k", "1125899906842625", "2G2"):
        rep = memroot(prog, "--memroot-out-file=x.json",
                      "--timeline-every=" + bad)
        assert rep.returncode == 1, bad
        assert rep.text.splitlines()[:2] == [
            "valgrind: Bad option: --timeline-every=" + bad,
            "valgrind: expected a number of bytes from 1 to 2^50, with an "
            "optional k, M or G (e.g. 64k)"], bad


def test_unwritable_data_file_rejected_before_the_program_starts(build):
    rep = memroot(build("sites.c"), "--memroot-out-file=/nonexistent/d.json")
    assert rep.returncode == 1
    lines = rep.text.splitlines()
    assert "valgrind: Bad option: --memroot-out-file=/nonexistent/d.json" \
        in lines
    assert "valgrind: cannot create '/nonexistent/d.json': no such " \
        "directory" in lines
    assert "HEAP SUMMARY" not in rep.text


def test_data_file_name_expands_pid(build, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    rep = memroot(build("sites.c"), "--memroot-out-file=%s/d.%%p.json" % out)
    assert os.listdir(out) == ["d.%d.json" % rep.pid]
    assert "memroot data file: %s/d.%d.json" % (out, rep.pid) in rep.text


def test_retention_file_still_written_beside_the_data_file(build, tmp_path):
    _, data = run(build("sites.c"), tmp_path,
                  "--retention-file=%s/r.json" % tmp_path)
    with open(tmp_path / "r.json") as f:
        old = json.load(f)
    assert old["memroot_retention"] == 1
    assert [r["retained"] for r in old["roots"]] \
        == [r["retained"] for r in data["retention"]["roots"]]
    assert data["retention"]["roots"][0]["root"]["symbol"] == "table"
    assert data["retention"]["roots"][0]["retained"] == {"bytes": 600,
                                                        "blocks": 6}


def test_without_leak_check_the_leak_section_is_null(build, tmp_path):
    _, data = run(build("sites.c"), tmp_path, "--leak-check=no",
                  "--retention=no")
    validate(data)
    assert data["leak"] is None and data["retention"] is None
    assert data["profile"]["live"] == {"bytes": 650, "blocks": 7}


def test_frames_stored_once(build, tmp_path):
    _, data = run(build("sites.c"), tmp_path, *FULL)
    ips = [(f["ip"], f["function"]) for f in data["frames"]]
    assert len(ips) == len(set(ips))
    stacks = [tuple(s) for s in data["stacks"]]
    assert len(stacks) == len(set(stacks))


MEMROOT_H = ("-I", os.path.join(harness.TOP, "memroot"),
             "-I", "/usr/include/valgrind")


def test_dump_request_writes_a_data_file_mid_run(build, tmp_path):
    prog = build("dump_request.c", extra=MEMROOT_H)
    p = subprocess.run([harness.VG_IN_PLACE, prog, str(tmp_path / "d.json")],
                       capture_output=True, text=True, timeout=300)
    assert p.stdout.splitlines()[0] == "named 1"
    with open(tmp_path / "d.json") as f:
        data = json.load(f)
    validate(data)
    assert data["reason"] == "client request"
    # The 1,000-byte block is live then, beside stdout's buffer (none yet:
    # printf runs after the request).
    assert data["heap"]["in_use"] == {"bytes": 1000, "blocks": 1}


def test_dump_request_refuses_a_bad_name(build, tmp_path):
    prog = build("dump_request.c", extra=MEMROOT_H)
    p = subprocess.run([harness.VG_IN_PLACE, prog, str(tmp_path / "d.json")],
                       capture_output=True, text=True, timeout=300)
    assert p.stdout.splitlines()[1:] == ["unmapped 0", "empty 0"]
    warnings = [l.split("== ", 1)[1] for l in p.stderr.splitlines()
                if "MEMROOT_DUMP" in l]
    assert warnings == [
        "Warning: MEMROOT_DUMP: the file name at 0x10 is not a readable, "
        "non-empty string of fewer than 4096 bytes; nothing written",
        "Warning: MEMROOT_DUMP: the file name at %s is not a readable, "
        "non-empty string of fewer than 4096 bytes; nothing written"
        % warnings[1].split(" at ")[1].split(" ")[0]]
    assert sorted(os.listdir(tmp_path)) == ["d.json", "dump_request"]


def test_dump_request_natively_returns_0(build, tmp_path):
    prog = build("dump_request.c", extra=MEMROOT_H)
    p = subprocess.run([prog, str(tmp_path / "d.json")], capture_output=True,
                       text=True, timeout=60)
    assert p.stdout.splitlines() == ["named 0", "unmapped 0", "empty 0"]
