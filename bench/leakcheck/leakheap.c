/* leakheap N [inner|retention]: a heap of N small live blocks for timing
   the leak check itself (scripts/bench-leakcheck) and the retention report
   (scripts/bench-retention).
     - 90% form one linked list from a global: a chain N long, so marking
       must not recurse;
     - 5% are held by interior pointers from a heap array: possibly lost;
     - 5% form chains of ten whose heads are dropped: each head definitely
       lost, the rest indirectly lost.
   With "inner", the program asks for a leak check itself
   (VALGRIND_DO_LEAK_CHECK) and prints how long it took, in milliseconds of
   wall and of CPU time; with "retention", the same for a retention report
   (MEMROOT_RETENTION_REPORT).

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include "leakbench.h"

/* Not static: the compiler must keep these stores. */
struct block *list;
char **interior;

int main(int argc, char **argv)
{
   long n = argc > 1 ? atol(argv[1]) : 1000000;
   struct block *chain = NULL;

   interior = malloc((size_t)(n / 20 + 1) * sizeof *interior);
   for (long i = 0; i < n; i++) {
      long r = i % 200;
      if (r % 20 == 0) {
         interior[i / 20] = (char *)new_block(i, NULL) + 8;
      } else if (r <= 10) {
         /* A new chain drops the previous one. */
         chain = new_block(i, r == 1 ? NULL : chain);
      } else {
         list = new_block(i, list);
      }
   }
   return argc > 2 ? timed_request(argv[2]) : 0;
}
