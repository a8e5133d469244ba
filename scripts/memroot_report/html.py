# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""memroot-report --format=html: one self-contained page (its CSS,
JavaScript and data inside; nothing fetched), docs/html-report.md.

The page is written in two layers.  This module renders what a person
needs without JavaScript: the summary, the heap errors, the loss records
(the largest STATIC_RECORDS, each a <details> that opens on its stack
and, with --leak-origins=yes, where its last pointer went), the leak
suspects (as the text report words them) and the roots.  It also embeds a compact model of the file, from which
report.js draws the interactive page: tables that sort and filter and
draw only the rows in view, the dominator tree, the flame graphs and the
timeline."""

import html
import json
import os

from memroot_report.datafile import KINDS, last_pointer_text, root_name, n
from memroot_report.sources import Sources, is_allocator

HERE = os.path.dirname(os.path.abspath(__file__))
KIND_ORDER = ("definite", "indirect", "possible", "reachable")
SUMMARY_KEYS = (("definitely_lost", "definite"), ("indirectly_lost", "indirect"),
                ("possibly_lost", "possible"), ("still_reachable", "reachable"),
                ("suppressed", None))
# Loss records written into the page as HTML (the rest are in the model,
# drawn by the script as they scroll into view).
STATIC_RECORDS = 1000
# Frames whose source lines are embedded, and the context around the
# line of a frame of the program's own code.
MAX_SOURCE_FRAMES = 2000
CONTEXT = 2
# Record flags in the model.
SHOWN, ERROR, SUPPRESSED = 1, 2, 4
# Frame flags in the model.
INLINED, ALLOCATOR, OWN = 1, 2, 4


def esc(text):
    return html.escape(str(text), quote=True)


def pct(part, whole):
    """A share of the live heap cut (not rounded) to a tenth of a percent,
    as the text report prints it."""
    ppt = part * 1000 // whole if whole else 0
    return "%d.%d%%" % (ppt // 10, ppt % 10)


def threshold(ppm):
    """--suspect-threshold as the text report prints it: "10.0%", or
    "0.05%" below a tenth of a percent."""
    if ppm % 1000 == 0:
        return "%d.%d%%" % (ppm // 10000, ppm // 1000 % 10)
    return "%d.%02d%%" % (ppm // 10000, ppm // 100 % 100)


class Page:
    def __init__(self, data, source_root):
        self.data = data
        self.src = Sources(source_root)
        self.frames = data["frames"]
        self.stacks = data["stacks"]
        self.leak = data.get("leak") or None
        self.records = (self.leak or {}).get("records") or []
        self.top = {}           # stack -> frame that names it
        self.source = {}        # frame -> [first line number, lines]

    # ------------------------------------------------------------ model

    def top_frame(self, stack):
        if stack not in self.top:
            self.top[stack] = self.src.user_frame(self.frames,
                                                  self.stacks[stack])
        return self.top[stack]

    def frame_row(self, i):
        f = self.frames[i]
        flags = (INLINED if f.get("inlined") else 0) \
            | (ALLOCATOR if is_allocator(f) else 0)
        rel = self.src.relative(f.get("file")) if f.get("file") else None
        if rel is not None and not flags & ALLOCATOR:
            flags |= OWN
        name = f.get("function") or (
            "??? (%s)" % os.path.basename(f["object"]) if f.get("object")
            else f["ip"])
        # The address only where nothing else says where the frame is.
        return [name, f.get("file"), f.get("line") or 0,
                os.path.basename(f["object"]) if f.get("object") else None,
                flags, rel, None if f.get("file") or f.get("object")
                else f["ip"]]

    def add_sources(self, stacks, frame_rows):
        """The source lines of the frames of stacks (in this order of
        importance) that can be read, up to MAX_SOURCE_FRAMES."""
        for s in stacks:
            for i in self.stacks[s]:
                if len(self.source) >= MAX_SOURCE_FRAMES:
                    return
                row = frame_rows[i]
                if i in self.source or not row[1] or not row[2] \
                        or row[4] & ALLOCATOR:
                    continue
                ctx = CONTEXT if row[4] & OWN else 0
                lines = self.src.lines(row[1], row[2] - ctx, row[2] + ctx)
                if lines:
                    self.source[i] = [max(row[2] - ctx, 1), lines]

    def origin(self, lp, rows):
        """A record's last_pointer as the page shows it: the text
        report's lines (docs/leak-check.md) and the drop's stack."""
        kinds = {r["number"]: r["kind"] for r in self.records}

        def place(stack):
            row = rows[self.stacks[stack][0]]
            return "%s (%s)" % (row[0], self.where(row))
        head, held, stored = last_pointer_text(lp, kinds.get, place)
        return {"head": head, "stack": lp.get("stack"), "held": held,
                "stored": stored}

    def model(self):
        d = self.data
        frame_rows = [self.frame_row(i) for i in range(len(self.frames))]
        origins = []
        records = []
        for r in self.records:
            o = r.get("last_pointer")
            if o:
                origins.append(self.origin(o, frame_rows))
            flags = (SHOWN if r.get("shown") else 0) \
                | (ERROR if r.get("error") else 0) \
                | (SUPPRESSED if r.get("suppressed") else 0)
            records.append([r["number"], KIND_ORDER.index(r["kind"]),
                            r["bytes"], r["direct_bytes"],
                            r["indirect_bytes"], r["blocks"], r["stack"],
                            flags, len(origins) - 1 if o else -1,
                            self.top_frame(r["stack"])])
        ret = d.get("retention")
        if ret:
            ret = dict(ret)
            paths = ret.get("paths") or []
            roots = []
            for i, r in enumerate(ret["roots"]):
                r = dict(r, name=root_name(r["root"]))
                if r.get("path") is None and i < len(paths):
                    r["path"] = paths[i]
                for s in r["sites"]:
                    self.top_frame(s["stack"])
                roots.append(r)
            ret["roots"] = roots
            ret["shared_blocks"] = [
                dict(b, reached_from=[root_name(x) for x in b["reached_from"]])
                for b in ret.get("shared_blocks", [])]
        prof = d.get("profile")
        if prof:
            prof = dict(prof, sites=[
                [s["stack"], s["allocs"], s["bytes"], s["live_bytes"],
                 s["live_blocks"], s["peak_bytes"], s["peak_blocks"],
                 s["at_peak_bytes"], s["at_peak_blocks"], s["oldest_age"],
                 self.top_frame(s["stack"])] for s in prof["sites"]])
        suspects = d.get("suspects")
        if suspects:
            # The tree draws each root suspect's accumulation point.
            suspects = dict(suspects, list=[
                dict(s, name=root_name(s["root"])) if s.get("root") else s
                for s in suspects["list"]])
        wanted = [r["stack"] for r in self.records] \
            + [e["stack"] for e in d.get("errors", [])] \
            + [s["stack"] for s in suspect_stacks(suspects)] \
            + [o["stack"] for o in origins if o["stack"] is not None] \
            + [s["stack"] for r in (ret or {}).get("roots", [])
               for s in r["sites"]]
        for s in suspect_stacks(suspects):
            self.top_frame(s["stack"])
        self.add_sources(wanted, frame_rows)
        # The script takes the names of the records' and the sites' stacks
        # from their rows; only the others are written here.
        named = {r[6] for r in records}
        if prof:
            named.update(s[0] for s in prof["sites"])
        cmd = d.get("command") or {}
        return {
            "version": d["memroot_data"], "reason": d.get("reason"),
            "time": d.get("time"), "tool": d.get("tool"),
            "command": " ".join([cmd.get("exe") or "?"]
                                + [a or "" for a in cmd.get("args", [])]),
            "pid": cmd.get("pid"), "heap": d["heap"],
            "leak": None if not self.leak else {
                "check": self.leak.get("check"), "mode": self.leak.get("mode"),
                "summary": self.leak["summary"]},
            "records": records, "origins": origins,
            "errors": d.get("errors", []), "retention": ret,
            "profile": prof, "timeline": d.get("timeline"),
            "suspects": suspects, "frames": frame_rows,
            "stacks": self.stacks,
            "top": {str(k): v for k, v in self.top.items()
                    if k not in named},
            "source": {str(k): v for k, v in self.source.items()},
        }

    # ------------------------------------------------------------ static

    def where(self, row):
        if row[1]:
            return "%s:%d" % (row[5] or row[1], row[2])
        return "in %s" % row[3] if row[3] else row[6]

    def stack_html(self, stack, rows):
        out = ['<ol class="stack">']
        for i in self.stacks[stack]:
            row = rows[i]
            cls = "own" if row[4] & OWN else \
                "alloc" if row[4] & ALLOCATOR else ""
            out.append('<li class="%s"><code>%s</code> <span class="at">%s'
                       '</span>%s</li>' % (cls, esc(row[0]),
                                           esc(self.where(row)),
                                           self.source_html(i, row)))
        out.append("</ol>")
        return "".join(out)

    def source_html(self, i, row):
        if i not in self.source:
            return ""
        first, lines = self.source[i]
        return '<pre class="src">%s</pre>' % "".join(
            '<span class="%s"><b>%d</b> %s</span>\n'
            % ("hl" if first + k == row[2] else "", first + k, esc(line))
            for k, line in enumerate(lines))

    def record_html(self, rec, rows, m):
        number, kind, total, direct, indirect, blocks, stack, flags, \
            origin, top = rec
        k = KIND_ORDER[kind]
        more = ['<p>%s bytes in %s blocks %s' % (
            n(total), n(blocks), KINDS[k])]
        if indirect:
            more.append(' (%s direct, %s indirect: the blocks reached only '
                        'through these)' % (n(direct), n(indirect)))
        more.append(', loss record %s of %s%s%s.</p>' % (
            n(number), n(len(m["records"])),
            ", counted as an error" if flags & ERROR else "",
            ", suppressed" if flags & SUPPRESSED else ""))
        more.append('<h4>Allocated at</h4>' + self.stack_html(stack, rows))
        if origin >= 0:
            more.append(self.origin_html(m["origins"][origin], rows))
        return ('<details class="row rec k-%s%s" data-i="%d"><summary>'
                '<span class="c num">%s</span><span class="c kind">%s</span>'
                '<span class="c r">%s</span><span class="c r">%s</span>'
                '<span class="c r">%s</span><span class="c r">%s</span>'
                '<span class="c fn">%s <small>%s</small></span></summary>'
                '<div class="more">%s</div></details>'
                % (k, " sup" if flags & SUPPRESSED else "", number - 1,
                   n(number), KINDS[k], n(total), n(direct), n(indirect),
                   n(blocks), esc(rows[top][0]), esc(self.where(rows[top])),
                   "".join(more)))

    def origin_html(self, o, rows):
        out = ['<h4 class="origin">%s</h4>' % esc(o["head"])]
        if o["stack"] is not None:
            out.append(self.stack_html(o["stack"], rows))
        if o["held"]:
            out.append('<p class="held">%s<br>%s</p>' % (
                esc(o["held"]), esc(o["stored"])))
        return "".join(out)

    def summary_html(self, m, rows):
        h = m["heap"]
        out = ['<section id="summary"><h2>Summary</h2><table class="kv">']

        def kv(key, value, ident=""):
            out.append('<tr%s><th>%s</th><td>%s</td></tr>' % (
                ' id="%s"' % ident if ident else "", key, value))
        kv("in use at %s" % esc(m["reason"]), "%s bytes in %s blocks" % (
            n(h["in_use"]["bytes"]), n(h["in_use"]["blocks"])), "s-inuse")
        kv("total heap usage", "%s allocs, %s frees, %s bytes allocated" % (
            n(h["allocs"]), n(h["frees"]), n(h["bytes_allocated"])),
            "s-usage")
        if m["profile"]:
            p = m["profile"]["peak"]
            kv("peak", "%s bytes in %s blocks, when %s bytes had been "
               "allocated" % (n(p["bytes"]), n(p["blocks"]), n(p["time"])),
               "s-peak")
        out.append('</table>')
        if m["leak"]:
            counts = {k: 0 for k in KIND_ORDER}
            for r in m["records"]:
                counts[KIND_ORDER[r[1]]] += 1
            out.append('<h3>Leaks</h3><table class="grid" id="s-leaks"><tr>'
                       '<th></th><th>bytes</th><th>blocks</th>'
                       '<th>loss records</th></tr>')
            for key, kind in SUMMARY_KEYS:
                s = m["leak"]["summary"][key]
                out.append('<tr class="k-%s"><th>%s</th><td class="r">%s'
                           '</td><td class="r">%s</td><td class="r">%s</td>'
                           '</tr>' % (kind or "sup", key.replace("_", " "),
                                      n(s["bytes"]), n(s["blocks"]),
                                      n(counts[kind]) if kind else ""))
            out.append('</table>')
        else:
            out.append('<p id="s-leaks">No leak check in this file.</p>')
        errors = [e for e in m["errors"] if not e["suppressed"]]
        out.append('<p id="s-errors">%s heap error%s%s.</p>' % (
            n(len(errors)) if errors else "No",
            "" if len(errors) == 1 else "s",
            " (%s)" % times(sum(e["count"] for e in errors))
            if errors else ""))
        ret = m["retention"]
        out.append('<h3>What retains most</h3>')
        if ret and ret["roots"]:
            out.append('<ol id="s-roots">')
            for r in ret["roots"][:3]:
                out.append('<li><b>%s</b>: %s bytes in %s blocks (%s of the '
                           'live heap)</li>' % (
                               esc(r["name"]), n(r["retained"]["bytes"]),
                               n(r["retained"]["blocks"]),
                               pct(r["retained"]["bytes"],
                                   ret["live"]["bytes"])))
            out.append('</ol>')
        else:
            out.append('<p id="s-roots">%s</p>' % (
                "No root holds a block." if ret else
                "No retention report in this file (--retention=no)."))
        if m["suspects"] is not None:
            out.append('<h3>Leak suspects</h3>')
            out.append(self.suspects_summary(m, rows))
        out.append('</section>')
        return "".join(out)

    def suspects_head(self, m):
        """The section's first line, as the text report's."""
        sus, live = m["suspects"], m["retention"]["live"]["bytes"]
        thr = threshold(sus["threshold_ppm"])
        if not sus["list"]:
            return "None: no root, block or allocation site retains %s of " \
                "the live heap (%s bytes), nor is that much definitely " \
                "lost." % (thr, n(sus["threshold_bytes"]))
        k = len(sus["list"])
        return "%s suspect%s, each retaining or losing at least %s of the " \
            "live heap (%s of %s bytes)." % (
                n(k), "" if k == 1 else "s", thr, n(sus["threshold_bytes"]),
                n(live))

    def suspects_summary(self, m, rows):
        items = m["suspects"]["list"]
        if not items:
            return '<p id="s-suspects">%s</p>' % esc(self.suspects_head(m))
        return '<ol id="s-suspects">%s</ol>' % "".join(
            '<li><a href="#suspect-%d">%s</a></li>' % (
                i + 1, esc(self.suspect_line(s, m, rows)))
            for i, s in enumerate(items))

    def at(self, stack, rows):
        """The line a stack was allocated at: "function (file:line)"."""
        row = rows[self.top_frame(stack)]
        return "%s (%s)" % (row[0], self.where(row))

    def suspect_line(self, s, m, rows):
        """A suspect's first line, as the text report's."""
        ret = m["retention"]
        live = ret["live"]["bytes"]
        if s["kind"] == "lost":
            return "%s bytes (%s of the live heap) are definitely lost, in " \
                "%s blocks and what they lose with them" % (
                    n(s["lost"]["bytes"]), pct(s["lost"]["bytes"], live),
                    n(s["lost"]["blocks"]))
        size = s["retained"]
        if s["kind"] == "group":
            return "%s blocks allocated at %s, held by %s different parents, " \
                "retain %s bytes in %s blocks (%s of the live heap)" % (
                    n(s["members"]), self.at(s["stack"], rows),
                    n(s["parents"]), n(size["bytes"]), n(size["blocks"]),
                    pct(size["bytes"], live))
        if s.get("root"):
            what = root_name(s["root"])
        else:
            shared = next((b for b in ret["shared_blocks"]
                           if b["address"] == s["block"]), None)
            what = "block %s" % s["block"] + (
                " (%s bytes), shared by several roots," % n(shared["size"])
                if shared else "")
        return "%s retains %s bytes in %s blocks (%s of the live heap)" % (
            what, n(size["bytes"]), n(size["blocks"]),
            pct(size["bytes"], live))

    def suspects_html(self, m, rows):
        items = m["suspects"]["list"]
        live = m["retention"]["live"]["bytes"]
        out = ['<section id="suspects"><h2>Leak suspects</h2><p '
               'id="suspects-head">%s</p>' % esc(self.suspects_head(m))]
        for i, s in enumerate(items):
            out.append('<div class="suspect" id="suspect-%d"><p class="first">'
                       '<span class="badge">%s</span>Suspect %d of %d: %s%s'
                       '</p>' % (i + 1, esc(s["kind"]), i + 1, len(items),
                                 esc(self.suspect_line(s, m, rows)),
                                 "; the most common stack:" if s["kind"] ==
                                 "group" else "; the loss records "
                                 "responsible, the largest first:"
                                 if s["kind"] == "lost" else ""))
            if s["kind"] == "group":
                out.append(self.stack_html(s["stack"], rows))
            for r in s.get("records") or []:
                out.append('<h4>%s bytes (%s direct, %s indirect) lost in %s '
                           'blocks%s, allocated at</h4>%s' % (
                               n(r["direct"]["bytes"] + r["indirect_bytes"]),
                               n(r["direct"]["bytes"]), n(r["indirect_bytes"]),
                               n(r["direct"]["blocks"]),
                               self.record_link(r["stack"]),
                               self.stack_html(r["stack"], rows)))
            a = s.get("accumulation")
            if a:
                out.append('<h4>The memory accumulates in block %s (%s bytes),'
                           ' which retains %s bytes in %s blocks (%s), '
                           'allocated at</h4>%s' % (
                               esc(a["block"]), n(a["size"]),
                               n(a["retained"]["bytes"]),
                               n(a["retained"]["blocks"]),
                               pct(a["retained"]["bytes"], live),
                               self.stack_html(a["stack"], rows)))
            elif s["kind"] != "lost":
                out.append('<p>The memory does not accumulate in one block: '
                           'no block under the root retains 70% of it.</p>')
            if s.get("path"):
                out.append('<h4>Shortest path from a root</h4>'
                           + suspect_path_html(s["path"]))
            if s.get("sites"):
                out.append('<h4>Accumulated blocks by allocation site</h4>')
                for site in s["sites"]:
                    out.append(
                        '<details class="site-of"><summary>%s bytes in %s '
                        'blocks allocated at %s%s</summary>%s</details>' % (
                            n(site["size"]["bytes"]),
                            n(site["size"]["blocks"]),
                            esc(self.at(site["stack"], rows)),
                            ", from %s stacks; the biggest:" % n(
                                site["stacks"]) if site["stacks"] > 1
                            else "", self.stack_html(site["stack"], rows)))
            out.append('</div>')
        out.append('</section>')
        return "".join(out)

    def record_link(self, stack):
        """The loss record a lost suspect's record is: the definitely lost
        one with its stack."""
        r = next((r for r in self.records if r["kind"] == "definite"
                  and r["stack"] == stack), None)
        return ' (<a href="#records" data-record="%d">loss record %s</a>)' \
            % (r["number"], n(r["number"])) if r else ""

    def errors_html(self, m, rows):
        if not m["errors"]:
            return ""
        out = ['<section id="errors"><h2>Heap errors</h2>']
        for e in m["errors"]:
            out.append('<details class="err%s"><summary><b>%s</b> %s '
                       '<span class="count">(%s time%s%s)</span></summary>'
                       '<div class="more"><p>at address %s</p>%s</div>'
                       '</details>' % (
                           " sup" if e["suppressed"] else "", esc(e["kind"]),
                           esc(e["text"]), n(e["count"]),
                           "" if e["count"] == 1 else "s",
                           ", suppressed" if e["suppressed"] else "",
                           esc(e["address"]),
                           self.stack_html(e["stack"], rows)))
        out.append('</section>')
        return "".join(out)

    def records_html(self, m, rows):
        out = ['<section id="records"><h2>Loss records</h2>']
        if not m["leak"]:
            out.append('<p>No leak check in this file.</p></section>')
            return "".join(out)
        recs = sorted(m["records"], key=lambda r: (-r[2], r[0]))
        shown = recs[:STATIC_RECORDS]
        # The rendered table is in <noscript>: a browser that runs the
        # script does not parse it (the script draws the rows in view from
        # the model), one that does not shows it.
        out.append('<p class="count" id="records-count">%s loss records.'
                   '</p><div id="records-table" class="vtable"></div>'
                   '<noscript>%s<div id="records-static" class="vtable">'
                   '<div class="vhead rec"><span class="c num">#</span>'
                   '<span class="c kind">kind</span><span class="c r">bytes'
                   '</span><span class="c r">direct</span><span class="c r">'
                   'indirect</span><span class="c r">blocks</span><span '
                   'class="c fn">first frame of the program</span></div>'
                   '<div class="vbody static">' % (
                       n(len(recs)), "" if len(shown) == len(recs) else
                       '<p class="count">The largest %s (the page shows them '
                       'all with JavaScript):</p>' % n(len(shown))))
        out.extend(self.record_html(r, rows, m) for r in shown)
        out.append('</div></div></noscript></section>')
        return "".join(out)

    def roots_html(self, m, rows):
        ret = m["retention"]
        out = ['<section id="retention"><h2>Retention by root</h2>']
        if not ret:
            out.append('<p>No retention report in this file.</p></section>')
            return "".join(out)
        live = ret["live"]["bytes"]
        out.append('<p id="retention-total">%s bytes in %s blocks (%s of '
                   'the live heap) are held by roots; %s bytes are shared by '
                   'several roots; %s bytes are retained by roots not listed.'
                   '</p>' % (n(ret["reachable"]["bytes"]),
                             n(ret["reachable"]["blocks"]),
                             pct(ret["reachable"]["bytes"], live),
                             n(ret["shared"]["bytes"]),
                             n(ret["others"]["bytes"])))
        out.append('<table class="grid sortable" id="roots"><thead><tr>'
                   '<th data-type="num">#</th><th>root</th>'
                   '<th data-type="num">retained bytes</th>'
                   '<th data-type="num">blocks</th>'
                   '<th data-type="num">of the live heap</th>'
                   '<th data-type="num">reaches bytes</th>'
                   '<th data-type="num">growth</th></tr></thead><tbody>')
        for i, r in enumerate(ret["roots"]):
            out.append(
                '<tr data-i="%d"><td class="r">%d</td><td><details '
                'class="root"><summary>%s%s</summary><div class="more">%s'
                '</div></details></td><td class="r">%s</td><td class="r">%s'
                '</td><td class="r">%s</td><td class="r">%s</td>'
                '<td class="r">%s</td></tr>' % (
                    i, i + 1, esc(r["name"]), " (gone)" if r["gone"] else "",
                    self.root_more(r, rows), n(r["retained"]["bytes"]),
                    n(r["retained"]["blocks"]),
                    pct(r["retained"]["bytes"], live),
                    n(r["reachable"]["bytes"]),
                    "{:+,}".format(r["growth"]["bytes"])))
        out.append('</tbody></table>')
        out.append('<h3>The dominator tree</h3><div id="domtree" '
                   'class="chart"><noscript><p>The tree is drawn by '
                   'JavaScript.</p></noscript></div></section>')
        return "".join(out)

    def root_more(self, r, rows):
        out = []
        for s in r["sites"][:10]:
            out.append('<h4>%s bytes in %s blocks allocated at</h4>%s' % (
                n(s["size"]["bytes"]), n(s["size"]["blocks"]),
                self.stack_html(s["stack"], rows)))
        if len(r["sites"]) > 10:
            out.append('<p>and %s more sites.</p>' % n(len(r["sites"]) - 10))
        return "".join(out)

    def render(self, out):
        m = self.model()
        rows = m["frames"]
        title = "memroot: %s" % m["command"]
        tool = m["tool"] or {}
        with open(os.path.join(HERE, "report.css")) as f:
            css = f.read()
        with open(os.path.join(HERE, "report.js")) as f:
            js = f.read()
        blob = json.dumps(m, separators=(",", ":"), ensure_ascii=False)
        out.write(
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width">'
            '<meta name="generator" content="memroot-report">'
            '<link rel="icon" href="data:,"><title>%s</title><style>%s'
            '</style></head><body>\n' % (esc(title), css))
        out.write(
            '<header><h1>%s</h1><p class="meta">memroot %s (Valgrind %s), '
            'data file version %d written at %s, pid %s, after %s bytes '
            'allocated.</p><nav><a href="#summary">summary</a> <a '
            'href="#errors">errors</a> <a href="#records">loss records</a> '
            '%s<a href="#retention">'
            'retention</a> <a href="#profile">allocation sites</a> <a '
            'href="#flame">flame graphs</a> <a href="#timeline">timeline'
            '</a></nav></header>\n<main>' % (
                esc(title), esc(tool.get("version", "?")),
                esc(tool.get("valgrind", "?")), m["version"],
                esc(m["reason"]), esc(m["pid"]), n(m["time"] or 0),
                '<a href="#suspects">suspects</a> '
                if m["suspects"] is not None else ""))
        out.write(self.summary_html(m, rows))
        out.write(self.errors_html(m, rows))
        out.write(self.records_html(m, rows))
        # A file from a memroot that does not name suspects has no
        # section: the page says nothing of them.
        if m["suspects"] is not None:
            out.write(self.suspects_html(m, rows))
        out.write(self.roots_html(m, rows))
        for ident, heading in (("profile", "Allocation sites"),
                               ("flame", "Flame graphs"),
                               ("timeline", "Heap timeline")):
            out.write('<section id="%s"><h2>%s</h2><noscript><p>This section '
                      'is drawn by JavaScript.</p></noscript></section>'
                      % (ident, heading))
        # JSON in a script element: "<" escaped so that nothing in a name
        # can close the element.
        out.write('</main>\n<script type="application/json" '
                  'id="memroot-data">%s</script>\n<script>%s</script>\n'
                  '</body></html>\n' % (blob.replace("<", "\\u003c"), js))


def times(count):
    return "%s time%s" % (n(count), "" if count == 1 else "s")


def suspect_stacks(suspects):
    """Every object of the suspects that has a stack: a group's, the
    accumulation points, the sites and the lost records."""
    for s in (suspects or {}).get("list", []):
        if s.get("stack") is not None:
            yield s
        if s.get("accumulation"):
            yield s["accumulation"]
        yield from s.get("sites") or []
        yield from s.get("records") or []


def hop_word(hop):
    """Where a path's pointer is, as the text report says it."""
    f = hop["from"]
    word = int(hop["word"], 16)
    if "kind" not in f:
        return "its word at +%s" % n(word - int(f["block"], 16))
    if f["kind"] == "global":
        return "%s+%s (%s)" % (f["symbol"], n(word - int(f["address"], 16)),
                               hop["word"])
    return "%s (%s)" % (root_name(f), hop["word"])


def suspect_path_html(path):
    """A suspect's path, each pointer with the line that stored it."""
    out = ['<ol class="path">']
    for hop in path:
        at = hop["stored_at"]
        out.append('<li>%s points to block %s (%s bytes)%s</li>' % (
            esc(hop_word(hop)), esc(hop["block"]), n(hop["size"]),
            ', stored at <code>%s</code> <span class="at">%s:%d</span>' % (
                esc(at["function"] or at["ip"]), esc(at["file"]),
                at["line"]) if at and at.get("file") else
            ', stored at <code>%s</code>' % esc(at["function"] or at["ip"])
            if at else ""))
    out.append('</ol>')
    return "".join(out)


def html_report(data, out, source_root=None):
    Page(data, source_root).render(out)
