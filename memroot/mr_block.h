/* memroot block: the shadow record of one heap block, which the heap,
   the memory pools, the profile and the leak check share.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_BLOCK_H
#define __MR_BLOCK_H

#include "mr_basics.h"
#include "pub_tool_execontext.h"

/* Which family of calls made a block; a free from another family is a
   mismatch.  Custom blocks are the client's own allocator's: pool chunks
   and VALGRIND_MALLOCLIKE_BLOCK blocks. */
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
   ExeContext*       allocated_at;
   union {
      ULong       birth;        /* live: bytes allocated before it */
      ExeContext* freed_at;     /* freed: the stack that freed it */
   } u;
} MR_Block;

/* One shadow per live block: its size is the tool's memory per block
   (docs/heap.md). */
STATIC_ASSERT(sizeof(MR_Block) == 5 * sizeof(void*));

/* The end of the bytes a pointer can point into: a zero-sized block still
   holds its own address, so that a pointer to it reaches it, as under
   Memcheck. */
static inline Addr MR_(block_end)(const MR_Block* b)
{
   return b->data + (b->szB == 0 ? 1 : b->szB);
}

#endif
