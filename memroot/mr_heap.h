/* memroot heap: the shadow of every live heap block. */

#ifndef __MR_HEAP_H
#define __MR_HEAP_H

#include "mr_basics.h"
#include "pub_tool_execontext.h"

/* Which family of calls made a block; a free from another family is a
   mismatch. */
typedef enum {
   MR_AllocMalloc = 0,
   MR_AllocNew    = 1,
   MR_AllocNewVec = 2,
   MR_AllocCustom = 3
} MR_AllocKind;

/* One live heap block.  The first two fields are the VgHashNode header. */
typedef struct _MR_Block {
   struct _MR_Block* next;
   Addr              data;      /* start of the client's bytes */
   SizeT             szB;       /* the size the client asked for */
   ExeContext*       where;     /* allocation stack */
   UInt              kind;      /* MR_AllocKind */
} MR_Block;

/* Lowest block start and highest block end ever allocated: widened on
   every allocation, never narrowed.  The store filter reads them. */
extern Addr MR_(heap_lo), MR_(heap_hi);

void MR_(heap_init)(void);

/* Registers the malloc replacement with the core. */
void MR_(heap_needs_malloc_replacement)(void);

/* The live blocks sorted by start address; the caller frees the array
   with VG_(free). */
MR_Block** MR_(heap_sorted_blocks)(UInt* n_blocks);

/* How many frees so far: a leak check's view of the blocks is stale
   once this moves. */
ULong MR_(heap_n_frees)(void);

/* Memcheck's HEAP SUMMARY, printed at exit. */
void MR_(heap_print_summary)(void);

#endif
