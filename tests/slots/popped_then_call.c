/* Heap pointers pushed and popped again are left in the red zone, still
   marked (as Memcheck keeps them defined); the next call makes the red
   zone dead, so the called function does not see them marked in its
   frame.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdint.h>
#include <stdlib.h>
#include "slot_report.h"

static __attribute__((noinline)) void called(uintptr_t word)
{
   report("popped", (const void*)word);
}

int main(void)
{
   void* p = malloc(16);
   uintptr_t word;
   unsigned long before;
   /* Four pushes, then SP back up: the pointer stays below SP, 32 bytes
      down, where the call's frame will be. */
   __asm__ volatile("pushq %1\n\t"    /* SITE:push */
                    "pushq %1\n\t"
                    "pushq %1\n\t"
                    "pushq %1\n\t"
                    "leaq (%%rsp), %0\n\t"
                    "addq $32, %%rsp"
                    : "=r"(word) : "r"(p) : "memory");
   before = MEMROOT_GET_SLOT_SITE(word);
   called(word);
   printf("before_call=%#lx\n", before);
   return 0;
}
