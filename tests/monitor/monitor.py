"""Drives a running fixture through Valgrind's gdbserver: vgdb alone, or
gdb -batch with `target remote | vgdb`."""

import contextlib
import os
import re
import subprocess

from harness import VG_IN_PLACE


class Running:
    """A fixture under a tool, blocked on stdin between its phases; send()
    lets it run to the next phase."""

    def __init__(self, tool_cmd, prog, tmpdir):
        # Started in tmpdir, where relative output files (xtleak) go.
        self.proc = subprocess.Popen(
            [*tool_cmd, "--leak-check=no", "--vgdb=yes",
             "--vgdb-prefix=%s/vgdb-pipe" % tmpdir, prog],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, cwd=tmpdir)
        self.prefix = "%s/vgdb-pipe" % tmpdir
        self.wait_phase()

    def wait_phase(self):
        line = self.proc.stdout.readline()
        assert line == "waiting\n", line

    def next_phase(self):
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        self.wait_phase()

    def vgdb(self, command, memroot_only=False, raw=False):
        p = subprocess.run(["vgdb", "--vgdb-prefix=%s" % self.prefix,
                            "--pid=%d" % self.proc.pid, *command.split()],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=120)
        if raw:                             # addresses kept
            return p.stdout.splitlines()
        return clean(p.stdout, memroot_only)

    def gdb(self, prog, *commands, memroot_only=False):
        args = ["gdb", "-batch", "-nx", "-q", prog,
                "-ex", "target remote | vgdb --vgdb-prefix=%s --pid=%d"
                % (self.prefix, self.proc.pid)]
        for c in commands:
            args += ["-ex", c]
        args += ["-ex", "detach"]
        p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=120)
        return clean(p.stdout, memroot_only)

    def finish(self):
        self.proc.stdin.write("\n")
        self.proc.stdin.close()
        self.proc.wait(timeout=120)


@contextlib.contextmanager
def programs():
    """start(tool_cmd, prog, workdir) runs a fixture under vgdb (Running)
    in workdir, made if missing; those still running when the block ends
    are killed, so a failed test leaves no program waiting on its stdin."""
    started = []

    def start(tool_cmd, prog, workdir):
        os.makedirs(workdir, exist_ok=True)
        r = Running(tool_cmd, prog, str(workdir))
        started.append(r)
        return r
    try:
        yield start
    finally:
        for r in started:
            if r.proc.poll() is None:
                r.proc.kill()


# What memroot adds to Memcheck's output: where each edge came from.
MEMROOT_ONLY = (" Held by block", "   stored at ", "   written by ",
                "   present at start-up", "   not stored since")


def clean(text, memroot_only=False):
    """The monitor output without PID prefixes, vgdb's chatter and
    addresses, so that two tools' outputs compare; memroot's own lines
    are dropped unless memroot_only."""
    out = []
    for line in text.splitlines():
        line = re.sub(r"^==\d+== ?", "", line)
        if line.startswith("sending command") or "relaying data" in line:
            continue
        if not memroot_only and line.startswith(MEMROOT_ONLY):
            continue
        line = re.sub(r"0x[0-9A-Fa-f]+", "0x…", line)
        line = re.sub(r"\(in /\S+/vgpreload_\w+-amd64-linux\.so\)", "(in vgpreload)", line)
        # A Valgrind built from source keeps the preload's line numbers.
        line = re.sub(r"\(vg_replace_malloc\.c:\d+\)", "(in vgpreload)", line)
        out.append(line)
    return out


def memroot_cmd():
    return [VG_IN_PLACE]


def memcheck_cmd():
    return ["valgrind", "--tool=memcheck"]
