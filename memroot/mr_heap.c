/* memroot heap: replaces the client's allocator and keeps one shadow
   record per live block, with Memcheck's heap totals; freed blocks wait in
   a bounded queue before their memory is reused, so a second free or a
   free of a moved block can still be described.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_hashtable.h"
#include "pub_tool_options.h"
#include "pub_tool_poolalloc.h"
#include "pub_tool_replacemalloc.h"
#include "pub_tool_stacktrace.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_tooliface.h"
#include "mr_account.h"
#include "mr_errors.h"
#include "mr_heap.h"
#include "mr_memscan.h"
#include "mr_origins.h"
#include "mr_slots.h"
#include "mr_vgcompat.h"

/* memroot checks no access, so blocks need no redzone (--redzone-size
   gives one): the allocator's own bookkeeping keeps at least 16 bytes
   between two blocks, so a pointer up to 15 bytes past a block's end never
   points into the next one.  No redzone keeps the heap as dense as under
   Massif, for the program's caches and for memroot's peak. */
#define MR_MALLOC_REDZONE_SZB 0

/* An address this close to a block is described against it, in
   Memcheck's words ("16 bytes after a block of size 8"). */
#define MR_DESCRIBE_SLACK_SZB 16

/* The most frames --num-callers allows. */
#define MR_MAX_CALLERS 500

static VgHashTable*  mr_blocks;
static PoolAlloc*    mr_block_pool;
static MR_HeapParams mr_params;
static ULong         next_snapshot;   /* bytes allocated */

/* Valgrind's allocator aligns to at most 16 MiB (and panics beyond).  A
   bigger alignment, which the C library grants, is carved out of a
   bigger block; the table maps each such block to the start of its
   memory, for the release. */
#define MR_MAX_ARENA_ALIGN (16 * 1024 * 1024)
typedef struct _OverAligned {
   struct _OverAligned* next;
   Addr                 data;   /* hash key: the block handed out */
   Addr                 base;   /* what VG_(cli_malloc) returned */
} OverAligned;
static VgHashTable* over_aligned;

/* Memcheck's HEAP SUMMARY counters: a realloc counts as one alloc and one
   free, a free counts even when it is invalid. */
static ULong mr_n_allocs;
static ULong mr_n_frees;
static ULong mr_bytes_allocated;

/* The freed queue, as Memcheck's: blocks of at least freelist_big_blocks
   bytes in queue 0, others in queue 1; the oldest are released (their
   memory given back) once the queued volume passes freelist_vol. */
static MR_Block* freed_first[2];
static MR_Block* freed_last[2];
static Long      freed_volume;

void MR_(heap_init)(const MR_HeapParams* p)
{
   mr_params = *p;
   tl_assert(p->snapshot_every == 0 || p->snapshot != NULL);
   next_snapshot = p->snapshot_every;
   mr_blocks = VG_(HT_construct)("memroot.blocks");
   over_aligned = VG_(HT_construct)("memroot.overaligned");
   mr_block_pool = VG_(newPA)(sizeof(MR_Block), 4096, VG_(malloc),
                              "memroot.block", VG_(free));
}

ULong MR_(heap_bytes_allocated)(void)
{
   return mr_bytes_allocated;
}

MR_Block** MR_(heap_live_blocks)(UInt* n_blocks)
{
   return (MR_Block**)VG_(HT_to_array)(mr_blocks, n_blocks);
}

static void release_memory(Addr data)
{
   if (UNLIKELY(VG_(HT_count_nodes)(over_aligned) > 0)) {
      OverAligned* oa = VG_(HT_remove)(over_aligned, data);
      if (oa != NULL) {
         data = oa->base;
         VG_(free)(oa);
      }
   }
   VG_(cli_free)((void*)data);
}

static void release_oldest_blocks(void)
{
   Int q;
   for (q = 0; q < 2; q++) {
      while (freed_volume > mr_params.freelist_vol && freed_first[q] != NULL) {
         MR_Block* b = freed_first[q];
         freed_first[q] = b->next;
         if (freed_first[q] == NULL)
            freed_last[q] = NULL;
         freed_volume -= (Long)b->szB;
         /* Custom blocks' memory belongs to the client's allocator. */
         if (b->kind != MR_AllocCustom)
            release_memory(b->data);
         VG_(freeEltPA)(mr_block_pool, b);
      }
   }
}

