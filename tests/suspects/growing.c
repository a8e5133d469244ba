/* Builds: a flat list of 100 nodes (6,400 bytes), then a growing list
   that gets 64 nodes of 64 bytes (4,096 bytes) before each of 5
   snapshots (MEMROOT_SNAPSHOT four times, then MEMROOT_SUSPECTS_GROWTH),
   and 64 more before exit.  g_growing grows by 4,096 bytes at every
   snapshot and at exit; g_flat never changes.
   Memcheck: still reachable 30,976 bytes in 484 blocks.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdlib.h>
#include "memroot.h"

struct node { struct node* next; char payload[56]; };

struct node* g_growing;
struct node* g_flat;

static void push(struct node** list)
{
   struct node* n = malloc(sizeof *n);            /* SITE:node */
   n->next = *list;
   *list = n;
}

int main(void)
{
   int i, s;
   for (i = 0; i < 100; i++)
      push(&g_flat);
   for (s = 0; s < 5; s++) {
      for (i = 0; i < 64; i++)
         push(&g_growing);                        /* SITE:grow */
      if (s < 4)
         MEMROOT_SNAPSHOT;
      else
         MEMROOT_SUSPECTS_GROWTH;
   }
   for (i = 0; i < 64; i++)
      push(&g_growing);                           /* SITE:last */
   return 0;
}
