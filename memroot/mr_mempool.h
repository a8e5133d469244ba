/* memroot mempools: Valgrind's memory-pool client requests, as Memcheck
   treats them.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_MEMPOOL_H
#define __MR_MEMPOOL_H

#include "mr_basics.h"
#include "mr_heap.h"

void MR_(mempool_init)(void);

void MR_(mempool_create)(ThreadId tid, Addr pool, UInt rzB, Bool is_zeroed,
                         UInt flags);
void MR_(mempool_destroy)(ThreadId tid, Addr pool);
void MR_(mempool_alloc)(ThreadId tid, Addr pool, Addr addr, SizeT szB);
void MR_(mempool_free)(ThreadId tid, Addr pool, Addr addr);
void MR_(mempool_trim)(ThreadId tid, Addr pool, Addr addr, SizeT szB);
void MR_(mempool_move)(ThreadId tid, Addr pool_from, Addr pool_to);
void MR_(mempool_change)(ThreadId tid, Addr pool, Addr addr_from,
                         Addr addr_to, SizeT szB);
Bool MR_(mempool_exists)(Addr pool);

/* Every live block: the heap's (the first *n_heap), then every pool's
   chunks, in no order.  The caller frees the array with VG_(free); NULL
   when there is none. */
MR_Block** MR_(mempool_all_blocks)(UInt* n_blocks, UInt* n_heap);

/* Describes `a` if it lies in a chunk (redzones included) of a pool whose
   metapool flag is `metapool`. */
Bool MR_(mempool_describe)(Addr a, Bool metapool, /*OUT*/AddrInfo* ai);

#endif
