/* memroot heap: the shadow of every live heap block. */

#ifndef __MR_HEAP_H
#define __MR_HEAP_H

#include "mr_basics.h"
#include "pub_tool_execontext.h"
#include "pub_tool_xarray.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_addrinfo.h"
#include "pub_tool_hashtable.h"

/* Which family of calls made a block; a free from another family is a
   mismatch. */
typedef enum {
   MR_AllocMalloc = 0,
   MR_AllocNew    = 1,
   MR_AllocNewVec = 2,
   MR_AllocCustom = 3
} MR_AllocKind;

/* One heap block, live or recently freed.  The first two fields are the
   VgHashNode header.  A live block is in a block table (the heap's, or a
   memory pool's); a freed one is in the freed queue, linked by `next`. */
typedef struct _MR_Block {
   struct _MR_Block* next;
   Addr              data;      /* start of the client's bytes */
   /* Bit-fields, as in Memcheck's chunk: give printf (SizeT)b->szB. */
   SizeT             szB  : sizeof(SizeT) * 8 - 2; /* the size asked for */
   SizeT             kind : 2;  /* MR_AllocKind */
   ExeContext*       where;     /* allocation stack */
   union {
      ULong       birth;        /* live: bytes allocated before it */
      ExeContext* freed_at;     /* freed: the stack that freed it */
   } u;
} MR_Block;

/* One shadow per live block: its size is the tool's memory per block
   (docs/heap.md). */
STATIC_ASSERT(sizeof(MR_Block) == 5 * sizeof(void*));
/* Lowest block start and highest block end ever allocated: widened on
   every allocation, never narrowed.  The store filter reads them. */
extern Addr MR_(heap_lo), MR_(heap_hi);

void MR_(heap_init)(void);

/* Registers the malloc replacement with the core. */
void MR_(heap_needs_malloc_replacement)(void);

/* Options of the heap: --freelist-vol, --freelist-big-blocks. */
Bool MR_(heap_process_cmd_line_option)(const HChar* arg);
void MR_(heap_print_usage)(void);

/* The blocks a leak check considers, sorted by start address, as
   Memcheck chooses them: every memory-pool chunk, and every other block
   that does not hold a pool chunk.  Like Memcheck, none when no block is
   allocated outside pools.  The caller frees the array with VG_(free). */
MR_Block** MR_(heap_sorted_blocks)(UInt* n_blocks);

/* The index of the block of sorted blocks[0..n) holding a, or -1.  A
   zero-sized block holds its own address, so a pointer to it finds it. */
Int MR_(heap_find_block)(Addr a, MR_Block** blocks, Int n);

/* How many frees so far: a leak check's view of the blocks is stale
   once this moves. */
ULong MR_(heap_n_frees)(void);

/* Memcheck's HEAP SUMMARY, printed at exit. */
void MR_(heap_print_summary)(void);

/* Bytes allocated so far: the profile's clock. */
ULong MR_(heap_bytes_allocated)(void);

/* Live blocks outside memory pools, for whole-heap reports. */
VgHashTable* MR_(heap_blocks)(void);

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

/* Fills ai for the block b, at offset `a - b->data`. */
void MR_(heap_fill_addrinfo)(Addr a, const MR_Block* b, BlockKind bk,
                             const HChar* desc, /*OUT*/AddrInfo* ai);

#endif