static void add_to_freed_queue(MR_Block* b)
{
   Int q = (Long)b->szB >= mr_params.freelist_big_blocks ? 0 : 1;
   if (freed_last[q] == NULL) {
      b->next = NULL;
      freed_first[q] = freed_last[q] = b;
   } else if ((Long)b->szB >= mr_params.freelist_vol) {
      /* It would be released at once: put it first in line. */
      b->next = freed_first[q];
      freed_first[q] = b;
   } else {
      b->next = NULL;
      freed_last[q]->next = b;
      freed_last[q] = b;
   }
   freed_volume += (Long)b->szB;
}

static void count_alloc(SizeT szB)
{
   mr_n_allocs++;
   mr_bytes_allocated += szB;
}

/* Releasing waits for the next allocation, as in Memcheck, so a freed
   block stays described as long as possible. */
static MR_Block* shadow_new(ThreadId tid, Addr p, SizeT szB, MR_AllocKind kind)
{
   MR_Block* b = VG_(allocEltPA)(mr_block_pool);
   b->data         = p;
   b->szB          = szB;
   b->kind         = kind;
   b->allocated_at = VG_(record_ExeContext)(tid, 0);
   b->u.birth      = mr_bytes_allocated;
   count_alloc(szB);
   /* A custom block may be memory the program used before it described
      it: pointers to it may be stored already. */
   if (kind == MR_AllocCustom)
      MR_(admit_custom_block)(p, szB);
   else
      MR_(slots_widen_ptr_range)(p, p + szB + 1);
   /* New memory holds no pointer yet, whatever it held before. */
   MR_(slots_clear)(p, szB);
   if (UNLIKELY(MR_(origins_on)))
      MR_(origins_block_new)(p, b->allocated_at);
   if (mr_params.account)
      MR_(account_alloc)(b->allocated_at, szB, mr_bytes_allocated);
   if (freed_volume > mr_params.freelist_vol)
      release_oldest_blocks();
   return b;
}

MR_Block* MR_(heap_shadow_new)(ThreadId tid, Addr p, SizeT szB)
{
   return shadow_new(tid, p, szB, MR_AllocCustom);
}

/* Unwinding is most of what a free costs, and what a report of a second
   free needs is who freed first: the first --free-callers frames. */
static ExeContext* free_stack(ThreadId tid)
{
   Addr ips[MR_MAX_CALLERS];
   UInt n;
   if (mr_params.free_callers >= VG_(clo_backtrace_size))
      return VG_(record_ExeContext)(tid, 0);
   n = VG_(get_StackTrace)(tid, ips, mr_params.free_callers, NULL, NULL, 0);
   return VG_(make_ExeContext_from_StackTrace)(ips, n);
}

void MR_(heap_shadow_retire)(ThreadId tid, MR_Block* b)
{
   ExeContext* freed_at = free_stack(tid);
   if (mr_params.account)
      MR_(account_free)(b->allocated_at, b->szB, freed_at);
   if (UNLIKELY(MR_(origins_on)))
      MR_(origins_block_freed)(b->data, b->szB);
   /* Freed memory holds no live pointer.  A heap block's is scanned by
      nothing until it is allocated again, and cleared then (shadow_new);
      a custom block's may be scanned with the block that holds it, and
      the origins' store helpers read the marks of whatever is written. */
   if (b->kind == MR_AllocCustom || UNLIKELY(MR_(origins_on)))
      MR_(slots_clear)(b->data, b->szB);
   b->u.freed_at = freed_at;
   add_to_freed_queue(b);
}

void MR_(heap_shadow_discard)(MR_Block* b)
{
   if (UNLIKELY(MR_(origins_on)))
      MR_(origins_block_freed)(b->data, b->szB);
   if (mr_params.account)
      MR_(account_free)(b->allocated_at, b->szB, NULL);
   VG_(freeEltPA)(mr_block_pool, b);
}

void MR_(heap_shadow_move)(MR_Block* b, Addr p, SizeT szB)
{
   if (mr_params.account)
      MR_(account_resize)(b->allocated_at, b->szB, szB, mr_bytes_allocated);
   /* Only custom blocks move: a pool chunk may move anywhere. */
   MR_(admit_custom_block)(p, szB);
   b->data = p;
   b->szB  = szB;
}

