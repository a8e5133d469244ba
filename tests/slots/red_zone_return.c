/* A leaf function may keep a heap pointer in the red zone below its stack
   pointer; once it returns, that word is dead (Memcheck makes the red zone
   undefined at every call and return).

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdint.h>
#include <stdlib.h>
#include "slot_report.h"

static unsigned long live;

/* No call in it: the 8 bytes at SP - 96 are the function's own. */
static __attribute__((noinline)) uintptr_t keep_in_red_zone(void* p)
{
   uintptr_t where;
   __asm__ volatile("movq %1, -96(%%rsp)\n\t"    /* SITE:red */
                    "leaq -96(%%rsp), %0"
                    : "=r"(where) : "r"(p) : "memory");
   live = MEMROOT_GET_SLOT_SITE(where);
   return where;
}

int main(void)
{
   uintptr_t dead = keep_in_red_zone(malloc(16));
   /* Asked before any call could reuse the red zone. */
   unsigned long site = MEMROOT_GET_SLOT_SITE(dead);
   printf("live=%#lx\n", live);
   printf("dead=%#lx\n", site);
   return 0;
}
