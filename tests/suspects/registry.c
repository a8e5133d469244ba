/* Builds: a registry global holding a table of 4,096 record pointers
   (32,768 bytes); each record (48 bytes) holds its name (32 bytes).  The
   registry (16 bytes) is the only block the global points to; the table
   is where the memory accumulates, the records and names are what piles
   up there.  Nothing else is on the heap: 360,464 bytes in 8,194 blocks,
   the table retaining 360,448 bytes in 8,193 blocks.
   Memcheck: still reachable 360,464 bytes in 8,194 blocks.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdlib.h>
#include <string.h>

struct record { char* name; long id; long values[4]; };
struct registry { struct record** table; long n; };

struct registry* g_registry;

static struct record* new_record(long id)
{
   struct record* r = malloc(sizeof *r);          /* SITE:record */
   r->id = id;
   r->name = malloc(32);                          /* SITE:name */
   strcpy(r->name, "a record's name");
   return r;
}

int main(void)
{
   long i;
   g_registry = malloc(sizeof *g_registry);       /* SITE:registry */
   g_registry->n = 4096;
   g_registry->table = calloc(4096, sizeof(struct record*));  /* SITE:table */
   for (i = 0; i < 4096; i++)
      g_registry->table[i] = new_record(i);       /* SITE:store */
   return 0;
}
