"""Every edge knows the line that stored it: an indirectly lost block's
loss record names the block holding it and the assignment that linked
them; who_points_at names the store of each pointer it finds."""

import re
import subprocess
import xml.etree.ElementTree as ET

from harness import VG_IN_PLACE, memroot


def test_indirect_record_names_its_holder_and_the_storing_line(build, source_line):
    rep = memroot(build("held_list.c"), "--leak-check=full", "--show-leak-kinds=all")
    lines = [re.sub(r"^==\d+== ?", "", l) for l in rep.text.splitlines()]
    i = next(n for n, l in enumerate(lines) if "are indirectly lost in loss record" in l)
    held = next(l for l in lines[i:] if l.startswith(" Held by block"))
    assert re.match(r" Held by block 0x[0-9a-f]+ \(16 bytes, definitely lost in loss "
                    r"record 2\), via the pointer at offset 8$", held), held
    stored = lines[lines.index(held) + 1]
    assert stored.endswith(": lose_list (held_list.c:%d)" % source_line("held_list.c", "link")), stored


def test_records_of_other_kinds_name_no_holder(build):
    rep = memroot(build("held_list.c"), "--leak-check=full", "--show-leak-kinds=all")
    assert rep.text.count("Held by block") == 1


def test_xml_carries_the_holder_in_an_element_readers_skip(build, tmp_path, source_line):
    xml = tmp_path / "out.xml"
    subprocess.run([VG_IN_PLACE, "--xml=yes", "--xml-file=%s" % xml,
                    "--show-leak-kinds=all", build("held_list.c")],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    errors = ET.parse(str(xml)).getroot().findall("error")
    held = [e.find("heldby") for e in errors if e.findtext("kind") == "Leak_IndirectlyLost"]
    assert len(held) == 1 and held[0] is not None
    assert held[0].findtext("size") == "16" and held[0].findtext("offset") == "8"
    assert held[0].findtext("lossrecord") == "2"
    site = held[0].find("storedat")
    assert (site.findtext("fn"), site.findtext("file"), site.findtext("line")) == \
        ("lose_list", "held_list.c", str(source_line("held_list.c", "link")))
    assert all(e.find("heldby") is None for e in errors
               if e.findtext("kind") != "Leak_IndirectlyLost")
