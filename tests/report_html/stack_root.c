/* A block held only by a local variable of a frame live at exit: the
   page names its root as the log does (a frame of thread 1, in hold).
   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING.

   hold allocates 300 bytes (SITE:kept) and calls exit while its local
   still points to them: 300 bytes in 1 block still reachable, retained
   by that frame. */
#include <stdlib.h>

static __attribute__((noinline)) void hold(void)
{
   char* volatile kept = malloc(300);                   /* SITE:kept */
   exit(kept != NULL ? 0 : 1);
}

int main(void)
{
   hold();
   return 0;
}
