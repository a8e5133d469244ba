# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""memroot-report --format=sarif on leaks.c: the SARIF multitool finds
no error in it; one result per loss record counted as an error and per
heap error, at the line of the program's own code that allocated (or
freed); suppressed records left out; the same fingerprints run after
run."""

import json
import os

import pytest

import harness
from pagedrive import report, run, validate

HERE = os.path.dirname(os.path.abspath(__file__))
LEAKS = os.path.join(HERE, "leaks.c")


@pytest.fixture(scope="module")
def leaks(tmp_path_factory):
    d = tmp_path_factory.mktemp("sarif")
    return d, harness.compile_fixture(LEAKS, str(d))


def sarif_of(leaks, *opts, name="memroot"):
    d, prog = leaks
    rep, data = run(prog, d, "--leak-check=full", *opts, name=name + ".json")
    assert rep.returncode == 0, rep.text
    out = report(data, "sarif", d / (name + ".sarif"), "--source-root", HERE)
    with open(out) as f:
        return out, json.load(f)


def places(log):
    """(rule id, file, line) of each result, in order."""
    out = []
    for r in log["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        out.append((r["ruleId"], loc["artifactLocation"]["uri"],
                    loc["region"]["startLine"]))
    return out


def line(marker):
    return harness.marked_line(LEAKS, marker)


def test_multitool_finds_no_error(leaks):
    path, _ = sarif_of(leaks, "--errors-for-leak-kinds=all")
    status, found, text = validate(path)
    assert status == 0, text
    assert [f for f in found if f[0] == "error"] == []


def test_one_result_per_counted_record_and_heap_error(leaks):
    """By default definite and possible leaks count as errors: the two
    definitely lost records, the possibly lost one, the invalid free."""
    _, log = sarif_of(leaks)
    assert sorted(places(log)) == sorted([
        ("Leak_DefinitelyLost", "leaks.c", line("head")),
        ("Leak_DefinitelyLost", "leaks.c", line("block")),
        ("Leak_PossiblyLost", "leaks.c", line("inner")),
        ("InvalidFree", "leaks.c", line("again")),
    ])
    run_ = log["runs"][0]
    assert run_["originalUriBaseIds"]["SRCROOT"]["uri"] == \
        "file://" + HERE + "/"
    assert run_["tool"]["driver"]["name"] == "memroot"
    assert run_["tool"]["driver"]["version"]


def test_errors_for_leak_kinds_all_gives_every_record(leaks):
    _, log = sarif_of(leaks, "--errors-for-leak-kinds=all", name="all")
    assert sorted(places(log)) == sorted([
        ("Leak_DefinitelyLost", "leaks.c", line("head")),
        ("Leak_DefinitelyLost", "leaks.c", line("block")),
        ("Leak_PossiblyLost", "leaks.c", line("inner")),
        ("Leak_IndirectlyLost", "leaks.c", line("node")),
        ("Leak_StillReachable", "leaks.c", line("cache")),
        ("InvalidFree", "leaks.c", line("again")),
    ])
    # One rule per leak kind and heap-error kind, each with help text.
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {
        "Leak_DefinitelyLost", "Leak_IndirectlyLost", "Leak_PossiblyLost",
        "Leak_StillReachable", "InvalidFree", "MismatchedFree"}
    assert all(r["help"]["text"] for r in rules)


def test_suppressed_record_is_left_out(leaks, tmp_path):
    supp = tmp_path / "block.supp"
    supp.write_text("{\n   lose_block\n   Memroot:Leak\n   match-leak-kinds: "
                    "definite\n   fun:malloc\n   fun:lose_block\n}\n")
    _, log = sarif_of(leaks, "--suppressions=%s" % supp, name="supp")
    with open(str(leaks[0] / "supp.json")) as f:
        data = json.load(f)
    # The record is in the file, marked suppressed: the log leaves it out.
    assert [r["suppressed"] for r in data["leak"]["records"]
            if r["bytes"] == 40] == [True]
    assert sorted(places(log)) == sorted([
        ("Leak_DefinitelyLost", "leaks.c", line("head")),
        ("Leak_PossiblyLost", "leaks.c", line("inner")),
        ("InvalidFree", "leaks.c", line("again")),
    ])


def test_code_flow_carries_the_whole_allocation_stack(leaks):
    _, log = sarif_of(leaks)
    res = next(r for r in log["runs"][0]["results"]
               if r["locations"][0]["physicalLocation"]["region"]
               ["startLine"] == line("block"))
    steps = res["codeFlows"][0]["threadFlows"][0]["locations"]
    names = [s["location"]["logicalLocations"][0]["name"] for s in steps]
    assert names == ["main", "lose_block", "malloc"]
    related = [loc["logicalLocations"][0]["name"]
               for loc in res["relatedLocations"]]
    assert related == ["malloc", "lose_block", "main"]


def test_two_runs_give_the_same_fingerprints(leaks):
    _, first = sarif_of(leaks, name="first")
    _, second = sarif_of(leaks, name="second")

    def prints(log):
        return sorted(json.dumps(r["partialFingerprints"])
                      for r in log["runs"][0]["results"])
    assert prints(first) == prints(second)
    # And each result has its own.
    assert len(set(prints(first))) == 4


def test_last_pointer_is_a_second_code_flow_ending_at_the_drop(tmp_path):
    """tests/origins/global_overwrite.c with --leak-origins=yes: the lost
    record's result has a second code flow, the stack of the drop, whose
    innermost step is the SITE:drop line."""
    fixture = os.path.join(os.path.dirname(HERE), "origins",
                           "global_overwrite.c")
    prog = harness.compile_fixture(fixture, str(tmp_path))
    _, data = run(prog, tmp_path, "--leak-check=full", "--leak-origins=yes")
    with open(report(data, "sarif", tmp_path / "origin.sarif",
                     "--source-root", os.path.dirname(fixture))) as f:
        log = json.load(f)
    res, = log["runs"][0]["results"]
    assert [f["message"]["text"] for f in res["codeFlows"]] == [
        "the allocation stack",
        "where its last pointer was overwritten: it was held by global "
        "g_current, stored at open_session (global_overwrite.c:%d)"
        % harness.marked_line(fixture, "store")]
    drop = res["codeFlows"][1]["threadFlows"][0]["locations"][-1]
    where = drop["location"]["physicalLocation"]
    assert (where["artifactLocation"]["uri"], where["region"]["startLine"]) \
        == ("global_overwrite.c", harness.marked_line(fixture, "drop"))
