/* String and copy heavy: builds lines with snprintf, keeps pointers to
   them in a growing array (realloc), sorts the array with qsort and
   copies it with memcpy: narrow stores, vector copies, pointer arrays.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void* x, const void* y)
{
   return strcmp(*(char* const*)x, *(char* const*)y);
}

int main(void)
{
   char** lines = NULL;
   char** copy;
   size_t i, n = 0, cap = 0, len = 0;
   char buf[64];
   for (i = 0; i < 120000; i++) {
      int k = snprintf(buf, sizeof buf, "item-%lu-%lx", (i * 7919) % 100003, i);
      if (n == cap) {
         cap = cap ? 2 * cap : 16;
         lines = realloc(lines, cap * sizeof *lines);
      }
      lines[n] = malloc(k + 1);
      memcpy(lines[n], buf, k + 1);
      n++;
   }
   qsort(lines, n, sizeof *lines, cmp);
   copy = malloc(n * sizeof *copy);
   memcpy(copy, lines, n * sizeof *copy);
   for (i = 0; i < n; i++) {
      len += strlen(copy[i]);
      free(copy[i]);
   }
   free(copy);
   free(lines);
   printf("%lu\n", len);
   return 0;
}