/* Client memory of szB bytes aligned to alignB, or 0 where the C library
   fails: an alignment that is not a power of two (EINVAL), or memory
   there is not (ENOMEM).  Either way the program goes on. */
static Addr client_memory(SizeT alignB, SizeT szB)
{
   Addr         base;
   OverAligned* oa;

   if (alignB == 0 || (alignB & (alignB - 1)) != 0)
      return 0;
   if (alignB < VG_(clo_alignment))
      alignB = VG_(clo_alignment);
   if (alignB <= MR_MAX_ARENA_ALIGN)
      return (Addr)VG_(cli_malloc)(alignB, szB);
   if (szB > ~(SizeT)0 - alignB)
      return 0;
   base = (Addr)VG_(cli_malloc)(VG_(clo_alignment), szB + alignB);
   if (base == 0)
      return 0;
   oa = VG_(malloc)("memroot.overaligned.node", sizeof(OverAligned));
   oa->data = VG_ROUNDUP(base, alignB);
   oa->base = base;
   VG_(HT_add_node)(over_aligned, oa);
   return oa->data;
}

static void* new_block(ThreadId tid, SizeT szB, SizeT alignB, Bool zeroed,
                       MR_AllocKind kind)
{
   Addr p = client_memory(alignB, szB);
   if (p == 0)
      return NULL;
   if (zeroed)
      VG_(memset)((void*)p, 0, szB);
   VG_(HT_add_node)(mr_blocks, shadow_new(tid, p, szB, kind));
   if (mr_params.snapshot_every != 0 && mr_bytes_allocated >= next_snapshot) {
      /* The block is in the table and holds no pointer yet. */
      next_snapshot = mr_bytes_allocated + mr_params.snapshot_every;
      mr_params.snapshot();
   }
   return (void*)p;
}

/* While the mismatch is reported (and a debugger attached through
   --vgdb-error may inspect the heap), the block is still live: put it back
   in the table for that time. */
static void report_mismatch(ThreadId tid, MR_Block* b)
{
   if (!mr_params.show_mismatched_frees)
      return;
   VG_(HT_add_node)(mr_blocks, b);
   MR_(record_freemismatch_error)(tid, b);
   VG_(HT_remove)(mr_blocks, b->data);
}

static void handle_free(ThreadId tid, Addr p, MR_AllocKind kind)
{
   MR_Block* b;
   mr_n_frees++;
   b = VG_(HT_remove)(mr_blocks, p);
   if (b == NULL) {
      MR_(record_free_error)(tid, p);
      return;
   }
   if (b->kind != kind)
      report_mismatch(tid, b);
   MR_(heap_shadow_retire)(tid, b);
}

/* Every allocator checks its size as Memcheck does: a size that is
   negative as a signed number is reported and the call fails. */
#define FISHY(fn, arg, v) MR_(record_fishy_value_error)(tid, fn, arg, v)

static void* mr_malloc(ThreadId tid, SizeT n)
{
   if (FISHY("malloc", "size", n))
      return NULL;
   return new_block(tid, n, VG_(clo_alignment), False, MR_AllocMalloc);
}

static void* mr_builtin_new(ThreadId tid, SizeT n)
{
   if (FISHY("__builtin_new", "size", n))
      return NULL;
   return new_block(tid, n, VG_(clo_alignment), False, MR_AllocNew);
}

static void* mr_builtin_new_aligned(ThreadId tid,
                                    MR_VG_ALIGNED_NEW_PARAMS(n, alignB))
{
   if (FISHY("__builtin_new_aligned", "size", n))
      return NULL;
   return new_block(tid, n, alignB, False, MR_AllocNew);
}

static void* mr_builtin_vec_new(ThreadId tid, SizeT n)
{
   if (FISHY("__builtin_vec_new", "size", n))
      return NULL;
   return new_block(tid, n, VG_(clo_alignment), False, MR_AllocNewVec);
}

static void* mr_builtin_vec_new_aligned(ThreadId tid,
                                        MR_VG_ALIGNED_NEW_PARAMS(n, alignB))
{
   if (FISHY("__builtin_vec_new_aligned", "size", n))
      return NULL;
   return new_block(tid, n, alignB, False, MR_AllocNewVec);
}

