"""Runs programs under memroot (in place) and under Memcheck, and parses
what both print into comparable records."""

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field

TOP = os.environ.get("MEMROOT_BUILDDIR",
                     os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VG_IN_PLACE = os.path.join(TOP, "vg-in-place")


def _configured_valgrind():
    """The Valgrind configure built memroot against (valgrind.conf in the
    build tree): Memcheck, the oracle, must be that release's, and so must
    vgdb and callgrind_annotate."""
    conf = os.path.join(TOP, "valgrind.conf")
    try:
        with open(conf) as f:
            pairs = [l.rstrip("\n").split("=", 1) for l in f
                     if l.strip() and not l.startswith("#")]
    except FileNotFoundError:
        raise RuntimeError("%s is missing: configure and build memroot first "
                           "(scripts/bootstrap, or ./configure && make)" % conf)
    return dict(pairs)


VALGRIND_CONF = _configured_valgrind()
VALGRIND = VALGRIND_CONF["valgrind"]
VALGRIND_VERSION = tuple(int(x) for x in VALGRIND_CONF["version"].split(".")[:2])
# From 3.21 a delta leak check marks a loss record that had no block at the
# previous check: "... definitely lost in new loss record 1 of 3".
NEW_LOSS_RECORD = "new " if VALGRIND_VERSION >= (3, 21) else ""
# Tests that run "valgrind", "vgdb" or "callgrind_annotate" by name get the
# configured release's, not whichever comes first on PATH.
if shutil.which("valgrind") != VALGRIND:
    os.environ["PATH"] = os.path.dirname(VALGRIND) + os.pathsep + os.environ["PATH"]


def marked_line(path, marker):
    """The number of the line of a fixture that carries /* SITE:marker */:
    tests name source lines by marker, not by number."""
    with open(path) as f:
        for n, line in enumerate(f, 1):
            if "/* SITE:%s */" % marker in line:
                return n
    raise AssertionError("no SITE:%s in %s" % (marker, path))


def compile_fixture(src, outdir, extra=()):
    """Compiles a C or C++ fixture with gcc -g -O0 into outdir."""
    exe = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0])
    cc = "g++" if src.endswith(".cpp") else "gcc"
    subprocess.run([cc, "-g", "-O0", "-o", exe, src, *extra], check=True)
    return exe


@dataclass
class LossRecord:
    kind: str          # "definitely lost", "indirectly lost", ...
    bytes: int         # direct + indirect bytes, as printed first
    direct: int
    indirect: int
    blocks: int
    number: int
    total: int
    stack: list = field(default_factory=list)   # function names, innermost first

    def key(self):
        """What must match between two tools: kind, sizes, counts, stack."""
        return (self.kind, self.bytes, self.direct, self.indirect,
                self.blocks, tuple(self.stack))


@dataclass
class LeakCheck:
    """One leak check: its loss records and the LEAK SUMMARY ending it, or
    all_freed when it found no block at all ("All heap blocks were freed --
    no leaks are possible", then no summary is printed)."""
    summary: dict = field(default_factory=dict)
    loss_records: list = field(default_factory=list)
    all_freed: bool = False


@dataclass
class Report:
    text: str
    returncode: int
    heap: dict = field(default_factory=dict)
    leak: dict = field(default_factory=dict)          # the last LEAK SUMMARY
    loss_records: list = field(default_factory=list)  # of every check
    leak_checks: list = field(default_factory=list)   # LeakCheck, in order
    errors: int = None
    error_contexts: int = None
    pid: int = None
    processes: list = field(default_factory=list)     # Report per PID
    raw_text: str = None      # memcheck(): the log before _without_unmirrored
    unmirrored: list = field(default_factory=list)    # memcheck(): left out


