/* Allocation-heavy: a pool of live blocks of mixed sizes replaced at
   random, with realloc growth, as a message-passing program does.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the GNU General Public
   License, version 2 or (at your option) any later version; see COPYING. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIVE 4096

int main(void)
{
   static char* live[LIVE];
   unsigned long i, r = 12345, total = 0;
   for (i = 0; i < 2000000; i++) {
      unsigned long slot, size;
      r = r * 1103515245 + 12345;
      slot = (r >> 8) % LIVE;
      size = 16 + (r >> 20) % 512;
      if (live[slot] && (r & 0x30000) == 0) {
         live[slot] = realloc(live[slot], size * 2);
      } else {
         free(live[slot]);
         live[slot] = malloc(size);
         memset(live[slot], (int)i, size);
      }
      total += (unsigned char)live[slot][0];
   }
   for (i = 0; i < LIVE; i++)
      free(live[i]);
   printf("%lu\n", total);
   return 0;
}
