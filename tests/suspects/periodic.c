/* Builds: a flat list of 100 nodes (6,400 bytes), then a list that grows
   by 1,000 nodes of 64 bytes; with --snapshot-every=4096 every 64 nodes
   allocated end with a snapshot, so from the third snapshot on,
   g_growing grows by exactly 4,096 bytes between snapshots.  Nothing is
   freed or lost.
   Memcheck: still reachable 70,400 bytes in 1,100 blocks.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdlib.h>

struct node { struct node* next; char payload[56]; };

struct node* g_growing;
struct node* g_flat;

static void push(struct node** list)
{
   struct node* n = malloc(sizeof *n);
   n->next = *list;
   *list = n;
}

int main(void)
{
   int i;
   for (i = 0; i < 100; i++)
      push(&g_flat);
   for (i = 0; i < 1000; i++)
      push(&g_growing);
   return 0;
}
