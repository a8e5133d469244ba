/* memroot account: what the heap tells, on each allocation and free,
   the pieces that account for them — the allocation-site profile and its
   timeline, and Valgrind's full xtree memory profile.  The heap calls
   these only while one of them is on.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_ACCOUNT_H
#define __MR_ACCOUNT_H

#include "mr_block.h"

typedef struct {
   Bool profile;      /* the allocation-site profile (and timeline) */
   Bool xtree_full;   /* --xtree-memory=full */
} MR_AccountParams;

/* Before the client runs; True when anything is to be accounted. */
Bool MR_(account_init)(const MR_AccountParams* p);

/* now is the clock: the bytes allocated so far, this allocation's
   included. */
void MR_(account_alloc)(ExeContext* allocated_at, SizeT szB, ULong now);
/* freed_at is the stack of the free; NULL when the block vanishes with
   no free (a destroyed pool's chunk, which Memcheck's xtree keeps). */
void MR_(account_free)(ExeContext* allocated_at, SizeT szB,
                       ExeContext* freed_at);
void MR_(account_resize)(ExeContext* allocated_at, SizeT old_szB,
                         SizeT new_szB, ULong now);

#endif
