/* memroot slots: the pointer-slot shadow.  For each 8-byte aligned word
   of client memory, whether a value that may point into the heap was
   stored there since that memory became live, and the id of the store
   site that did it (mr_storesites.h).

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_SLOTS_H
#define __MR_SLOTS_H

#include "mr_basics.h"
#include "pub_tool_tooliface.h"

/* The pointer range: every value a heap block has ever held the address
   of lies in [lo, hi).  Both 0 until the first allocation (an empty
   range); widened by every allocation, never narrowed.  The store filter
   of the instrumentation reads them.  Every value in the range has the
   bits of prefix where prefix_mask has them (the high bits lo and hi - 1
   share): a narrow store's filter needs no more. */
extern Addr MR_(ptr_lo), MR_(ptr_hi);
extern Addr MR_(ptr_prefix), MR_(ptr_prefix_mask);

/* Values in [lo, hi) may now be heap pointers. */
static inline void MR_(slots_widen_ptr_range)(Addr lo, Addr hi)
{
   Addr differ;
   if (MR_(ptr_hi) == 0 || lo < MR_(ptr_lo))
      MR_(ptr_lo) = lo;
   if (hi > MR_(ptr_hi))
      MR_(ptr_hi) = hi;
   differ = MR_(ptr_lo) ^ (MR_(ptr_hi) - 1);
   MR_(ptr_prefix_mask) = differ == 0 ? ~(Addr)0
                          : __builtin_clzl(differ) == 0 ? 0
                          : ~(Addr)0 << (64 - __builtin_clzl(differ));
   MR_(ptr_prefix) = MR_(ptr_lo) & MR_(ptr_prefix_mask);
}

void  MR_(slots_register_events)(void);

/* The store id of the word at a, which is 8-aligned: MR_STORE_NONE when
   unmarked. */
UInt  MR_(slot_store_id)(Addr a);
Bool  MR_(slot_is_marked)(Addr a);
/* Marks the word at a, 8-aligned, as written by store_id. */
void  MR_(slot_mark)(Addr a, UInt store_id);

/* realloc's copy keeps the marks (and their store sites). */
void  MR_(slots_copy)(Addr src, Addr dst, SizeT len);
/* Memory died, or a heap block was freed or made. */
void  MR_(slots_clear)(Addr a, SizeT len);

/* Calls f on each marked word overlapping [a, a+len), lowest first, with
   its store id; f must not mark or clear words.  For the origins, which
   look at the pointers a range held before it dies. */
void  MR_(slots_each_marked)(Addr a, SizeT len,
                             void (*f)(Addr w, UInt store_id, void* opaque),
                             void* opaque);
/* The same, unmarking each such word after f: one pass where memory dies. */
void  MR_(slots_clear_each)(Addr a, SizeT len,
                            void (*f)(Addr w, UInt store_id, void* opaque),
                            void* opaque);

/* The core or a system call wrote [a, a+len): marks the words holding a
   heap-range value (the event mr_slots.c registers; the origins wrap it). */
void  MR_(slots_post_mem_write)(CorePart part, ThreadId tid, Addr a,
                                SizeT len);

/* For mr_instrument.c only. */

/* The stack of the running thread (mr_slots.c): no word of it below lo
   is marked (lo 0: not known yet), and below lo - span, SP has left the
   stack lo lies in.  Instrumented code compares every new SP with them
   and calls MR_(helperc_sp_move) only when a marked word may die or the
   stack may have changed. */
typedef struct {
   Addr lo;
   Addr span;
} MR_StackMarks;
extern MR_StackMarks MR_(stack_marks);

/* SP moved from old_SP to new_SP: the stack below dead_below is dead
   (new_SP less the red zone; new_SP itself at a call or return). */
VG_REGPARM(3) void MR_(helperc_sp_move)(Addr old_SP, Addr new_SP,
                                        Addr dead_below);

/* Called after an 8-byte store to a: when a is aligned, the stored value
   is known to lie in the pointer range. */
VG_REGPARM(2) void MR_(helperc_store8)(Addr a, UWord store_id);
/* Called after any other store of len bytes at a: marks each word the
   store touched that now holds a value in the pointer range. */
VG_REGPARM(3) void MR_(helperc_store_range)(Addr a, UWord len,
                                            UWord store_id);

#endif
