"""memroot's command line follows Valgrind's conventions."""

import subprocess

from harness import VG_IN_PLACE


def run(*args):
    return subprocess.run([VG_IN_PLACE, *args], stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)


def test_unknown_option_is_rejected_by_valgrind():
    p = run("--no-such-option=1", "/bin/true")
    assert p.returncode == 1
    assert "Unknown option: --no-such-option=1" in p.stdout


def test_help_lists_memroot_options():
    p = run("--help")
    assert p.returncode == 0
    assert "user options for Memroot:" in p.stdout
    assert "--leak-check=no|summary|full" in p.stdout


def test_help_lists_xtree_leak_options():
    p = run("--help")
    assert "--xtree-leak=no|yes" in p.stdout
    assert "--xtree-leak-file=<file>         xtree leak report file [xtleak.kcg.%p]" in p.stdout


def test_vg_in_place_defaults_to_memroot():
    p = run("/bin/true")
    assert "Memroot, a heap retention and leak analyser" in p.stdout


def test_vg_in_place_honours_another_tool():
    p = run("--tool=none", "/bin/true")
    assert "Nulgrind" in p.stdout
