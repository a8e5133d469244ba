"""Names that XML must escape (C++ templates with <, >, &, quotes) and
non-ASCII identifiers come out well-formed and equal to Memcheck's."""

import subprocess

from harness import VG_IN_PLACE
from xmlreport import read


def xml_of(cmd, prog, path):
    subprocess.run([*cmd, "--xml=yes", "--xml-file=" + path,
                    "--gen-suppressions=all", prog],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=300)
    return read(path)   # xml.etree raises on anything not well-formed


def test_xml_frame_names_are_escaped_as_memchecks(build, tmp_path):
    prog = build("escaped_names.cpp")
    _, ours = xml_of([VG_IN_PLACE], prog, str(tmp_path / "memroot.xml"))
    _, oracle = xml_of(["valgrind", "--tool=memcheck"], prog,
                       str(tmp_path / "memcheck.xml"))
    names = {f[0] for e in oracle for f in e["stack"]}
    assert {"größe()", "Box::operator&&(int)",
            'operator"" _bytes(unsigned long long)'} <= names
    assert any("std::pair<int, int>" in n for n in names)
    assert [e["stack"] for e in ours] == [e["stack"] for e in oracle]
    assert [e["suppression"]["sframes"] for e in ours] == \
           [e["suppression"]["sframes"] for e in oracle]
