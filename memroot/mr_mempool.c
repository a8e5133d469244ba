/* memroot mempools: the pools a client's own allocator declares with
   Valgrind's mempool client requests.  Chunks are MR_AllocCustom blocks
   kept per pool, as Memcheck keeps them: they count as allocations but not
   in the HEAP SUMMARY's "in use", and they stand for the superblock that
   holds them in a leak check.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_hashtable.h"
#include "pub_tool_replacemalloc.h"
#include "valgrind.h"
#include "mr_errors.h"
#include "mr_mempool.h"

typedef struct _MR_Mempool {
   struct _MR_Mempool* next;
   Addr                pool;       /* the client's anchor address */
   UInt                rzB;
   Bool                is_zeroed;
   Bool                auto_free;  /* freeing a chunk frees the blocks in it */
   Bool                metapool;   /* chunks are superblocks of other blocks */
   VgHashTable*        chunks;
} MR_Mempool;

static VgHashTable* mr_pools;

void MR_(mempool_init)(void)
{
   mr_pools = VG_(HT_construct)("memroot.pools");
}

/* Memcheck aborts on a second creation of a pool and on an auto-free pool
   that is not a metapool; memroot reports the request as illegal and
   ignores it, so the program goes on. */
void MR_(mempool_create)(ThreadId tid, Addr pool, UInt rzB, Bool is_zeroed,
                         UInt flags)
{
   MR_Mempool* mp;
   Bool        auto_free = (flags & VALGRIND_MEMPOOL_AUTO_FREE) != 0;
   Bool        metapool  = (flags & VALGRIND_MEMPOOL_METAPOOL) != 0;

   if (VG_(HT_lookup)(mr_pools, pool) != NULL || (auto_free && !metapool)) {
      MR_(record_illegal_mempool_error)(tid, pool);
      return;
   }
   mp = VG_(malloc)("memroot.pool", sizeof(MR_Mempool));
   mp->pool      = pool;
   mp->rzB       = rzB;
   mp->is_zeroed = is_zeroed;
   mp->auto_free = auto_free;
   mp->metapool  = metapool;
   mp->chunks    = VG_(HT_construct)("memroot.pool.chunks");
   VG_(HT_add_node)(mr_pools, mp);
}

static MR_Mempool* find_pool(ThreadId tid, Addr pool)
{
   MR_Mempool* mp = VG_(HT_lookup)(mr_pools, pool);
   if (mp == NULL)
      MR_(record_illegal_mempool_error)(tid, pool);
   return mp;
}

/* A destroyed pool's chunks vanish without counting as frees, as in
   Memcheck. */
void MR_(mempool_destroy)(ThreadId tid, Addr pool)
{
   MR_Mempool* mp = VG_(HT_remove)(mr_pools, pool);
   MR_Block*   b;

   if (mp == NULL) {
      MR_(record_illegal_mempool_error)(tid, pool);
      return;
   }
   VG_(HT_ResetIter)(mp->chunks);
   while ((b = VG_(HT_Next)(mp->chunks)) != NULL) {
      VG_(HT_remove_at_Iter)(mp->chunks);
      MR_(heap_shadow_discard)(b);
   }
   VG_(HT_destruct)(mp->chunks, NULL);
   VG_(free)(mp);
}

void MR_(mempool_alloc)(ThreadId tid, Addr pool, Addr addr, SizeT szB)
{
   MR_Mempool* mp = find_pool(tid, pool);
   if (mp != NULL
       && !MR_(record_fishy_extent_error)(tid, "VALGRIND_MEMPOOL_ALLOC", addr,
                                          szB))
      VG_(HT_add_node)(mp->chunks, MR_(heap_shadow_new)(tid, addr, szB));
}

/* Takes the chunk at addr out of pool, or reports why it cannot. */
static MR_Block* take_chunk(ThreadId tid, Addr pool, Addr addr,
                            MR_Mempool** pmp)
{
   MR_Block* b;
   *pmp = find_pool(tid, pool);
   if (*pmp == NULL)
      return NULL;
   b = VG_(HT_remove)((*pmp)->chunks, addr);
   if (b == NULL)
      MR_(record_free_error)(tid, addr);
   return b;
}

void MR_(mempool_free)(ThreadId tid, Addr pool, Addr addr)
{
   MR_Mempool* mp;
   MR_Block*   b = take_chunk(tid, pool, addr, &mp);

   if (b == NULL)
      return;
   if (mp->auto_free)
      MR_(heap_free_range)(tid, b->data, b->data + b->szB);
   MR_(heap_shadow_retire)(tid, b);
}

