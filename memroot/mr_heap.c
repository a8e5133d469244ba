/* memroot heap: replaces the client's allocator and keeps one shadow
   record per live block, with Memcheck's heap totals. */

#include "pub_tool_hashtable.h"
#include "pub_tool_replacemalloc.h"
#include "pub_tool_tooliface.h"
#include "mr_heap.h"
#include "mr_slots.h"

/* Same redzone as Memcheck: a pointer one past the end of a block then
   lands in a redzone, never in the next block, as it does under Memcheck. */
#define MR_MALLOC_REDZONE_SZB 16

static VgHashTable* mr_blocks;

/* Both 0 until the first allocation: an empty range. */
Addr MR_(heap_lo) = 0;
Addr MR_(heap_hi) = 0;

/* Memcheck's HEAP SUMMARY counters: a realloc counts as one alloc and one
   free, a free counts even when it is invalid. */
static ULong mr_n_allocs;
static ULong mr_n_frees;
static ULong mr_bytes_allocated;

void MR_(heap_init)(void)
{
   mr_blocks = VG_(HT_construct)("memroot.blocks");
}

static MR_Block* add_block(ThreadId tid, Addr p, SizeT szB, MR_AllocKind kind)
{
   MR_Block* b = VG_(malloc)("memroot.block", sizeof(MR_Block));
   b->data  = p;
   b->szB   = szB;
   b->kind  = kind;
   b->where = VG_(record_ExeContext)(tid, 0);
   VG_(HT_add_node)(mr_blocks, b);
   if (MR_(heap_hi) == 0 || p < MR_(heap_lo))
      MR_(heap_lo) = p;
   if (p + szB > MR_(heap_hi))
      MR_(heap_hi) = p + szB;
   return b;
}

static void* new_block(ThreadId tid, SizeT szB, SizeT alignB, Bool zeroed,
                       MR_AllocKind kind)
{
   Addr p = (Addr)VG_(cli_malloc)(alignB, szB);
   if (p == 0)
      return NULL;
   if (zeroed)
      VG_(memset)((void*)p, 0, szB);
   mr_n_allocs++;
   mr_bytes_allocated += szB;
   add_block(tid, p, szB, kind);
   return (void*)p;
}

static void handle_free(ThreadId tid, Addr p, MR_AllocKind kind)
{
   MR_Block* b;
   mr_n_frees++;
   b = VG_(HT_remove)(mr_blocks, p);
   if (b == NULL)
      return;
   MR_(slots_clear)(p, b->szB);
   VG_(cli_free)((void*)p);
   VG_(free)(b);
}

static void* mr_malloc(ThreadId tid, SizeT n)
{
   return new_block(tid, n, VG_(clo_alignment), False, MR_AllocMalloc);
}

static void* mr_builtin_new(ThreadId tid, SizeT n)
{
   return new_block(tid, n, VG_(clo_alignment), False, MR_AllocNew);
}

static void* mr_builtin_new_aligned(ThreadId tid, SizeT n, SizeT alignB)
{
   return new_block(tid, n, alignB, False, MR_AllocNew);
}

static void* mr_builtin_vec_new(ThreadId tid, SizeT n)
{
   return new_block(tid, n, VG_(clo_alignment), False, MR_AllocNewVec);
}

static void* mr_builtin_vec_new_aligned(ThreadId tid, SizeT n, SizeT alignB)
{
   return new_block(tid, n, alignB, False, MR_AllocNewVec);
}

static void* mr_memalign(ThreadId tid, SizeT alignB, SizeT n)
{
   return new_block(tid, n, alignB, False, MR_AllocMalloc);
}

static void* mr_calloc(ThreadId tid, SizeT nmemb, SizeT size1)
{
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

/* The preload turns realloc(NULL, n) into malloc and realloc(p, 0) into
   free, so here p != NULL and new_szB > 0.  The block always moves, as
   under Memcheck. */
static void* mr_realloc(ThreadId tid, void* p_old, SizeT new_szB)
{
   MR_Block* old;
   Addr      p_new;

   /* Memcheck counts a realloc before it knows whether it succeeds. */
   mr_n_frees++;
   mr_n_allocs++;
   mr_bytes_allocated += new_szB;
   old = VG_(HT_lookup)(mr_blocks, (Addr)p_old);
   if (old == NULL)
      return NULL;
   p_new = (Addr)VG_(cli_malloc)(VG_(clo_alignment), new_szB);
   if (p_new == 0)
      return NULL;
   VG_(memcpy)((void*)p_new, p_old,
               old->szB < new_szB ? old->szB : new_szB);
   MR_(slots_copy)((Addr)p_old, p_new,
                   old->szB < new_szB ? old->szB : new_szB);
   MR_(slots_clear)((Addr)p_old, old->szB);
   add_block(tid, p_new, new_szB, MR_AllocMalloc);
   VG_(HT_remove)(mr_blocks, (Addr)p_old);
   VG_(cli_free)(p_old);
   VG_(free)(old);
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

static Int cmp_block_ptrs(const void* a, const void* b)
{
   Addr x = (*(const MR_Block* const*)a)->data;
   Addr y = (*(const MR_Block* const*)b)->data;
   return x < y ? -1 : x > y ? 1 : 0;
}

MR_Block** MR_(heap_sorted_blocks)(UInt* n_blocks)
{
   MR_Block** blocks = (MR_Block**)VG_(HT_to_array)(mr_blocks, n_blocks);
   VG_(ssort)(blocks, *n_blocks, sizeof(MR_Block*), cmp_block_ptrs);
   return blocks;
}

ULong MR_(heap_n_frees)(void)
{
   return mr_n_frees;
}

void MR_(heap_print_summary)(void)
{
   MR_Block* b;
   ULong     n_blocks = 0, n_bytes = 0;

   VG_(HT_ResetIter)(mr_blocks);
   while ((b = VG_(HT_Next)(mr_blocks)) != NULL) {
      n_blocks++;
      n_bytes += b->szB;
   }
   VG_(umsg)("HEAP SUMMARY:\n"
             "    in use at exit: %'llu bytes in %'llu blocks\n"
             "  total heap usage: %'llu allocs, %'llu frees, "
             "%'llu bytes allocated\n"
             "\n",
             n_bytes, n_blocks, mr_n_allocs, mr_n_frees, mr_bytes_allocated);
}
