/* roots R N [inner|retention]: R roots, each a global variable of its own
   holding a list of N small blocks, for timing the retention report against
   the number of roots (scripts/bench-retention): with R = 1, one root holds
   the whole heap; with R in the tens of thousands, a report that lists
   every root prints each.  Up to 65,536 roots.  With "inner" or
   "retention", the program asks for a leak check or a retention report and
   prints how long it took, as leakheap does.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include "leakbench.h"

/* 16^4 globals r0000 to rffff, each its own symbol, hence its own root. */
#define H1(p) V(p##0) V(p##1) V(p##2) V(p##3) V(p##4) V(p##5) V(p##6) V(p##7) \
              V(p##8) V(p##9) V(p##a) V(p##b) V(p##c) V(p##d) V(p##e) V(p##f)
#define H2(p) H1(p##0) H1(p##1) H1(p##2) H1(p##3) H1(p##4) H1(p##5) H1(p##6) H1(p##7) \
              H1(p##8) H1(p##9) H1(p##a) H1(p##b) H1(p##c) H1(p##d) H1(p##e) H1(p##f)
#define H3(p) H2(p##0) H2(p##1) H2(p##2) H2(p##3) H2(p##4) H2(p##5) H2(p##6) H2(p##7) \
              H2(p##8) H2(p##9) H2(p##a) H2(p##b) H2(p##c) H2(p##d) H2(p##e) H2(p##f)
#define H4(p) H3(p##0) H3(p##1) H3(p##2) H3(p##3) H3(p##4) H3(p##5) H3(p##6) H3(p##7) \
              H3(p##8) H3(p##9) H3(p##a) H3(p##b) H3(p##c) H3(p##d) H3(p##e) H3(p##f)
#define MAX_ROOTS 65536

#define V(name) struct block *name;
H4(r)
#undef V

#define V(name) &name,
static struct block **const root[MAX_ROOTS] = { H4(r) };
#undef V

int main(int argc, char **argv)
{
   long n_roots = argc > 1 ? atol(argv[1]) : 1;
   long per_root = argc > 2 ? atol(argv[2]) : 10;
   if (n_roots < 1 || n_roots > MAX_ROOTS || per_root < 1) {
      fprintf(stderr, "usage: roots R N [inner|retention], 1 <= R <= %d, N >= 1\n",
              MAX_ROOTS);
      return 2;
   }
   for (long r = 0; r < n_roots; r++)
      for (long i = 0; i < per_root; i++)
         *root[r] = new_block(i, *root[r]);
   return argc > 3 ? timed_request(argv[3]) : 0;
}
