/* MEMROOT_DUMP from the program: a good name, a bad pointer, an empty
   string; each result printed on stdout.
   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdio.h>
#include <stdlib.h>
#include "memroot.h"

int main(int argc, char** argv)
{
   char* p = malloc(1000);
   printf("named %d\n", MEMROOT_DUMP(argv[1]));
   printf("unmapped %d\n", MEMROOT_DUMP((const char*)16));
   printf("empty %d\n", MEMROOT_DUMP(""));
   free(p);
   return 0;
}
