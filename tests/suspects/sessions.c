/* Builds: 20 globals, each holding one session (64 bytes) made by
   new_session, each session holding a 4,000-byte buffer.  Every global
   retains 4,064 bytes (5% of the live heap): no single suspect.  The
   sessions, one allocation site under 20 different parents, together
   retain 81,280 bytes in 40 blocks: one group suspect, whose
   accumulated sites are the buffers (80,000 bytes in 20 blocks) and the
   sessions (1,280 bytes in 20 blocks).
   Memcheck: still reachable 81,280 bytes in 40 blocks.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdlib.h>
#include <string.h>

struct session { char* buffer; long id; long spare[6]; };

#define SESSIONS(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) \
   X(10) X(11) X(12) X(13) X(14) X(15) X(16) X(17) X(18) X(19)
#define DECLARE(i) struct session* g_session##i;
SESSIONS(DECLARE)

static struct session* new_session(long id)
{
   struct session* s = malloc(sizeof *s);         /* SITE:session */
   s->id = id;
   s->buffer = malloc(4000);                      /* SITE:buffer */
   memset(s->buffer, 0, 4000);
   return s;
}

int main(void)
{
#define MAKE(i) g_session##i = new_session(i);
   SESSIONS(MAKE)
   return 0;
}
