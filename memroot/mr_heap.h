/* memroot heap: the client's allocator, replaced, and the shadow of every
   live heap block.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_HEAP_H
#define __MR_HEAP_H

#include "mr_block.h"
#include "pub_tool_execontext.h"
#include "pub_tool_xarray.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_addrinfo.h"

typedef struct {
   Long freelist_vol;          /* bytes of freed blocks kept from reuse */
   Long freelist_big_blocks;   /* blocks this big leave the queue first */
   Bool show_mismatched_frees;
   Int  free_callers;          /* frames of a free's stack, at most
                                  --num-callers */
   Bool account;               /* call the accounting hooks (mr_account.h) */
   ULong snapshot_every;       /* bytes allocated between calls of
                                  snapshot; 0: never */
   void (*snapshot)(void);     /* called after an allocation, the heap
                                  consistent, when they have passed */
} MR_HeapParams;

/* Before the client runs, once the options are known. */
void MR_(heap_init)(const MR_HeapParams* p);

/* Registers the malloc replacement with the core. */
void MR_(heap_needs_malloc_replacement)(void);

/* Every live block outside memory pools, in no order.  The caller frees
   the array with VG_(free); NULL when there is none. */
MR_Block** MR_(heap_live_blocks)(UInt* n_blocks);

/* How many frees so far: a leak search's view of the blocks is stale
   once this moves. */
ULong MR_(heap_n_frees)(void);

/* Bytes allocated so far: the profile's clock. */
ULong MR_(heap_bytes_allocated)(void);

/* What the HEAP SUMMARY says. */
typedef struct {
   ULong in_use_bytes, in_use_blocks;
   ULong allocs, frees, bytes_allocated;
} MR_HeapTotals;
void MR_(heap_totals)(MR_HeapTotals* t);

/* Memcheck's HEAP SUMMARY, printed at exit. */
void MR_(heap_print_summary)(void);

/* Custom allocators (client requests and memory pools). */
void MR_(heap_malloclike)(ThreadId tid, Addr p, SizeT szB);
void MR_(heap_freelike)(ThreadId tid, Addr p);
void MR_(heap_resize_in_place)(ThreadId tid, Addr p, SizeT old_szB,
                               SizeT new_szB);

/* A shadow for client memory the heap did not allocate (a pool chunk):
   counted as an allocation, in no block table. */
MR_Block* MR_(heap_shadow_new)(ThreadId tid, Addr p, SizeT szB);
/* Ends a shadow's life: it joins the freed queue. */
void MR_(heap_shadow_retire)(ThreadId tid, MR_Block* b);
/* Drops a live shadow without a free (a destroyed pool's chunk). */
void MR_(heap_shadow_discard)(MR_Block* b);
/* Changes a live shadow's extent in place. */
void MR_(heap_shadow_move)(MR_Block* b, Addr p, SizeT szB);
/* Frees, as FREELIKE_BLOCK would, every block outside pools that lies
   wholly in [start, end): a pool's auto-free. */
void MR_(heap_free_range)(ThreadId tid, Addr start, Addr end);

/* Describes `a` if it lies in a live block outside pools or in a
   recently freed block (redzones included), as Memcheck does. */
Bool MR_(heap_describe)(Addr a, /*OUT*/AddrInfo* ai);

#endif
