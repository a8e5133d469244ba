# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""What scripts/bench, scripts/bench-leakcheck and scripts/bench-retention
share: building the workloads, running a command while measuring its wall
time, CPU time and peak RSS, describing the machine, and printing tables."""

import hashlib
import json
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
    stdout: str           # decoded as UTF-8, undecodable bytes replaced
    digest: str           # SHA-256 of the standard output and output files


# The 1-minute load average before each measured run: how busy the machine
# was during the runs, not only before and after them.
LOADS = []


def measure(cmd, workdir, env=None, outputs=()):
    """Runs cmd to completion through scripts/measure (built into workdir by
    build()); its wall and CPU times, its peak RSS, its standard output and
    a digest of that output and of the files named in outputs (which the
    command writes; they are removed afterwards).  env: variables to add to
    the environment.  Valgrind's messages go to a file, shown on failure."""
    report = os.path.join(workdir, "report")
    LOADS.append(os.getloadavg()[0])
    with tempfile.TemporaryFile("w+b", dir=workdir) as out, \
            tempfile.TemporaryFile("w+", dir=workdir, errors="replace") as err:
        p = subprocess.run([os.path.join(workdir, "measure"), report, *cmd],
                           stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                           env=dict(os.environ, **env) if env else None)
        out.seek(0)
        err.seek(0)
        if p.returncode:
            die("%s exited with %d:\n%s" % (" ".join(cmd), p.returncode,
                                            err.read()[-3000:]))
        with open(report) as f:
            seconds, cpu_seconds, maxrss = f.read().split()
        data = out.read()
        digest = hashlib.sha256(data)
        for path in outputs:
            try:
                with open(path, "rb") as f:
                    digest.update(f.read())
                os.unlink(path)
            except OSError as e:
                die("%s did not write %s: %s" % (" ".join(cmd), path, e.strerror))
        return Run(float(seconds), float(cpu_seconds), int(maxrss),
                   data.decode(errors="replace"), digest.hexdigest())


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


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def machine(load_before):
    """What the figures were measured on, and how busy it was: the load
    averages (1, 5 and 15 minutes) before the runs (load_before, from
    os.getloadavg()) and after them."""
    vg = subprocess.run(["valgrind", "--version"], stdout=subprocess.PIPE,
                        text=True).stdout.strip()
    return {"valgrind": vg, "cpu": cpu_model(), "cpus": os.cpu_count(),
            "uname": " ".join(os.uname()),
            "load_before": list(load_before), "load_after": list(os.getloadavg()),
            "load_during": {"min": min(LOADS, default=0), "median": median(LOADS or [0]),
                            "max": max(LOADS, default=0)}}


def print_machine(load_before):
    """One paragraph above the tables: the machine, the load averages before
    and after the runs, and the 1-minute load average seen before each run.
    Other processes competing for the CPUs make the times noisy: it warns
    when the 1-minute load average was above half a CPU before the runs, or
    above 1.5 after them or at the median of the runs (the runs themselves
    keep one CPU busy)."""
    m = machine(load_before)
    print("Machine: %s, %d CPUs, %s, Linux %s" % (m["cpu"], m["cpus"], m["valgrind"],
                                                 os.uname().release))
    print("Load averages (1, 5, 15 min): %s before, %s after"
          % tuple(" ".join("%.2f" % x for x in m[k]) for k in ["load_before", "load_after"]))
    d = m["load_during"]
    print("1-minute load average before each run: min %.2f, median %.2f, max %.2f"
          % (d["min"], d["median"], d["max"]))
    if m["load_before"][0] > 0.5 or max(m["load_after"][0], d["median"]) > 1.5:
        print("Warning: other processes were running: wall times are noisy, CPU times"
              " less so.")
    print()


def numbers(text, option):
    """The positive integers of a comma-separated option value."""
    try:
        values = [int(x) for x in text.split(",")]
    except ValueError:
        die("%s takes numbers separated by commas, not %r" % (option, text))
    if any(v < 1 for v in values):
        die("%s takes numbers of at least 1, not %r" % (option, text))
    return values


def check_writable(path):
    """Fails now, not after an hour of runs, when path cannot be written."""
    if path is not None:
        try:
            open(path, "w").close()
        except OSError as e:
            die("cannot write %s: %s" % (path, e.strerror))


def write_json(path, runs, load_before, **figures):
    """The figures, with the number of runs and the machine, to path."""
    try:
        with open(path, "w") as f:
            json.dump({"runs": runs, "machine": machine(load_before), **figures},
                      f, indent=2)
            f.write("\n")
    except OSError as e:
        die("cannot write %s: %s" % (path, e.strerror))
