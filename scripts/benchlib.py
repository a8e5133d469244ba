# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the GNU General Public
# License, version 2 or (at your option) any later version; see COPYING.
"""What scripts/bench and scripts/bench-leakcheck share: building the
workloads, running a command while measuring its wall time and peak RSS,
and printing tables."""

import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass

TOP = os.environ.get("MEMROOT_BUILDDIR",
                     os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VG_IN_PLACE = os.path.join(TOP, "vg-in-place")
SCRIPTS_DIR = os.path.dirname(os.path.abspath(__file__))
BENCH_DIR = os.path.join(os.path.dirname(SCRIPTS_DIR), "bench")


def die(msg):
    sys.exit("%s: %s" % (os.path.basename(sys.argv[0]), msg))


def build(sources, outdir):
    """Compiles the C sources with -O2 -g into outdir (memroot.h in reach),
    and scripts/measure.c, which measure() needs; returns name -> exe."""
    exes = {}
    for src in [*sources, os.path.join(SCRIPTS_DIR, "measure.c")]:
        name = os.path.splitext(os.path.basename(src))[0]
        exe = os.path.join(outdir, name)
        p = subprocess.run(["gcc", "-O2", "-g",
                            "-I", os.path.join(os.path.dirname(SCRIPTS_DIR), "memroot"),
                            "-I", "/usr/include/valgrind",
                            "-o", exe, src, "-lm"],
                           stderr=subprocess.PIPE, text=True)
        if p.returncode:
            die("cannot compile %s:\n%s" % (src, p.stderr))
        exes[name] = exe
    return exes


@dataclass
class Run:
    seconds: float        # wall time
    cpu_seconds: float    # user + system time
    maxrss_kb: int
    stdout: str


def measure(cmd, workdir):
    """Runs cmd to completion through scripts/measure (built into workdir by
    build()); its wall and CPU times, its peak RSS and its standard output.
    Valgrind's messages go to a file, shown on failure."""
    report = os.path.join(workdir, "report")
    with tempfile.TemporaryFile("w+", dir=workdir) as out, \
            tempfile.TemporaryFile("w+", dir=workdir) as err:
        p = subprocess.run([os.path.join(workdir, "measure"), report, *cmd],
                           stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        out.seek(0)
        err.seek(0)
        if p.returncode:
            die("%s exited with %d:\n%s" % (" ".join(cmd), p.returncode,
                                            err.read()[-3000:]))
        with open(report) as f:
            seconds, cpu_seconds, maxrss = f.read().split()
        return Run(float(seconds), float(cpu_seconds), int(maxrss), out.read())


def check_built():
    if not os.path.exists(VG_IN_PLACE):
        die("%s is missing: build memroot first (scripts/bootstrap or make)"
            % VG_IN_PLACE)


def progress(msg=""):
    """Shows what runs now on a terminal's last line; "" clears it."""
    if sys.stderr.isatty():
        print("\r\033[K" + msg, end="", file=sys.stderr, flush=True)


def median(xs):
    return statistics.median(xs)


def table(header, rows, left=1):
    """Formats rows (lists of strings) under header: the first `left`
    columns aligned left, the others (figures) right."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(r):
        return "  ".join(str(c).ljust(w) if i < left else str(c).rjust(w)
                         for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([line(header), line(["-" * w for w in widths]),
                      *map(line, rows)])


def machine(load_before):
    """What the figures were measured on, and how busy it was: the 1-minute
    load average before the runs (load_before) and after them."""
    vg = subprocess.run(["valgrind", "--version"], stdout=subprocess.PIPE,
                        text=True).stdout.strip()
    return {"valgrind": vg, "cpus": os.cpu_count(), "uname": " ".join(os.uname()),
            "load_before": load_before, "load_after": os.getloadavg()[0]}


def warn_if_busy(load_before):
    """Other processes competing for the CPUs make the times noisy: says so
    above the tables when the 1-minute load average was above half a CPU
    before the runs, or above 1.5 after them (the runs themselves keep one
    CPU busy)."""
    load_after = os.getloadavg()[0]
    if load_before > 0.5 or load_after > 1.5:
        print("Warning: other processes were running (1-minute load average %.1f before,"
              " %.1f after, on %d CPUs): wall times are noisy, CPU times less so.\n"
              % (load_before, load_after, os.cpu_count()))
