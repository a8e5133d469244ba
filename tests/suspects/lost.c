/* Builds: 4 blocks of 2,000 bytes lost by lose_buffers (8,000 bytes),
   and one 64-byte head lost by lose_list that holds a list of 10 items
   of 104 bytes (1,040 bytes indirectly lost); a global keeps 1,000
   bytes.  The definitely lost memory, 9,104 bytes with what it loses,
   is 90.1% of the live heap (10,104 bytes): the loss records responsible
   are lose_buffers' (8,000 bytes) and lose_list's (1,104 bytes).
   Memcheck: definitely lost 8,064 bytes in 5 blocks, indirectly lost
   1,040 bytes in 10 blocks, still reachable 1,000 bytes in 1 block.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdlib.h>
#include <string.h>

struct head { void* items[8]; };
struct item { struct item* next; char data[96]; };

char* g_keep;

static void lose_buffers(void)
{
   int i;
   for (i = 0; i < 4; i++) {
      char* volatile p = malloc(2000);            /* SITE:buffers */
      memset(p, 0, 2000);
   }
}

static void lose_list(void)
{
   struct head* volatile h = calloc(1, sizeof *h);  /* SITE:head */
   struct item* list = NULL;
   int i;
   for (i = 0; i < 10; i++) {
      struct item* it = malloc(sizeof *it);       /* SITE:item */
      it->next = list;
      list = it;
   }
   h->items[0] = list;
}

int main(void)
{
   g_keep = malloc(1000);
   memset(g_keep, 0, 1000);
   lose_buffers();
   lose_list();
   return 0;
}
