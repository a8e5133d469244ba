/* Heap activity with known xtree memory totals.
   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING.

     keep:  4 calloc(10, 30), kept: 1,200 bytes in 4 blocks;
     temp:  3 malloc(500), each freed: 1,500 bytes in 3 blocks;
     grow:  malloc(100), realloc to 200, then to 400, kept: 700 bytes in 3
            blocks allocated, 300 bytes in 2 blocks freed;
     lose:  malloc(64), its pointer dropped.
   At exit (Memcheck's events): curB 1,664, curBk 6, totB 3,464, totBk 11,
   totFdB 1,800, totFdBk 5. */
#include <stdlib.h>
#include <string.h>

static void* kept[5];

static void keep(int i)
{
   kept[i] = calloc(10, 30);
}

static void temp(void)
{
   char* p = malloc(500);
   memset(p, 1, 500);
   free(p);
}

static void grow(void)
{
   char* p = malloc(100);
   p = realloc(p, 200);
   p = realloc(p, 400);
   kept[4] = p;
}

static void lose(void)
{
   char* volatile p = malloc(64);
   p = NULL;
}

int main(void)
{
   int i;
   for (i = 0; i < 4; i++)
      keep(i);
   for (i = 0; i < 3; i++)
      temp();
   grow();
   lose();
   return 0;
}