_PREFIX = re.compile(r"^==(\d+)== ?")
_NUM = r"([\d,]+)"
# A stack frame: "at 0x4841F2F: operator new[](unsigned long) (in /lib...)"
# or "by 0x1091AA: main (prog.c:23)"; the name ends where the location
# in parentheses begins (names may hold spaces and parentheses).
_FRAME = re.compile(r"\s+(?:at|by) 0x[0-9A-F]+: (.*?)"
                    r"(?: \((?:in [^()]*|[^()]*:\d+)\))?$")


def _n(s):
    return int(s.replace(",", ""))


def parse(text, returncode=0):
    """Parses a Valgrind log in Memcheck's layout.  The report covers every
    line of the log.  `processes` holds one report per PID, in order of
    first appearance: when a program forks, the parent (which printed the
    banner) comes first, then its children."""
    lines, by_pid = [], {}
    for l in text.splitlines():
        m = _PREFIX.match(l)
        if m:
            lines.append(l[m.end():])
            by_pid.setdefault(int(m[1]), []).append(l[m.end():])
    rep = _parse_lines(lines, text, returncode)
    for pid, own in by_pid.items():
        proc = _parse_lines(own, text, returncode)
        proc.pid = pid
        rep.processes.append(proc)
    if len(by_pid) == 1:
        rep.pid = rep.processes[0].pid
    return rep


def _parse_lines(lines, text, returncode):
    rep = Report(text=text, returncode=returncode)
    current = None
    pending = []            # loss records of the check not yet summarised
    for line in lines:
        if re.match(r"LEAK SUMMARY:", line):
            rep.leak = {}
            rep.leak_checks.append(LeakCheck(summary=rep.leak,
                                             loss_records=pending))
            pending = []
            continue
        if re.match(r"All heap blocks were freed -- no leaks are possible", line):
            rep.leak = {}
            rep.leak_checks.append(LeakCheck(loss_records=pending,
                                             all_freed=True))
            pending = []
            continue
        m = re.match(r"\s+in use at exit: %s bytes in %s blocks" % (_NUM, _NUM), line)
        if m:
            rep.heap["in_use_bytes"], rep.heap["in_use_blocks"] = _n(m[1]), _n(m[2])
            continue
        m = re.match(r"\s+total heap usage: %s allocs, %s frees, %s bytes allocated"
                     % (_NUM, _NUM, _NUM), line)
        if m:
            rep.heap["allocs"], rep.heap["frees"], rep.heap["bytes_allocated"] = (
                _n(m[1]), _n(m[2]), _n(m[3]))
            continue
        m = re.match(r"\s+(definitely lost|indirectly lost|possibly lost|"
                     r"still reachable|suppressed): %s bytes in %s blocks"
                     % (_NUM, _NUM), line)
        if m:
            rep.leak[m[1]] = (_n(m[2]), _n(m[3]))
            continue
        m = re.match(r"\s+of which reachable via heuristic:", line)
        if m:
            continue
        m = re.match(r"\s+(stdstring|length64|newarray|multipleinheritance)\s*: "
                     r"%s bytes in %s blocks" % (_NUM, _NUM), line)
        if m:
            rep.leak["heuristic " + m[1]] = (_n(m[2]), _n(m[3]))
            continue
        m = re.match(r"%s(?: \(%s direct, %s indirect\))? bytes in %s blocks are "
                     r"(definitely lost|indirectly lost|possibly lost|still reachable)"
                     r" in loss record %s of %s" % (_NUM, _NUM, _NUM, _NUM, _NUM, _NUM),
                     line)
        if m:
            total = _n(m[1])
            direct = _n(m[2]) if m[2] else total
            indirect = _n(m[3]) if m[3] else 0
            current = LossRecord(kind=m[5], bytes=total, direct=direct,
                                 indirect=indirect, blocks=_n(m[4]),
                                 number=_n(m[6]), total=_n(m[7]))
            rep.loss_records.append(current)
            pending.append(current)
            continue
        m = _FRAME.match(line)
        if m and current is not None:
            current.stack.append(m[1])
            continue
        # The allocation stack ends at the first line that is no frame
        # (memroot's " Held by ...", " Its last pointer ..." follow it).
        current = None
        m = re.match(r"ERROR SUMMARY: %s errors from %s contexts" % (_NUM, _NUM), line)
        if m:
            rep.errors, rep.error_contexts = _n(m[1]), _n(m[2])
    return rep


