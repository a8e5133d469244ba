/* memroot xtmemory: the xtree memory profile.  The core keeps the tree
   and writes the file (pub_tool_xtmemory.h); the tool gives it every
   allocation and free with its stacks (--xtree-memory=full), or the live
   blocks when a report is due (allocs).  The stack filter is Memcheck's,
   so that both tools' files have the same stacks and numbers.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_options.h"
#include "pub_tool_xtree.h"
#include "pub_tool_xtmemory.h"
#include "mr_xtmemory.h"

void MR_(xtmemory_init)(void)
{
   tl_assert(VG_(clo_xtree_memory) == Vg_XTMemory_Full);
   VG_(XTMemory_Full_init)(VG_(XT_filter_1top_and_maybe_below_main));
}

/* The core pulls the blocks one at a time; nblocks 0 ends the walk. */
static MR_Block* const* xt_live;
static UInt             xt_n_live, xt_next;

static void next_block(XT_Allocs* xta, ExeContext** ec_alloc)
{
   if (xt_next < xt_n_live) {
      const MR_Block* b = xt_live[xt_next++];
      xta->nbytes  = b->szB;
      xta->nblocks = 1;
      *ec_alloc    = b->allocated_at;
   } else {
      xta->nblocks = 0;
   }
}

void MR_(xtmemory_report)(const HChar* filename, Bool fini,
                          MR_Block* const* live, UInt n_live)
{
   xt_live   = live;
   xt_n_live = n_live;
   xt_next   = 0;
   VG_(XTMemory_report)(filename, fini, next_block,
                        VG_(XT_filter_1top_and_maybe_below_main));
   xt_live = NULL;
}
