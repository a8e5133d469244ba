"""Every heap option is shown by --help and documented in docs/options.md,
and a malformed value is refused before the program runs."""

import os
import re
import subprocess

import pytest

from harness import TOP, VG_IN_PLACE

OPTIONS = ["--show-mismatched-frees", "--freelist-vol", "--freelist-big-blocks",
           "--heap-profile", "--heap-profile-top", "--heap-profile-sort"]


def test_heap_options_in_help_and_docs():
    help_text = subprocess.run([VG_IN_PLACE, "--help"], text=True,
                               stdout=subprocess.PIPE).stdout
    with open(os.path.join(TOP, "docs", "options.md")) as f:
        docs = f.read()
    for opt in OPTIONS:
        assert re.search(re.escape(opt) + "=", help_text), opt
        assert "`%s=" % opt in docs, opt


@pytest.mark.parametrize("bad", ["--heap-profile=maybe",
                                 "--heap-profile-top=0",
                                 "--freelist-vol=-1",
                                 "--show-mismatched-frees=1x"])
def test_malformed_heap_option_refused(bad):
    p = subprocess.run([VG_IN_PLACE, bad, "/bin/true"], text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert p.returncode == 1
    assert bad.split("=")[0] in p.stdout