static void* mr_memalign(ThreadId tid, MR_VG_MEMALIGN_PARAMS(alignB, n))
{
   if (FISHY("memalign", "size", n))
      return NULL;
   return new_block(tid, n, alignB, False, MR_AllocMalloc);
}

/* The preload has already refused products that overflow. */
static void* mr_calloc(ThreadId tid, SizeT nmemb, SizeT size1)
{
   if (FISHY("calloc", "nmemb", nmemb) || FISHY("calloc", "size", size1))
      return NULL;
   return new_block(tid, nmemb * size1, VG_(clo_alignment), True,
                    MR_AllocMalloc);
}

static void mr_free(ThreadId tid, void* p)
{
   handle_free(tid, (Addr)p, MR_AllocMalloc);
}

static void mr_builtin_delete(ThreadId tid, void* p)
{
   handle_free(tid, (Addr)p, MR_AllocNew);
}

static void mr_builtin_delete_aligned(ThreadId tid, void* p, SizeT alignB)
{
   handle_free(tid, (Addr)p, MR_AllocNew);
}

static void mr_builtin_vec_delete(ThreadId tid, void* p)
{
   handle_free(tid, (Addr)p, MR_AllocNewVec);
}

static void mr_builtin_vec_delete_aligned(ThreadId tid, void* p, SizeT alignB)
{
   handle_free(tid, (Addr)p, MR_AllocNewVec);
}

/* realloc(NULL, n) and realloc(p, 0) are malloc and free, done by the
   preload or here depending on the release (mr_vgcompat.h).  Otherwise the
   block always moves, as under Memcheck. */
static void* mr_realloc(ThreadId tid, void* p_old, SizeT new_szB)
{
   MR_Block* old;
   Addr      p_new;

   if (FISHY("realloc", "size", new_szB))
      return NULL;
   switch (MR_(vg_realloc_case)(p_old, &new_szB)) {
      case MR_ReallocMalloc:
         return new_block(tid, new_szB, VG_(clo_alignment), False,
                          MR_AllocMalloc);
      case MR_ReallocFree:
         handle_free(tid, (Addr)p_old, MR_AllocMalloc);
         return NULL;
      case MR_ReallocMove:
         break;
   }
   /* Memcheck counts a realloc as a free and an alloc even when it
      fails. */
   mr_n_frees++;
   old = VG_(HT_remove)(mr_blocks, (Addr)p_old);
   if (old == NULL) {
      count_alloc(new_szB);
      MR_(record_free_error)(tid, (Addr)p_old);
      return NULL;
   }
   if (old->kind != MR_AllocMalloc)
      report_mismatch(tid, old);
   p_new = client_memory(VG_(clo_alignment), new_szB);
   if (p_new == 0) {
      count_alloc(new_szB);
      VG_(HT_add_node)(mr_blocks, old);
      return NULL;
   }
   VG_(memcpy)((void*)p_new, p_old,
               old->szB < new_szB ? old->szB : new_szB);
   VG_(HT_add_node)(mr_blocks, shadow_new(tid, p_new, new_szB,
                                          MR_AllocMalloc));
   /* The copy keeps the pointers it copied, and where they were stored. */
   MR_(slots_copy)((Addr)p_old, p_new,
                   old->szB < new_szB ? old->szB : new_szB);
   if (UNLIKELY(MR_(origins_on)))
      MR_(origins_copy)((Addr)p_old, p_new,
                        old->szB < new_szB ? old->szB : new_szB);
   MR_(heap_shadow_retire)(tid, old);
   return (void*)p_new;
}

static SizeT mr_malloc_usable_size(ThreadId tid, void* p)
{
   MR_Block* b = VG_(HT_lookup)(mr_blocks, (Addr)p);
   /* Only the asked-for bytes are the client's to use. */
   return b ? b->szB : 0;
}

void MR_(heap_needs_malloc_replacement)(void)
{
   VG_(needs_malloc_replacement)(
      mr_malloc,
      mr_builtin_new,
      mr_builtin_new_aligned,
      mr_builtin_vec_new,
      mr_builtin_vec_new_aligned,
      mr_memalign,
      mr_calloc,
      mr_free,
      mr_builtin_delete,
      mr_builtin_delete_aligned,
      mr_builtin_vec_delete,
      mr_builtin_vec_delete_aligned,
      mr_realloc,
      mr_malloc_usable_size,
      MR_MALLOC_REDZONE_SZB);
}

