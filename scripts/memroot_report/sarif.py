# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""memroot-report --format=sarif: a SARIF 2.1.0 log for code scanning
(GitHub's and other SARIF viewers), docs/sarif.md.

One rule per leak kind and per heap-error kind.  One result per loss
record that the run counted as an error (--errors-for-leak-kinds, as the
data file records it) and per heap error; suppressed ones are left out.
A result's location is the first frame in the program's own code (a
file under the source root); its related locations and code flows carry
the whole allocation stack and, when the file knows it, where the last
pointer went.  Its fingerprint is made of names, not addresses or line
numbers, so that the same leak is the same alert from run to run."""

import hashlib
import json
import os
import re
from urllib.request import pathname2url

from memroot_report.datafile import DROPS, KINDS, last_pointer_text, n
from memroot_report.sources import Sources, is_allocator, named_frame

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "SRCROOT"
FINGERPRINT = "memrootStack/v1"

# (key in the data file, rule id, name, default level, short, help)
RULES = [
    ("definite", "Leak_DefinitelyLost", "DefinitelyLost", "error",
     "Memory definitely lost",
     "Heap blocks that no pointer anywhere in the program's memory points "
     "to any more: the memory can never be freed. The location is where "
     "the blocks were allocated (the first frame in the program's own "
     "code); the code flow is the whole allocation stack. Free the blocks "
     "before the last pointer to them is overwritten or goes out of "
     "scope."),
    ("indirect", "Leak_IndirectlyLost", "IndirectlyLost", "warning",
     "Memory indirectly lost",
     "Heap blocks that are pointed to only from other lost blocks (for "
     "example the nodes of a list whose head is definitely lost). Fixing "
     "the definitely lost block that holds them usually fixes these."),
    ("possible", "Leak_PossiblyLost", "PossiblyLost", "warning",
     "Memory possibly lost",
     "Heap blocks that only interior pointers (pointers into the middle "
     "of the block) reach. Either the program keeps a pointer to inside "
     "the block on purpose (then the memory is still in use), or the "
     "start pointer was lost and the block leaked."),
    ("reachable", "Leak_StillReachable", "StillReachable", "note",
     "Memory still reachable",
     "Heap blocks still allocated at exit that a pointer still reaches. "
     "They are not leaks in the strict sense; they count as errors only "
     "when --errors-for-leak-kinds includes reachable."),
    ("InvalidFree", "InvalidFree", "FreeOfNoHeapBlock", "error",
     "Invalid free",
     "free, delete or realloc was called on a pointer that is not the "
     "start of a live heap block: a double free, or a pointer that was "
     "never allocated."),
    ("MismatchedFree", "MismatchedFree", "DeallocatorMismatch", "error",
     "Mismatched free",
     "A block was freed with a function that does not match how it was "
     "allocated (malloc/free, new/delete, new[]/delete[])."),
    ("InvalidMemPool", "InvalidMemPool", "UnknownMemoryPool", "error",
     "Invalid memory pool",
     "A memory-pool client request named a pool that does not exist."),
    ("FishyValue", "FishyValue", "SuspiciousSizeArgument", "error",
     "Fishy argument value",
     "An allocation function was called with an argument that looks like "
     "a negative number converted to an unsigned size."),
]
RULE_INDEX = {r[0]: i for i, r in enumerate(RULES)}
PRECISION = {"definite": "very-high", "indirect": "high", "possible": "medium",
             "reachable": "high"}


class Log:
    def __init__(self, data, source_root):
        self.data = data
        self.src = Sources(source_root)
        self.frames = data["frames"]
        self.stacks = data["stacks"]
        # Per frame, made once: the same objects are written into every
        # result that names the frame.
        self._physical = {}
        self._logical = {}

    # ------------------------------------------------------------ places

    def physical(self, i):
        if i not in self._physical:
            self._physical[i] = self._make_physical(i)
        return self._physical[i]

    def _make_physical(self, i):
        """A frame's physical location: its file relative to the source
        root when it is there, else the file as debug info names it;
        None without a file."""
        f = self.frames[i]
        if not f.get("file") or is_allocator(f):
            return None
        rel = self.src.relative(f["file"])
        if rel is not None:
            art = {"uri": pathname2url(rel), "uriBaseId": SRCROOT}
        elif os.path.isabs(f["file"]):
            art = {"uri": "file://" + pathname2url(f["file"])}
        else:
            art = {"uri": pathname2url(f["file"])}
        loc = {"artifactLocation": art}
        if f.get("line"):
            loc["region"] = {"startLine": f["line"]}
        return loc

    def location(self, i, message=None, ident=None):
        f = self.frames[i]
        loc = {}
        if ident is not None:
            loc["id"] = ident
        phys = self.physical(i)
        if phys:
            loc["physicalLocation"] = phys
        name = f.get("function")
        if name:
            if name not in self._logical:
                self._logical[name] = [{"name": name, "kind": "function"}]
            loc["logicalLocations"] = self._logical[name]
        if message:
            loc["message"] = {"text": message}
        return loc

    def describe(self, i):
        f = self.frames[i]
        fn = f.get("function") or "???"
        if f.get("file"):
            return "%s (%s:%d)" % (fn, f["file"], f.get("line") or 0)
        if f.get("object"):
            return "%s (in %s)" % (fn, f["object"])
        return "%s (%s)" % (fn, f["ip"])

    def primary(self, stack):
        """The frame a result points at: the program's own code first,
        else the first named frame if it has a file, else the first frame
        with a file, else the first named."""
        frames = self.stacks[stack]
        own = self.src.own_frame(self.frames, frames)
        if own is not None:
            return own
        named = named_frame(self.frames, frames)
        if self.frames[named].get("file"):
            return named
        return next((i for i in frames if self.frames[i].get("file")
                     and not is_allocator(self.frames[i])), named)

    def flow(self, stack, message, verb):
        """A code flow along a stack, outermost call first."""
        frames = self.stacks[stack]
        steps = []
        for k, i in enumerate(reversed(frames)):
            steps.append({"location": self.location(
                i, "%s %s" % (verb if k == len(frames) - 1 else "calls",
                              self.describe(i))),
                "nestingLevel": k, "executionOrder": k + 1})
        return {"message": {"text": message},
                "threadFlows": [{"locations": steps}]}

    def fingerprint(self, rule, stack):
        """Names only (functions, and files relative to the source root)
        of the program's own frames, or of every frame when none is the
        program's: stable across runs, rebuilds and edits that move
        lines."""
        frames = self.stacks[stack]
        own = [i for i in frames if self.src.relative(
            self.frames[i].get("file")) is not None
            and not is_allocator(self.frames[i])]
        parts = [rule]
        for i in own or frames:
            f = self.frames[i]
            parts.append("%s@%s" % (f.get("function") or "???",
                                    self.src.relative(f.get("file"))
                                    or os.path.basename(f.get("object")
                                                        or "")))
        return hashlib.sha256("\n".join(parts).encode(
            "utf-8", "replace")).hexdigest()

    # ------------------------------------------------------------ results

    def result(self, key, stack, message, properties, last=None):
        rule = RULES[RULE_INDEX[key]]
        frames = self.stacks[stack]
        top = self.primary(stack)
        related = [self.location(i, ("allocated by %s" if key in KINDS
                                     else "at %s") % self.describe(i), k + 1)
                   for k, i in enumerate(frames)]
        flows = [self.flow(stack, "the allocation stack" if key in KINDS
                           else "where it happened",
                           "allocates in" if key in KINDS else "in")]
        if last and last.get("stack") is not None:
            # A drop (docs/leak-check.md): its stack is the second flow.
            _, held, stored = last_pointer_text(
                last, self.record_kind,
                lambda s: self.describe(self.stacks[s][0]))
            how = DROPS.get(last["how"], "went")
            flows.append(self.flow(last["stack"], "where its last pointer "
                                   "%s: %s %s" % (how, held[0].lower()
                                                  + held[1:], stored),
                                   "drops the last pointer in"))
            related += [self.location(
                i, "last pointer %s in %s" % (how, self.describe(i)),
                len(related) + 1) for i in self.stacks[last["stack"]]]
            if last["holder"].get("stored_at") is not None:
                i = self.stacks[last["holder"]["stored_at"]][0]
                related.append(self.location(
                    i, "the last pointer was stored at %s"
                    % self.describe(i), len(related) + 1))
        return {
            "ruleId": rule[1], "ruleIndex": RULE_INDEX[key],
            "level": "error", "kind": "fail",
            "message": {"text": message + ", at %s" % self.describe(top)},
            "locations": [self.location(top)],
            "relatedLocations": related,
            "codeFlows": flows,
            "partialFingerprints": {FINGERPRINT: self.fingerprint(rule[1],
                                                                  stack)},
            "properties": properties,
        }

    def record_kind(self, number):
        return next(r["kind"] for r in self.data["leak"]["records"]
                    if r["number"] == number)

    def results(self):
        out = []
        leak = self.data.get("leak") or {}
        for r in leak.get("records") or []:
            if not r["error"] or r["suppressed"]:
                continue
            if r["indirect_bytes"]:
                size = "%s (%s direct, %s indirect) bytes" % (
                    n(r["bytes"]), n(r["direct_bytes"]),
                    n(r["indirect_bytes"]))
            else:
                size = "%s bytes" % n(r["bytes"])
            out.append(self.result(
                r["kind"], r["stack"],
                "%s in %s blocks are %s in loss record %s of %s" % (
                    size, n(r["blocks"]), KINDS[r["kind"]], n(r["number"]),
                    n(r["of"])),
                {"bytes": r["bytes"], "directBytes": r["direct_bytes"],
                 "indirectBytes": r["indirect_bytes"], "blocks": r["blocks"],
                 "lossRecord": r["number"]},
                r.get("last_pointer")))
        for e in self.data.get("errors", []):
            if e["suppressed"] or e["kind"] not in RULE_INDEX:
                continue
            out.append(self.result(
                e["kind"], e["stack"], "%s (%s time%s)" % (
                    e["text"], n(e["count"]), "" if e["count"] == 1 else "s"),
                {"count": e["count"], "address": e["address"]}))
        # Two results of one rule and one stack of names (two allocations
        # in one function) are told apart by their order in the source.
        groups = {}
        for res in out:
            groups.setdefault(res["partialFingerprints"][FINGERPRINT],
                              []).append(res)
        for same in groups.values():
            if len(same) > 1:
                same.sort(key=lambda res: self.lines_of(res))
                for k, res in enumerate(same):
                    res["partialFingerprints"][FINGERPRINT] += ":%d" % (k + 1)
        return out

    @staticmethod
    def lines_of(res):
        return [loc.get("physicalLocation", {}).get("region", {})
                .get("startLine", 0) for loc in res["relatedLocations"]]

    # ------------------------------------------------------------ log

    def rules(self):
        out = []
        for key, ident, name, level, short, text in RULES:
            leak = key in KINDS
            out.append({
                "id": ident, "name": name,
                "shortDescription": {"text": short},
                "fullDescription": {"text": text},
                "help": {"text": text, "markdown": "**%s.** %s\n\nReported "
                         "by memroot (`valgrind --tool=memroot`); see its "
                         "manual, `docs/%s`." % (short, text, "leak-check.md"
                                                 if leak else "heap.md")},
                "defaultConfiguration": {"level": level},
                "properties": {
                    "tags": ["memory", "leak" if leak else "heap",
                             "reliability"],
                    "precision": PRECISION.get(key, "very-high"),
                    "problem.severity": {"error": "error",
                                         "warning": "warning"}.get(
                                             level, "recommendation")},
            })
        return out

    def log(self):
        tool = self.data.get("tool") or {}
        version = str(tool.get("version") or "unknown")
        driver = {"name": "memroot", "fullName": "memroot %s (Valgrind %s)"
                  % (version, tool.get("valgrind", "?")),
                  "version": version, "rules": self.rules()}
        if re.match(r"^\d+\.\d+\.\d+$", version):
            driver["semanticVersion"] = version
        cmd = self.data.get("command") or {}
        argv = ["valgrind"] + [a or "" for a in cmd.get("valgrind_args", [])] \
            + [cmd.get("exe") or "?"] + [a or "" for a in cmd.get("args", [])]
        root = self.src.root.rstrip("/") + "/"
        return {
            "$schema": SCHEMA, "version": "2.1.0",
            "runs": [{
                "tool": {"driver": driver},
                "invocations": [{
                    "executionSuccessful": True,
                    "commandLine": " ".join(argv), "arguments": argv[1:],
                    "properties": {"pid": cmd.get("pid"),
                                   "dataFileReason": self.data.get("reason")}}],
                "originalUriBaseIds": {SRCROOT: {
                    "uri": "file://" + pathname2url(root)}},
                "columnKind": "unicodeCodePoints",
                "results": self.results(),
            }],
        }


def sarif_report(data, out, source_root=None):
    # Compact, in one piece: json.dumps without indent runs json's C
    # encoder (json.dump, or an indent, its Python one: ten times
    # slower), and a log of 100,000 results is a third smaller.
    out.write(json.dumps(Log(data, source_root).log(), separators=(",", ":"),
                         ensure_ascii=False))
    out.write("\n")
