"""make install puts exactly the tool, its preload and memroot.h where
Valgrind looks for them, memroot-report with its modules and the two man
pages; make uninstall removes exactly those."""

import fcntl
import os
import re
import subprocess

from harness import TOP


def make(target, destdir):
    # One make at a time in the build tree, whatever runs in parallel.
    with open(os.path.join(TOP, ".in_place", ".make-lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return subprocess.run(["make", "-s", target, "DESTDIR=%s" % destdir],
                              cwd=TOP, check=True, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)


def configured(var):
    out = subprocess.run(["make", "-s", "-C", "memroot", "-pn"], cwd=TOP,
                         stdout=subprocess.PIPE, text=True).stdout
    for line in out.splitlines():
        if line.startswith(var + " = "):
            return line.split(" = ", 1)[1]
    raise AssertionError(var + " not in memroot/Makefile")


def expanded(var):
    """A directory variable with ${prefix} and the like expanded."""
    value = configured(var)
    while "${" in value:
        value = re.sub(r"\$\{(\w+)\}", lambda m: configured(m[1]), value)
    return value.lstrip("/")


def installed_files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


REPORT_MODULES = ("__init__.py", "datafile.py", "sources.py", "html.py",
                  "sarif.py", "report.css", "report.js")


def test_install_puts_the_files_where_valgrind_and_man_look(tmp_path):
    make("install", tmp_path)
    tooldir = configured("VG_TOOLDIR").lstrip("/")
    headerdir = configured("VG_HEADERDIR").lstrip("/")
    bindir = expanded("bindir")
    mandir = expanded("mandir")
    datadir = expanded("datarootdir")
    assert installed_files(tmp_path) == sorted([
        "%s/memroot-amd64-linux" % tooldir,
        "%s/vgpreload_memroot-amd64-linux.so" % tooldir,
        "%s/memroot.h" % headerdir,
        # Beside the tool, as Valgrind installs ms_print.
        "%s/memroot-report" % bindir,
        # Written from the manual by scripts/docs-man (test_man_pages.py).
        "%s/man1/memroot.1" % mandir,
        "%s/man1/memroot-report.1" % mandir,
    ] + ["%s/memroot/memroot_report/%s" % (datadir, f)
         for f in REPORT_MODULES])
    assert os.access(tmp_path / bindir / "memroot-report", os.X_OK)


def test_installed_memroot_report_finds_its_modules(tmp_path):
    """The installed script names the installed modules' directory."""
    make("install", tmp_path)
    script = tmp_path / expanded("bindir") / "memroot-report"
    datadir = configured("datadir").replace("${datarootdir}",
                                            configured("datarootdir"))
    datadir = datadir.replace("${prefix}", configured("prefix"))
    assert "\nREPORT_LIB = '%s/memroot'\n" % datadir in script.read_text()


def test_uninstall_removes_exactly_what_install_put(tmp_path):
    make("install", tmp_path)
    make("uninstall", tmp_path)
    assert installed_files(tmp_path) == []
