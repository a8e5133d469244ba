/* realloc(p, 0), whose meaning --realloc-zero-bytes-frees chooses from
   Valgrind 3.21: free p and return NULL (yes), or move p to a block of
   1 byte (no).  The program prints which, then frees what it got.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
   char* p = malloc(10);
   char* q = realloc(p, 0);
   printf("realloc(p, 0) = %s\n", q ? "block" : "NULL");
   free(q);
   return 0;
}
