# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""scripts/bench's python3 workload: dicts and lists of small objects
(strings, ints, tuples, lists) built, grouped, sorted, partly dropped and
rebuilt; prints counts and a checksum.  Run with PYTHONHASHSEED=0: the
iteration order of sets and the hashes of strings are then the same in
every run.  No imports beyond sys: start-up stays small."""

import sys


def main(n):
    x = 12345
    records = []
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        records.append(("user%d" % (x % (n // 3)), x % 1000, [i, x % 97]))

    # Group by name: a dict of lists, and a dict of dicts of counts.
    by_name = {}
    buckets = {}
    for name, score, pair in records:
        by_name.setdefault(name, []).append(score)
        inner = buckets.setdefault(score % 50, {})
        inner[name] = inner.get(name, 0) + 1

    # Sort groups by their total, keep tuples of the best.
    totals = sorted(((sum(v), k) for k, v in by_name.items()), reverse=True)
    best = [(k, t, len(by_name[k])) for t, k in totals[: n // 20]]

    # Drop half the groups and rebuild them as sets of strings.
    for k in list(by_name)[::2]:
        del by_name[k]
    words = {k: {"%s-%d" % (k, s) for s in v} for k, v in by_name.items()}

    # A list of lists, transposed, and a string join.
    matrix = [[(i * j) % 17 for j in range(40)] for i in range(n // 100)]
    columns = [list(col) for col in zip(*matrix)]
    joined = ",".join(str(c[-1]) for c in columns)

    checksum = (sum(t for _, t, _ in best) + sum(len(s) for s in words.values())
                + sum(sum(d.values()) for d in buckets.values()) + len(joined)
                + sum(len(k) for k in sorted(words)[:1000]))
    print("dicts: %d records, %d groups kept, %d best, checksum %d"
          % (len(records), len(words), len(best), checksum))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 200000)