def _run(cmd, env=None, timeout=600):
    full_env = dict(os.environ)
    full_env.update(env or {})
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, errors="replace", env=full_env,
                       timeout=timeout)
    return parse(p.stderr, p.returncode), p


def refusal(option, complaint):
    """The first two lines the core prints when it refuses an option."""
    return ["valgrind: Bad option: " + option, "valgrind: " + complaint]


def memroot(prog, *opts, args=(), env=None, timeout=600, wrap=()):
    """Runs prog under the memroot of this build tree; wrap is a command
    prefix (env -i, setarch, ...) that runs Valgrind itself."""
    rep, _ = _run([*wrap, VG_IN_PLACE, *opts, prog, *args], env, timeout)
    return rep


# Memcheck's checks of allocator arguments that memroot does not make (yet):
# added in Valgrind 3.21 (realloc of size 0) and 3.22 (alignment and size
# values, sized and aligned deletes), so only a newer Memcheck prints them.
# The oracle leaves their reports out of its log and its ERROR SUMMARY, and
# keeps them in Report.unmirrored (docs/install.md).
_UNMIRRORED = re.compile(r"realloc\(\) with size 0$"
                         r"|Invalid (size|alignment) value: \d+"
                         r"|\S+ invalid size value: \d+$"
                         r"|Mismatched .* (size|alignment) (alloc )?value: ")
_SUMMARY = re.compile(r"^(==(\d+)== ERROR SUMMARY: )(\d+) errors from (\d+) contexts")


def _without_unmirrored(text):
    """text less the error reports of the checks in _UNMIRRORED, each
    process's ERROR SUMMARY lowered to match, and those reports' headlines.
    Valgrind prints a repeated error once: the count is lowered by one per
    report, so a repeat still counts and makes a comparison fail, not pass."""
    out, dropped, skipping = [], {}, False
    for line in text.splitlines(keepends=True):
        m = _PREFIX.match(line)
        body = line[m.end():].rstrip("\n") if m else None
        if skipping:
            if m and body.strip() == "":
                skipping = False        # the blank line ending the report
            continue
        if m and _UNMIRRORED.match(body) and out and \
                _PREFIX.sub("", out[-1]).strip() == "":
            dropped.setdefault(m[1], []).append(body)
            skipping = True
            continue
        s = _SUMMARY.match(line)
        if s and s[2] in dropped:
            n = len(dropped[s[2]])
            line = "%s%d errors from %d contexts%s" % (
                s[1], int(s[3]) - n, int(s[4]) - n, line[s.end():])
        out.append(line)
    return "".join(out), [h for hs in dropped.values() for h in hs]


def memcheck(prog, *opts, args=(), env=None, timeout=600, wrap=()):
    """Runs prog under the configured Memcheck: the oracle, less the checks
    in _UNMIRRORED (Report.unmirrored lists what it left out, raw_text is
    the whole log).  wrap as for memroot()."""
    _, p = _run([*wrap, VALGRIND, "--tool=memcheck", *opts, prog, *args],
                env, timeout)
    text, dropped = _without_unmirrored(p.stderr)
    rep = parse(text, p.returncode)
    rep.raw_text, rep.unmirrored = p.stderr, dropped
    return rep


def memcheck_settled(prog, *opts, differs, **kw):
    """memcheck(), run once more when differs(report): Memcheck's verdict
    on a heap of megabytes varies between runs when ld.so's cycle count
    (relocate_time, README) falls inside a block.  A real difference shows
    in the second run too."""
    rep = memcheck(prog, *opts, **kw)
    return memcheck(prog, *opts, **kw) if differs(rep) else rep


# --- Retention reports (docs/retention.md) ---------------------------------

