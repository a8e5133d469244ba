/* A coroutine on its own stack (swapcontext): a pointer left in a frame
   that returned there is dead, while a pointer held in the coroutine's
   live frame stays marked while the coroutine waits.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdint.h>
#include <stdlib.h>
#include <ucontext.h>
#include "slot_report.h"

static ucontext_t main_ctx, co_ctx;
static void* volatile* held_word;
static uintptr_t dead_word;

/* slot[0] lies more than the red zone below the caller's SP once the
   function has returned. */
static __attribute__((noinline)) uintptr_t keep_in_local(void)
{
   void* volatile slot[64];
   slot[0] = malloc(16);
   return (uintptr_t)&slot[0];
}

static void coroutine(void)
{
   void* volatile held = malloc(16);    /* SITE:held */
   held_word = &held;
   dead_word = keep_in_local();
   report("dead_in_coroutine", (const void*)dead_word);
   swapcontext(&co_ctx, &main_ctx);
}

int main(void)
{
   static char stack[1 << 16];
   getcontext(&co_ctx);
   co_ctx.uc_stack.ss_sp = stack;
   co_ctx.uc_stack.ss_size = sizeof stack;
   co_ctx.uc_link = &main_ctx;
   makecontext(&co_ctx, coroutine, 0);
   swapcontext(&main_ctx, &co_ctx);
   report("held_while_waiting", (const void*)held_word);
   report("dead_while_waiting", (const void*)dead_word);
   return 0;
}
