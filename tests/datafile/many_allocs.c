/* Allocates 40,000,000 bytes in blocks of 1,000, keeping at most 100
   at a time: the adaptive timeline's interval must grow to keep the
   number of samples bounded.
   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdlib.h>

static void* ring[100];

int main(void)
{
   int i;
   for (i = 0; i < 40000; i++) {
      free(ring[i % 100]);
      ring[i % 100] = malloc(1000);
   }
   return 0;
}