@dataclass
class RetainedRoot:
    name: str               # "global g_table in /path", "register R12 of thread 1"
    bytes: int
    blocks: int
    share: str              # "91.2%"
    reach_bytes: int = None
    reach_blocks: int = None
    growth_bytes: int = None
    growth_blocks: int = None
    declared: str = None    # "g.c:3", with --read-var-info=yes
    sites: list = field(default_factory=list)   # (bytes, blocks, [fn, ...])
    path: list = field(default_factory=list)    # lines of the path, stripped


@dataclass
class Retention:
    bytes: int
    blocks: int
    n_roots: int
    roots: list = field(default_factory=list)
    shared_bytes: int = 0
    shared_blocks: int = 0
    sharers: list = field(default_factory=list)   # per shared block: names


_RET_HEAD = re.compile(r"RETENTION BY ROOT: " + _NUM + r" bytes in " + _NUM +
                       r" blocks \(.*\) are held by " + _NUM + " roots")
_RET_ROOT = re.compile(_NUM + r" bytes in " + _NUM + r" blocks \(([\d.]+%) of "
                       r"the live heap\) are retained by root \d+ of \d+: (.*)$")
_RET_REACH = re.compile(r" It reaches " + _NUM + r" bytes in " + _NUM + " blocks")
_RET_GROWTH = re.compile(r" Since the last retention report: ([+-][\d,]+) bytes,"
                         r" ([+-][\d,]+) blocks")
_RET_SITE = re.compile(r" " + _NUM + r" bytes in " + _NUM + " blocks allocated at$")
_RET_SHARED = re.compile(_NUM + r" bytes in " + _NUM + r" blocks \(.*\) are shared")


def parse_retention(text):
    """Every retention report in text (one process), in order."""
    reports = []
    root = None
    section = None
    for raw in text.splitlines():
        m = _PREFIX.match(raw)
        if not m:
            continue
        line = raw[m.end():]
        if (h := _RET_HEAD.match(line)):
            reports.append(Retention(_n(h[1]), _n(h[2]), _n(h[3])))
            root, section = None, None
        elif line.startswith("RETENTION BY ROOT: no block is held by a root"):
            reports.append(Retention(0, 0, 0))
            root, section = None, None
        elif not reports:
            continue
        elif (r := _RET_ROOT.match(line)):
            root = RetainedRoot(r[4], _n(r[1]), _n(r[2]), r[3])
            reports[-1].roots.append(root)
            section = "root"
        elif (s := _RET_SHARED.match(line)):
            reports[-1].shared_bytes, reports[-1].shared_blocks = _n(s[1]), _n(s[2])
            root, section = None, "shared"
        elif line.startswith("HEAP SUMMARY") or line.startswith("ERROR SUMMARY"):
            root, section = None, None
        elif section == "shared":
            if line.startswith(" Block "):
                reports[-1].sharers.append([])
            elif line.startswith("   ") and not re.match(r"\s+(at|by) 0x", line) \
                    and reports[-1].sharers:
                reports[-1].sharers[-1].append(line.strip())
        elif root is not None:
            if not line.strip():            # a blank line ends a root
                root, section = None, None
            elif (x := _RET_REACH.match(line)):
                root.reach_bytes, root.reach_blocks = _n(x[1]), _n(x[2])
            elif (x := _RET_GROWTH.match(line)):
                root.growth_bytes = int(x[1].replace(",", ""))
                root.growth_blocks = int(x[2].replace(",", ""))
            elif line.startswith(" declared at "):
                root.declared = line[len(" declared at "):]
            elif (x := _RET_SITE.match(line)):
                root.sites.append((_n(x[1]), _n(x[2]), []))
                section = "site"
            elif line.startswith(" Path to the most of it:"):
                section = "path"
            elif section == "site" and (f := _FRAME.match(line)):
                root.sites[-1][2].append(f[1])
            elif section == "path":
                root.path.append(line.strip())
    return reports
