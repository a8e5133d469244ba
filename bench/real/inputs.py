# Copyright (C) 2026 the memroot developers.
# SPDX-License-Identifier: GPL-2.0-or-later
# This file is part of memroot, free software under the
# GNU General Public License, version 2 or (at your option) any later
# version; see COPYING.
"""The generated inputs of scripts/bench's real-program workloads: an SQL
script for sqlite3, text for gzip, a C file for cc1.  Each is a function of
its size alone (a fixed seed), so every run of every tool, on every
machine, reads the same bytes."""

import random

# Invented words of 2 to 9 letters; drawn with a skew, so the text has the
# repetitions of a natural language.
_LETTERS = "etaoinshrdlcumwfgypbvkjxqz"


def _vocabulary(rng, n):
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(_LETTERS[:8 + len(words) % 18])
                          for _ in range(rng.randint(2, 9))))
    return sorted(words)


def _skewed(rng, items):
    """An item, the first ones much more often (the product of two uniform
    numbers leans towards 0)."""
    return items[int(len(items) * rng.random() * rng.random())]


def sql_script(path, customers=6000, orders=30000):
    """Two tables filled with single-row INSERTs in one transaction, two
    indexes made afterwards, then joins, groupings, an update and a delete;
    every query prints something.  Prices are whole cents: no floating-point
    sums whose last digit could depend on the order of additions."""
    rng = random.Random(1)
    cities = _vocabulary(rng, 300)
    items = _vocabulary(rng, 2000)
    out = ["CREATE TABLE customers(id INTEGER PRIMARY KEY, name TEXT, city TEXT,"
           " score INTEGER);",
           "CREATE TABLE orders(id INTEGER PRIMARY KEY, customer INTEGER, item TEXT,"
           " qty INTEGER, cents INTEGER);",
           "BEGIN;"]
    for i in range(1, customers + 1):
        out.append("INSERT INTO customers VALUES(%d, '%s %s', '%s', %d);"
                   % (i, rng.choice(items).title(), rng.choice(items).title(),
                      _skewed(rng, cities), rng.randint(0, 1000)))
    for i in range(1, orders + 1):
        out.append("INSERT INTO orders VALUES(%d, %d, '%s', %d, %d);"
                   % (i, rng.randint(1, customers), _skewed(rng, items),
                      rng.randint(1, 20), rng.randint(50, 50000)))
    out += [
        "COMMIT;",
        "CREATE INDEX orders_customer ON orders(customer);",
        "CREATE INDEX customers_city ON customers(city, score);",
        "SELECT city, count(*), sum(score) FROM customers GROUP BY city"
        " ORDER BY 2 DESC, 1 LIMIT 10;",
        "SELECT c.city, count(*), sum(o.qty * o.cents) FROM orders o"
        " JOIN customers c ON c.id = o.customer GROUP BY c.city ORDER BY 3 DESC, 1 LIMIT 10;",
        "SELECT item, count(DISTINCT customer) FROM orders GROUP BY item"
        " ORDER BY 2 DESC, 1 LIMIT 10;",
        "SELECT c.name, sum(o.qty) FROM customers c JOIN orders o ON o.customer = c.id"
        " WHERE c.score BETWEEN 400 AND 450 GROUP BY c.id ORDER BY 2 DESC, 1 LIMIT 10;",
        "UPDATE orders SET qty = qty + 1 WHERE cents > 25000;",
        "DELETE FROM orders WHERE qty % 7 = 0;",
        "SELECT count(*), sum(qty * cents), max(cents) FROM orders;",
        "SELECT a.item, count(*) FROM orders a JOIN orders b ON a.item = b.item"
        " AND a.customer < b.customer GROUP BY a.item ORDER BY 2 DESC, 1 LIMIT 5;",
    ]
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def text(path, megabytes=6):
    """Lines of about ten words with some punctuation and numbers."""
    rng = random.Random(2)
    words = _vocabulary(rng, 5000)
    size, lines = 0, []
    while size < megabytes * 1000000:
        line = " ".join(_skewed(rng, words) for _ in range(rng.randint(4, 16)))
        if rng.random() < 0.2:
            line += " %d" % rng.randint(0, 99999)
        line = line.capitalize() + rng.choice(".,;:!?.")
        lines.append(line)
        size += len(line) + 1
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def c_source(path, functions=300):
    """Functions with loops, a switch, branches, a local struct and calls
    to small static helpers: what gcc -O2 inlines, unrolls and allocates
    registers for.  No #include: cc1 needs no header search path."""
    rng = random.Random(3)
    out = ["struct rec { int a, b; long c; char tag[16]; };",
           "extern long sink(long);"]
    for i in range(functions):
        k = [rng.randint(2, 97) for _ in range(8)]
        out.append(
            "static inline int helper%(i)d(int x) { return (x * %(k0)d) ^ (x >> %(k1m)d); }\n"
            "long f%(i)d(const int *v, int n, struct rec *r) {\n"
            "  long acc = %(k2)d;\n"
            "  struct rec local = { %(k3)d, %(k4)d, %(k5)d, \"f%(i)d\" };\n"
            "  for (int i = 0; i < n; i++) {\n"
            "    switch ((v[i] + i) %% 6) {\n"
            "    case 0: acc += v[i] * %(k6)d; break;\n"
            "    case 1: acc -= helper%(i)d(v[i]); break;\n"
            "    case 2: acc ^= (long)v[i] << (i %% %(k1m)d); break;\n"
            "    case 3: local.a += v[i]; local.c += acc; break;\n"
            "    case 4: if (acc > %(k7)d) acc = sink(acc); break;\n"
            "    default: local.tag[i %% 16] = (char)v[i]; break;\n"
            "    }\n"
            "    for (int j = 0; j < 4; j++)\n"
            "      local.b += (v[(i + j) %% n] & %(k0)d) * j;\n"
            "  }\n"
            "  if (r) { r->a = local.a; r->b = local.b; r->c = local.c + local.tag[3]; }\n"
            "  %(call)s\n"
            "  return acc + local.a * local.b;\n"
            "}\n"
            % {"i": i, "k0": k[0], "k1m": 1 + k[1] % 13, "k2": k[2], "k3": k[3],
               "k4": k[4], "k5": k[5], "k6": k[6], "k7": k[7] * 1000,
               "call": "acc += f%d(v + 1, n - 1, 0);" % rng.randrange(i) if i else ""})
    with open(path, "w") as f:
        f.write("\n".join(out))
