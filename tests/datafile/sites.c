/* memroot's data file and its views, on known numbers.
   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING.

   Allocates, in this order:
     site_kept: 10 blocks of 100 bytes into a global table, then frees 4
                of them: 600 bytes in 6 blocks still reachable;
     site_temp: 5 blocks of 1,000 bytes, each freed at once;
     site_lost: 1 block of 50 bytes whose pointer is dropped: definitely
                lost.
   Then a block of 0 bytes is freed, and freed twice more from one line
   (SITE:double): one invalid-free error, counted twice.
   At exit 650 bytes in 7 blocks are in use, of 6,050 bytes allocated in
   17 allocs.  Live bytes peak when site_temp's first block arrives:
   1,000 + 1,000 = 2,000 bytes in 11 blocks at time 1,000 + 1,000 = 2,000
   (site_lost's block comes after). */
#include <stdlib.h>
#include <string.h>

static char* table[10];

static void site_kept(int i)
{
   table[i] = malloc(100);                    /* SITE:kept */
}

static void site_temp(void)
{
   char* p = malloc(1000);                    /* SITE:temp */
   memset(p, 0, 1000);
   free(p);
}

static void site_lost(void)
{
   char* p = malloc(50);                      /* SITE:lost */
   memset(p, 0, 50);
}

int main(void)
{
   int i;
   char* freed;
   for (i = 0; i < 10; i++)
      site_kept(i);
   for (i = 0; i < 5; i++)
      site_temp();
   for (i = 0; i < 4; i++) {
      free(table[i]);
      table[i] = NULL;
   }
   site_lost();                               /* SITE:call_lost */
   freed = malloc(0);
   free(freed);
   for (i = 0; i < 2; i++)
      free(freed);                             /* SITE:double */
   return 0;
}
