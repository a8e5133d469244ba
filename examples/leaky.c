/* The example from the README: a cache that keeps its entries (still
   reachable), and a list whose only pointer is dropped (definitely lost,
   with its tail indirectly lost).

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry { char* key; struct entry* next; };

static struct entry* cache;                   /* holds its entries */
static struct entry* volatile pending;        /* volatile: kept at -O2 */

static void remember(const char* key)
{
   struct entry* e = malloc(sizeof *e);
   e->key = strdup(key);
   e->next = cache;
   cache = e;
}

static void build_then_drop_list(int n)
{
   for (int i = 0; i < n; i++) {
      struct entry* e = malloc(sizeof *e);
      e->key = NULL;
      e->next = pending;
      pending = e;
   }
   pending = NULL;                            /* the whole list is lost */
}

int main(void)
{
   remember("alpha");
   remember("beta");
   build_then_drop_list(3);
   printf("cache holds %s and %s\n", cache->key, cache->next->key);
   return 0;
}
