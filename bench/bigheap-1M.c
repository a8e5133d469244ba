/* One million live blocks: objects of 32 to 128 bytes, each on one of
   4,096 lists whose heads are a global array, each pointing to another
   object picked at random (a graph with sharing, not a tree); a tenth are
   freed and made anew before the lists and links are made, then the graph
   is walked.  Everything stays allocated at
   exit, reachable: the exit leak check and retention report have a
   million blocks to mark and attribute.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdio.h>
#include <stdlib.h>

#define N 1000000
#define LISTS 4096

struct obj {
   struct obj *next;   /* on its list */
   struct obj *link;   /* another object */
   unsigned long id;
   unsigned long data[];
};

struct obj *heads[LISTS];
struct obj **all;

static unsigned long rng = 0x2545F4914F6CDD1DUL;

static unsigned long next(void)
{
   rng ^= rng << 13;
   rng ^= rng >> 7;
   rng ^= rng << 17;
   return rng;
}

static struct obj *make(unsigned long id)
{
   unsigned words = 1 + id % 13;  /* 32 to 128 bytes */
   struct obj *o = malloc(sizeof *o + words * sizeof o->data[0]);
   o->id = id;
   for (unsigned w = 0; w < words; w++)
      o->data[w] = id * (w + 1);
   return o;
}

int main(void)
{
   unsigned long sum = 0;
   all = malloc(N * sizeof *all);
   for (unsigned long i = 0; i < N; i++)
      all[i] = make(i);
   for (unsigned long i = 0; i < N; i += 10) {
      free(all[i]);
      all[i] = make(i + N);
   }
   for (unsigned long i = 0; i < N; i++) {
      struct obj *o = all[i];
      o->link = all[next() % N];
      o->next = heads[o->id % LISTS];
      heads[o->id % LISTS] = o;
   }
   for (int pass = 0; pass < 3; pass++)
      for (int l = 0; l < LISTS; l++)
         for (struct obj *o = heads[l]; o; o = o->next)
            sum += o->link->id + o->data[0];
   printf("bigheap-1M: %d blocks, checksum %lu\n", N + 1, sum);
   return 0;
}