/* Keeps the chunks inside [addr, addr+szB), clips those that straddle
   its ends, and frees those wholly outside.  (Memcheck 3.19 clips a chunk
   that starts before the extent to the extent's length instead of the
   chunk's end; memroot keeps the true intersection.) */
void MR_(mempool_trim)(ThreadId tid, Addr pool, Addr addr, SizeT szB)
{
   MR_Mempool* mp = find_pool(tid, pool);
   MR_Block**  chunks;
   UInt        n, i;
   Addr        end = addr + szB;

   if (mp == NULL)
      return;
   chunks = (MR_Block**)VG_(HT_to_array)(mp->chunks, &n);
   for (i = 0; i < n; i++) {
      MR_Block* b     = chunks[i];
      Addr      lo    = b->data;
      Addr      b_end = b->data + b->szB;
      Addr      last  = b->szB == 0 ? lo : b_end - 1;
      Bool      lo_in = lo >= addr && lo < end;
      Bool      hi_in = last >= addr && last < end;

      if (lo_in && hi_in)
         continue;
      VG_(HT_remove)(mp->chunks, b->data);
      if (!lo_in && !hi_in) {
         MR_(heap_shadow_retire)(tid, b);
      } else {
         Addr new_lo = lo > addr ? lo : addr;
         Addr new_hi = b_end < end ? b_end : end;
         MR_(heap_shadow_move)(b, new_lo, new_hi - new_lo);
         VG_(HT_add_node)(mp->chunks, b);
      }
   }
   VG_(free)(chunks);
}

void MR_(mempool_move)(ThreadId tid, Addr pool_from, Addr pool_to)
{
   MR_Mempool* mp = VG_(HT_remove)(mr_pools, pool_from);
   if (mp == NULL) {
      MR_(record_illegal_mempool_error)(tid, pool_from);
      return;
   }
   mp->pool = pool_to;
   VG_(HT_add_node)(mr_pools, mp);
}

void MR_(mempool_change)(ThreadId tid, Addr pool, Addr addr_from,
                         Addr addr_to, SizeT szB)
{
   MR_Mempool* mp;
   MR_Block*   b;

   if (MR_(record_fishy_extent_error)(tid, "VALGRIND_MEMPOOL_CHANGE", addr_to,
                                      szB))
      return;
   b = take_chunk(tid, pool, addr_from, &mp);
   if (b == NULL)
      return;
   MR_(heap_shadow_move)(b, addr_to, szB);
   VG_(HT_add_node)(mp->chunks, b);
}

Bool MR_(mempool_exists)(Addr pool)
{
   return VG_(HT_lookup)(mr_pools, pool) != NULL;
}

MR_Block** MR_(mempool_all_blocks)(UInt* n_blocks, UInt* n_heap)
{
   MR_Mempool* mp;
   MR_Block*   b;
   MR_Block**  heap = MR_(heap_live_blocks)(n_heap);
   MR_Block**  all;
   UInt        n = *n_heap, i;

   VG_(HT_ResetIter)(mr_pools);
   while ((mp = VG_(HT_Next)(mr_pools)) != NULL)
      n += VG_(HT_count_nodes)(mp->chunks);
   *n_blocks = n;
   if (n == *n_heap)
      return heap;
   all = VG_(malloc)("memroot.pool.all", n * sizeof(MR_Block*));
   for (i = 0; i < *n_heap; i++)
      all[i] = heap[i];
   VG_(free)(heap);
   VG_(HT_ResetIter)(mr_pools);
   while ((mp = VG_(HT_Next)(mr_pools)) != NULL) {
      VG_(HT_ResetIter)(mp->chunks);
      while ((b = VG_(HT_Next)(mp->chunks)) != NULL)
         all[i++] = b;
   }
   return all;
}

Bool MR_(mempool_describe)(Addr a, Bool metapool, /*OUT*/AddrInfo* ai)
{
   MR_Mempool* mp;
   MR_Block*   b;

   VG_(HT_ResetIter)(mr_pools);
   while ((mp = VG_(HT_Next)(mr_pools)) != NULL) {
      if (mp->metapool != metapool)
         continue;
      VG_(HT_ResetIter)(mp->chunks);
      while ((b = VG_(HT_Next)(mp->chunks)) != NULL) {
         if (VG_(addr_is_in_block)(a, b->data, b->szB, mp->rzB)) {
            MR_(block_addrinfo)(a, b, Block_MempoolChunk, "block", ai);
            return True;
         }
      }
   }
   return False;
}
