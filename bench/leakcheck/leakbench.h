/* What leakheap.c and roots.c share: the small block they allocate by the
   million, and a leak check or retention report asked for by the program
   and timed by it.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "memroot.h"

struct block {
   struct block *next;
   long payload[2];
};

static struct block *new_block(long i, struct block *next)
{
   struct block *b = malloc(sizeof *b);
   b->next = next;
   b->payload[0] = i;
   b->payload[1] = ~i;
   return b;
}

static double now_ms(clockid_t clock)
{
   struct timespec t;
   clock_gettime(clock, &t);
   return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* what: "inner" asks for a leak check (VALGRIND_DO_LEAK_CHECK), "retention"
   for a retention report (MEMROOT_RETENTION_REPORT).  Prints the wall and
   CPU milliseconds it took. */
static int timed_request(const char *what)
{
   int retention = strcmp(what, "retention") == 0;
   if (!retention && strcmp(what, "inner") != 0) {
      fprintf(stderr, "unknown request %s: inner or retention\n", what);
      return 2;
   }
   /* Under Valgrind the process's CPU clock counts the tool's work. */
   double wall = now_ms(CLOCK_MONOTONIC), cpu = now_ms(CLOCK_PROCESS_CPUTIME_ID);
   if (retention)
      MEMROOT_RETENTION_REPORT;
   else
      VALGRIND_DO_LEAK_CHECK;
   printf("%s: %.1f ms, CPU %.1f ms\n",
          retention ? "retention report" : "leak check",
          now_ms(CLOCK_MONOTONIC) - wall,
          now_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu);
   return 0;
}
