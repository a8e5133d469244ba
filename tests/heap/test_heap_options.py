"""Every heap option is shown by --help and documented in docs/options.md,
and a malformed value is refused before the program runs."""

import os
import re
import subprocess

import pytest

from harness import TOP, VALGRIND, VG_IN_PLACE, refusal

OPTIONS = ["--show-mismatched-frees", "--freelist-vol", "--freelist-big-blocks",
           "--free-callers",
           "--heap-profile", "--heap-profile-top", "--heap-profile-sort"]


def test_heap_options_in_help_and_docs():
    help_text = subprocess.run([VG_IN_PLACE, "--help"], text=True,
                               stdout=subprocess.PIPE).stdout
    with open(os.path.join(TOP, "docs", "options.md")) as f:
        docs = f.read()
    for opt in OPTIONS:
        assert re.search(re.escape(opt) + "=", help_text), opt
        assert "`%s=" % opt in docs, opt


@pytest.mark.parametrize("bad, complaint", [
    ("--heap-profile=maybe", "Invalid boolean value 'maybe' (should be 'yes' or 'no')"),
    ("--heap-profile-top=0", "'--heap-profile-top' argument must be between 1 and 1000000"),
    ("--freelist-vol=-1", "'--freelist-vol' argument must be between 0 and 10000000000"),
    ("--free-callers=0", "'--free-callers' argument must be between 1 and 500"),
    ("--free-callers=501", "'--free-callers' argument must be between 1 and 500"),
    ("--free-callers=four", "Invalid integer value 'four'"),
    ("--show-mismatched-frees=1x", "Invalid boolean value '1x' (should be 'yes' or 'no')"),
])
def test_malformed_heap_option_refused(bad, complaint):
    p = subprocess.run([VG_IN_PLACE, bad, "/bin/true"], text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert p.returncode == 1
    assert p.stdout.splitlines()[:2] == refusal(bad, complaint)


@pytest.mark.parametrize("bad", ["--freelist-vol=-1", "--freelist-big-blocks=x",
                                 "--show-mismatched-frees=1x"])
def test_malformed_memcheck_option_refused_as_memcheck_does(bad):
    def refusal(cmd):
        p = subprocess.run([*cmd, bad, "/bin/true"], text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        return p.returncode, p.stdout
    ours = refusal([VG_IN_PLACE])
    assert ours == refusal([VALGRIND, "--tool=memcheck"])
    assert ours[0] == 1 and ("Bad option: " + bad) in ours[1]
