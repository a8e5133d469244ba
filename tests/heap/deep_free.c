/* A block freed six calls below main (free, f5 ... f1), then freed again
   from main: the report of the second free shows the stack of the first.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdlib.h>

static void f5(char* p) { free(p); }
static void f4(char* p) { f5(p); }
static void f3(char* p) { f4(p); }
static void f2(char* p) { f3(p); }
static void f1(char* p) { f2(p); }

int main(void)
{
   char* p = malloc(10);
   f1(p);
   free(p);
   return 0;
}