/* A block the client describes must be a block: a size negative as a
   signed number, or one running past the address space, is reported and
   the request ignored (an unbounded block would make the leak search
   scan forever). */
void MR_(heap_malloclike)(ThreadId tid, Addr p, SizeT szB)
{
   if (FISHY("VALGRIND_MALLOCLIKE_BLOCK", "size", szB)
       || MR_(record_fishy_extent_error)(tid, "VALGRIND_MALLOCLIKE_BLOCK", p,
                                         szB))
      return;
   VG_(HT_add_node)(mr_blocks, shadow_new(tid, p, szB, MR_AllocCustom));
}

void MR_(heap_freelike)(ThreadId tid, Addr p)
{
   handle_free(tid, p, MR_AllocCustom);
}

/* Memcheck rejects a resize of an unknown block, one whose old size is
   wrong, or one to size 0, as an invalid free. */
void MR_(heap_resize_in_place)(ThreadId tid, Addr p, SizeT old_szB,
                               SizeT new_szB)
{
   MR_Block* b = VG_(HT_lookup)(mr_blocks, p);
   if (b == NULL || b->szB != old_szB || new_szB == 0) {
      MR_(record_free_error)(tid, p);
      return;
   }
   if (FISHY("VALGRIND_RESIZEINPLACE_BLOCK", "size", new_szB)
       || MR_(record_fishy_extent_error)(tid, "VALGRIND_RESIZEINPLACE_BLOCK",
                                         p, new_szB))
      return;
   MR_(heap_shadow_move)(b, p, new_szB);
}

void MR_(heap_free_range)(ThreadId tid, Addr start, Addr end)
{
   MR_Block* b;
   VG_(HT_ResetIter)(mr_blocks);
   while ((b = VG_(HT_Next)(mr_blocks)) != NULL) {
      if (b->data >= start && b->data + b->szB <= end) {
         VG_(HT_remove_at_Iter)(mr_blocks);
         MR_(heap_shadow_retire)(tid, b);
      }
   }
}

static MR_Block* freed_block_holding(Addr a)
{
   Int q;
   for (q = 0; q < 2; q++) {
      MR_Block* b;
      for (b = freed_first[q]; b != NULL; b = b->next)
         if (VG_(addr_is_in_block)(a, b->data, b->szB, MR_DESCRIBE_SLACK_SZB))
            return b;
   }
   return NULL;
}

/* Live blocks first: a recently freed block may have been re-allocated. */
Bool MR_(heap_describe)(Addr a, /*OUT*/AddrInfo* ai)
{
   MR_Block* b;
   VG_(HT_ResetIter)(mr_blocks);
   while ((b = VG_(HT_Next)(mr_blocks)) != NULL) {
      if (VG_(addr_is_in_block)(a, b->data, b->szB, MR_DESCRIBE_SLACK_SZB)) {
         MR_(block_addrinfo)(a, b, Block_Mallocd,
                             freed_block_holding(a)
                                ? "recently re-allocated block" : "block",
                             ai);
         return True;
      }
   }
   b = freed_block_holding(a);
   if (b == NULL)
      return False;
   MR_(block_addrinfo)(a, b, Block_Freed, "block", ai);
   return True;
}

ULong MR_(heap_n_frees)(void)
{
   return mr_n_frees;
}

void MR_(heap_totals)(MR_HeapTotals* t)
{
   MR_Block* b;
   t->in_use_bytes = t->in_use_blocks = 0;
   VG_(HT_ResetIter)(mr_blocks);
   while ((b = VG_(HT_Next)(mr_blocks)) != NULL) {
      t->in_use_blocks++;
      t->in_use_bytes += b->szB;
   }
   t->allocs          = mr_n_allocs;
   t->frees           = mr_n_frees;
   t->bytes_allocated = mr_bytes_allocated;
}

void MR_(heap_print_summary)(void)
{
   MR_HeapTotals t;
   MR_(heap_totals)(&t);
   VG_(umsg)("HEAP SUMMARY:\n"
             "    in use at exit: %'llu bytes in %'llu blocks\n"
             "  total heap usage: %'llu allocs, %'llu frees, "
             "%'llu bytes allocated\n"
             "\n",
             t.in_use_bytes, t.in_use_blocks, t.allocs, t.frees,
             t.bytes_allocated);
}
