/* Signal handlers on an alternate stack: a pointer one handler left in
   its frame is dead once it has returned, when the next handler runs on
   the same stack.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include "slot_report.h"

static uintptr_t word;
static unsigned long live, dead;

static void keeping_handler(int sig)
{
   void* volatile slot[64];
   slot[0] = malloc(16);                 /* SITE:handler */
   word = (uintptr_t)&slot[0];
   live = MEMROOT_GET_SLOT_SITE(word);
}

/* Its frame is small: slot[0] of the other lies below its SP. */
static void asking_handler(int sig)
{
   dead = MEMROOT_GET_SLOT_SITE(word);
}

int main(void)
{
   static char alt[1 << 16];
   stack_t ss = { .ss_sp = alt, .ss_size = sizeof alt, .ss_flags = 0 };
   struct sigaction sa = { .sa_flags = SA_ONSTACK };
   sigaltstack(&ss, NULL);
   sigemptyset(&sa.sa_mask);
   sa.sa_handler = keeping_handler;
   sigaction(SIGUSR1, &sa, NULL);
   sa.sa_handler = asking_handler;
   sigaction(SIGUSR2, &sa, NULL);
   raise(SIGUSR1);
   raise(SIGUSR2);
   printf("live=%#lx\n", live);
   printf("dead=%#lx\n", dead);
   return 0;
}
