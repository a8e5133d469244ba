"""An independently written reader of Memcheck's XML loads memroot's XML
unchanged and shows the same leaks: Test::Valgrind's parser
(Test::Valgrind::Parser::XML::Twig, Debian's libtest-valgrind-perl), driven
by read_with_test_valgrind.pl, prints for memroot's XML what it prints for
Memcheck's XML of the same program."""

import os
import subprocess
import xml.etree.ElementTree as ET

import pytest

from harness import VG_IN_PLACE

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVER = os.path.join(HERE, "read_with_test_valgrind.pl")
FIXTURES = [os.path.join(HERE, "..", "leak_ci", "leaky_ci.c"),
            os.path.join(HERE, "..", "leak", "tree_lost.c")]


def read_with_test_valgrind(path):
    """One line per error Test::Valgrind reports: kind, leakedbytes,
    leakedblocks, top frame's function, first frame with a source line."""
    out = subprocess.run(["perl", DRIVER, path], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.splitlines()


@pytest.fixture
def xml_of(tmp_path):
    def run(src, cmd, *opts):
        prog = str(tmp_path / "prog")
        subprocess.run(["gcc", "-g", "-O0", "-o", prog, src], check=True)
        path = str(tmp_path / "out.xml")
        subprocess.run([*cmd, "--xml=yes", "--xml-file=" + path,
                        "--show-leak-kinds=all", *opts, prog],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=300)
        return path
    return run


@pytest.mark.parametrize("compat", [(), ("--xml-compat=memcheck",)],
                         ids=["default", "xml-compat-memcheck"])
@pytest.mark.parametrize("src", FIXTURES, ids=os.path.basename)
def test_test_valgrind_shows_memroots_leaks_as_memchecks(xml_of, src, compat):
    oracle = read_with_test_valgrind(xml_of(src, ["valgrind", "--tool=memcheck"]))
    ours = read_with_test_valgrind(xml_of(src, [VG_IN_PLACE], *compat))
    assert any(line.startswith("Leak_DefinitelyLost\t") for line in oracle)
    assert ours == oracle


def test_test_valgrind_rejects_a_kind_it_does_not_know(xml_of, tmp_path):
    """The driver fails loudly, so a comparison above cannot pass on an
    empty reading: Test::Valgrind croaks on kinds outside Memcheck's list."""
    path = xml_of(FIXTURES[0], [VG_IN_PLACE])
    with open(path) as f:
        text = f.read().replace("<kind>Leak_DefinitelyLost</kind>",
                                "<kind>Leak_Unheard</kind>")
    bad = tmp_path / "bad.xml"
    bad.write_text(text)
    out = subprocess.run(["perl", DRIVER, str(bad)], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode != 0
    assert "Invalid kind Leak_Unheard" in out.stderr


@pytest.mark.parametrize("compat, name", [((), "memroot"),
                                          (("--xml-compat=memcheck",), "memcheck")],
                         ids=["default", "xml-compat-memcheck"])
def test_xml_compat_chooses_the_tool_name_readers_check(xml_of, compat, name):
    root = ET.parse(xml_of(FIXTURES[0], [VG_IN_PLACE], *compat)).getroot()
    assert (root.findtext("protocoltool"), root.findtext("tool")) == (name, name)
