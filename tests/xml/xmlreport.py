"""Reads Valgrind's XML output (protocol 4) into comparable records."""

import xml.etree.ElementTree as ET


def frames(stack):
    return [(f.findtext("fn"), f.findtext("file"), f.findtext("line"))
            for f in stack.findall("frame")]


def read(path):
    """The root element and the list of its <error>s as dicts."""
    root = ET.parse(path).getroot()
    errors = []
    for e in root.findall("error"):
        xw = e.find("xwhat")
        supp = e.find("suppression")
        errors.append({
            "kind": e.findtext("kind"),
            "text": xw.findtext("text") if xw is not None else e.findtext("what"),
            "leakedbytes": xw.findtext("leakedbytes") if xw is not None else None,
            "leakedblocks": xw.findtext("leakedblocks") if xw is not None else None,
            # the allocator's own frame names the tool's preload: skip it
            "stack": frames(e.find("stack"))[1:],
            "suppression": None if supp is None else {
                "skaux": supp.findtext("skaux"),
                "sframes": [f.findtext("fun") or f.findtext("obj")
                            for f in supp.findall("sframe")],
                "rawtext": supp.findtext("rawtext"),
            },
        })
    return root, errors
