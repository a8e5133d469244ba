"""With --xml=yes, heap errors are written as Memcheck writes them: same
kinds (InvalidFree, MismatchedFree, FishyValue, InvalidMemPool), what,
stacks, address descriptions and suppression kinds."""

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

from harness import VALGRIND, VG_IN_PLACE


def _errors(cmd, prog, path, args):
    subprocess.run([*cmd, "--xml=yes", "--xml-file=%s" % path, prog, *args],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = []
    for e in ET.parse(path).getroot().findall("error"):
        out.append({
            "kind": e.findtext("kind"),
            "what": e.findtext("what"),
            "stacks": [[f.findtext("fn") for f in s.findall("frame")]
                       for s in e.findall("stack")],
            "auxwhat": [re.sub(r"0x[0-9A-Fa-f]+", "0x?", a.text)
                        for a in e.findall("auxwhat")],
            "skind": e.findtext("suppression/skind"),
        })
    return out


CASES = [("bad_frees.cpp", "double_free", "InvalidFree"),
         ("bad_frees.cpp", "free_new", "MismatchedFree"),
         ("hostile_sizes.cpp", "none", "FishyValue"),
         ("custom_alloc.c", "mempool_bad_requests", "InvalidMemPool")]


@pytest.mark.parametrize("fixture,case,kind", CASES)
def test_heap_error_xml_equals_memchecks(build, tmp_path, fixture, case, kind):
    prog = build(fixture, ["-std=c++17", "-Wno-free-nonheap-object"]
                 if fixture.endswith(".cpp") else ["-Wno-free-nonheap-object"])
    ours = _errors([VG_IN_PLACE, "--gen-suppressions=all"], prog,
                   tmp_path / "memroot.xml", [case])
    oracle = _errors([VALGRIND, "--tool=memcheck", "--gen-suppressions=all"],
                     prog, tmp_path / "memcheck.xml", [case])
    assert kind in [e["kind"] for e in oracle]
    for e in oracle:
        if e["skind"]:
            e["skind"] = e["skind"].replace("Memcheck:", "Memroot:")
    assert ours == oracle
