"""--xml=yes writes Valgrind's protocol 4, with the same loss records,
kinds, sizes, frames and embedded suppressions as Memcheck's XML."""

import os
import subprocess

import pytest

from harness import VG_IN_PLACE
from xmlreport import read

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = [os.path.join(HERE, "..", "leak_ci", "leaky_ci.c"),
            os.path.join(HERE, "..", "leak_requests", "delta_checks.c")]


def xml_of(cmd, prog, path, *opts):
    subprocess.run([*cmd, "--xml=yes", "--xml-file=%s" % path, *opts, prog],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return read(path)


@pytest.fixture
def both(tmp_path):
    def run(src, *opts):
        prog = os.path.join(str(tmp_path), "prog")
        subprocess.run(["gcc", "-g", "-O0", "-o", prog, src], check=True)
        ours = xml_of([VG_IN_PLACE], prog, str(tmp_path / "memroot.xml"), *opts)
        oracle = xml_of(["valgrind", "--tool=memcheck"], prog,
                        str(tmp_path / "memcheck.xml"), *opts)
        return ours, oracle
    return run


@pytest.mark.parametrize("src", FIXTURES, ids=os.path.basename)
def test_xml_errors_equal_memchecks(both, src):
    (root, ours), (_, oracle) = both(src, "--show-leak-kinds=all")
    assert root.findtext("protocolversion") == "4"
    assert ours and [e["kind"] for e in ours] == [e["kind"] for e in oracle]
    for a, b in zip(ours, oracle):
        assert (a["text"], a["leakedbytes"], a["leakedblocks"], a["stack"]) == \
               (b["text"], b["leakedbytes"], b["leakedblocks"], b["stack"])


def test_xml_embeds_generated_suppressions_as_memcheck_does(both):
    (_, ours), (_, oracle) = both(FIXTURES[0], "--gen-suppressions=all")
    # leaky_ci.c: a definite and a possible leak, the kinds shown by default
    assert [(e["kind"], e["leakedbytes"]) for e in oracle] == [
        ("Leak_DefinitelyLost", "40"), ("Leak_PossiblyLost", "64")]
    assert [e["suppression"]["skaux"] for e in ours] == \
           [e["suppression"]["skaux"] for e in oracle]
    assert [e["suppression"]["sframes"] for e in ours] == \
           [e["suppression"]["sframes"] for e in oracle]
    assert [e["suppression"]["rawtext"].count("   Memroot:Leak\n") for e in ours] \
        == [1, 1]


def test_xml_forces_a_full_leak_check(both):
    (_, ours), _ = both(FIXTURES[0], "--leak-check=summary")
    assert {e["kind"] for e in ours} == {"Leak_DefinitelyLost", "Leak_PossiblyLost"}
