/* memroot slots: the pointer-slot shadow.  Updated by the store helpers
   the instrumentation calls and by Valgrind's memory events; read by the
   leak checker.  See docs/pointer-tracking.md.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_aspacemgr.h"
#include "pub_tool_machine.h"
#include "pub_tool_options.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_tooliface.h"
#include "pub_tool_vki.h"
#include "mr_slots.h"
#include "mr_storesites.h"
#include "mr_vgcompat.h"

/* The shadow is a three-level sparse map over the 48-bit user address
   space: a static top level indexed by bits 47..32, middle maps indexed by
   bits 31..16, and secondaries holding one store id (0 = unmarked) per
   word of a 64 KiB chunk.  Middle maps and secondaries are made only when
   a word in their range is first marked, so memory that never holds a
   heap pointer costs nothing.

   A chunk's pointers are usually stored by few instructions (a heap chunk
   holds objects of a few kinds): a secondary starts narrow, a byte per
   word indexing its own table of up to 255 store ids, an eighth of the
   chunk's size.  When a 256th id is needed, the ids no word uses any more
   are dropped; if that frees fewer than a quarter, the secondary becomes
   wide, a store id per word (half the chunk's size): stacks, and data
   written from many places. */
#define SEC_SHIFT     16
#define SEC_BYTES     (1UL << SEC_SHIFT)
#define SEC_WORDS     (SEC_BYTES / 8)
#define MID_SHIFT     32
#define MID_ENTRIES   (1UL << (MID_SHIFT - SEC_SHIFT))
#define TOP_ENTRIES   (MR_ADDR_LIMIT >> MID_SHIFT)
#define ADDR_LIMIT    MR_ADDR_LIMIT

#define NARROW_IDS    255
#define HASH_SLOTS    512           /* open addressing, at most half full */

typedef struct {
   UInt  n_ids;
   UInt  last_id, last_idx;          /* the last id stored, and its index */
   UInt  ids[NARROW_IDS];            /* index i stands for ids[i - 1] */
   UChar by_hash[HASH_SLOTS];        /* indexes by their ids' hash; 0: free */
   UChar idx[SEC_WORDS];             /* 0: unmarked */
} NarrowSec;

typedef struct { UInt store[SEC_WORDS]; } WideSec;

/* The stack SP lies in: the running thread's, whole (the main stack as
   far as it may grow); else a registered one; else SP's mapping. */
typedef struct {
   Addr lo, hi;
   Bool registered;
} StackRegion;

/* The running thread's stack (below, with the stack marks). */
static StackRegion cur_region;

/* A middle map's entry: a NarrowSec*, or a WideSec* with bit 0 set. */
typedef struct { UWord sec[MID_ENTRIES]; } MidMap;

static MidMap* top_map[TOP_ENTRIES];

/* Fresh anonymous pages: zero, and not resident until touched. */
static void* shadow_alloc(SizeT szB)
{
   return MR_(vg_shadow_alloc)("memroot.slots", szB);
}

/* Narrow secondaries are carved from batches; a narrow one made wide goes
   back on a free list (zeroed: a new one must be). */
#define NARROW_BATCH 64
static NarrowSec* free_narrow;

static NarrowSec* narrow_new(void)
{
   NarrowSec* n;
   if (free_narrow == NULL) {
      NarrowSec* batch = shadow_alloc(NARROW_BATCH * sizeof(NarrowSec));
      Int i;
      for (i = 0; i < NARROW_BATCH; i++) {
         *(NarrowSec**)&batch[i] = free_narrow;
         free_narrow = &batch[i];
      }
   }
   n = free_narrow;
   free_narrow = *(NarrowSec**)n;
   *(NarrowSec**)n = NULL;
   return n;
}

static void narrow_free(NarrowSec* n)
{
   VG_(memset)(n, 0, sizeof(NarrowSec));
   *(NarrowSec**)n = free_narrow;
   free_narrow = n;
}

static inline Bool is_wide(UWord e)
{
   return (e & 1) != 0;
}

static inline WideSec* wide_of(UWord e)
{
   return (WideSec*)(e & ~(UWord)1);
}

static inline UWord word_index(Addr a)
{
   return (a >> 3) & (SEC_WORDS - 1);
}

static inline UWord* sec_slot(Addr a, Bool make)
{
   MidMap** mid;
   if (UNLIKELY(a >= ADDR_LIMIT))
      return NULL;
   mid = &top_map[a >> MID_SHIFT];
   if (UNLIKELY(*mid == NULL)) {
      if (!make)
         return NULL;
      *mid = shadow_alloc(sizeof(MidMap));
   }
   return &(*mid)->sec[(a >> SEC_SHIFT) & (MID_ENTRIES - 1)];
}

/* The secondary of a's chunk: 0 when none. */
static inline UWord sec_get(Addr a)
{
   UWord* e = sec_slot(a, False);
   return e ? *e : 0;
}

static inline UInt sec_load(UWord e, UWord i)
{
   if (is_wide(e))
      return wide_of(e)->store[i];
   {
      const NarrowSec* n = (const NarrowSec*)e;
      return n->idx[i] == 0 ? MR_STORE_NONE : n->ids[n->idx[i] - 1];
   }
}

static inline UWord id_hash(UInt id)
{
   return (id * 0x9E3779B1u) >> 23;
}

/* The slot of id in by_hash, or the free slot where it would go. */
static inline UWord hash_slot(const NarrowSec* n, UInt id)
{
   UWord h = id_hash(id);
   while (n->by_hash[h] != 0 && n->ids[n->by_hash[h] - 1] != id)
      h = (h + 1) & (HASH_SLOTS - 1);
   return h;
}

/* Drops the ids no word uses; returns False when fewer than a quarter
   would be freed: a compaction reads the whole chunk, so it must pay for
   many new ids (a stack's words die and are reborn with new ids all the
   time, and would compact again after every few stores). */
static Bool narrow_compact(NarrowSec* n)
{
   UChar used[NARROW_IDS + 1], remap[NARROW_IDS + 1];
   UInt  i, kept = 0;
   VG_(memset)(used, 0, sizeof(used));
   for (i = 0; i < SEC_WORDS; i++)
      used[n->idx[i]] = 1;
   for (i = 1; i <= n->n_ids; i++)
      kept += used[i];
   if (kept > NARROW_IDS - NARROW_IDS / 4)
      return False;
   kept = 0;
   for (i = 1; i <= n->n_ids; i++) {
      if (used[i]) {
         remap[i] = ++kept;
         n->ids[kept - 1] = n->ids[i - 1];
      }
   }
   remap[0] = 0;
   for (i = 0; i < SEC_WORDS; i++)
      n->idx[i] = remap[n->idx[i]];
   n->n_ids = kept;
   VG_(memset)(n->by_hash, 0, sizeof(n->by_hash));
   for (i = 1; i <= kept; i++)
      n->by_hash[hash_slot(n, n->ids[i - 1])] = i;
   n->last_id = n->last_idx = 0;
   return True;
}

static WideSec* widen(UWord* e)
{
   NarrowSec* n = (NarrowSec*)*e;
   WideSec*   w = shadow_alloc(sizeof(WideSec));
   UInt       i;
   for (i = 0; i < SEC_WORDS; i++)
      if (n->idx[i] != 0)
         w->store[i] = n->ids[n->idx[i] - 1];
   narrow_free(n);
   *e = (UWord)w | 1;
   return w;
}

/* The index of id in n, added if new; 0 when n is full. */
static UInt narrow_index(NarrowSec* n, UInt id)
{
   UWord h = hash_slot(n, id);
   if (n->by_hash[h] != 0)
      return n->by_hash[h];
   if (n->n_ids == NARROW_IDS) {
      if (!narrow_compact(n))
         return 0;
      h = hash_slot(n, id);
   }
   n->ids[n->n_ids++] = id;
   n->by_hash[h] = n->n_ids;
   return n->n_ids;
}

static void set_store(Addr a, UInt store_id)
{
   UWord* e = sec_slot(a, True);
   NarrowSec* n;
   UInt idx;
   if (UNLIKELY(e == NULL))
      return;
   if (UNLIKELY(*e == 0)) {
      /* A stack's words are stored by many instructions, and die and are
         stored again all the time: its chunks start wide. */
      if (a >= cur_region.lo && a <= cur_region.hi)
         *e = (UWord)shadow_alloc(sizeof(WideSec)) | 1;
      else
         *e = (UWord)narrow_new();
   }
   if (is_wide(*e)) {
      wide_of(*e)->store[word_index(a)] = store_id;
      return;
   }
   n = (NarrowSec*)*e;
   if (LIKELY(store_id == n->last_id && n->last_idx != 0)) {
      n->idx[word_index(a)] = n->last_idx;
      return;
   }
   if (store_id == MR_STORE_NONE) {
      n->idx[word_index(a)] = 0;
      return;
   }
   idx = narrow_index(n, store_id);
   if (idx == 0) {
      widen(e)->store[word_index(a)] = store_id;
      return;
   }
   n->last_id  = store_id;
   n->last_idx = idx;
   n->idx[word_index(a)] = idx;
}

/* The words that overlap [a, a+len) in the shadowed address space:
   [*w, *end); False when there are none. */
static inline Bool word_span(Addr a, SizeT len, Addr* w, Addr* end)
{
   if (len == 0 || a >= ADDR_LIMIT)
      return False;
   *w   = VG_ROUNDDN(a, 8);
   *end = len > ADDR_LIMIT - a ? ADDR_LIMIT : VG_ROUNDUP(a + len, 8);
   return True;
}

/* Where the walk from word w towards end leaves w's chunk. */
static inline Addr chunk_stop(Addr w, Addr end)
{
   Addr stop = VG_ROUNDDN(w, SEC_BYTES) + SEC_BYTES;
   return stop > end ? end : stop;
}

/* Unmarks every word that overlaps [a, a+len): a word that is only partly
   live cannot hold a whole pointer, as under Memcheck. */
static void clear_words(Addr a, SizeT len)
{
   Addr w, end;
   if (!word_span(a, len, &w, &end))
      return;
   while (w < end) {
      Addr  stop = chunk_stop(w, end);
      UWord e    = sec_get(w);
      if (e != 0) {
         UWord n = (stop - w) / 8;
         if (is_wide(e))
            VG_(memset)(&wide_of(e)->store[word_index(w)], 0, n * sizeof(UInt));
         else
            VG_(memset)(&((NarrowSec*)e)->idx[word_index(w)], 0, n);
      }
      w = stop;
   }
}

Addr MR_(ptr_lo) = 0;
Addr MR_(ptr_hi) = 0;
Addr MR_(ptr_prefix) = 0;
Addr MR_(ptr_prefix_mask) = ~(Addr)0;

static inline Bool in_ptr_range(UWord v)
{
   return v - MR_(ptr_lo) < MR_(ptr_hi) - MR_(ptr_lo);
}

/* Marks each word overlapping [a, a+len) whose current value lies in the
   pointer range; returns the first word it marked, or 0.  Every such word
   holds a byte of the range, so it lies in a page that holds the range:
   readable whenever the range is. */
static Addr mark_ptr_values(Addr a, SizeT len, UInt store_id)
{
   Addr w, end, first = 0;
   if (len == 0 || MR_(ptr_hi) == 0 || a >= ADDR_LIMIT
       || len > ADDR_LIMIT - a)
      return 0;
   end = VG_ROUNDUP(a + len, 8);
   for (w = VG_ROUNDDN(a, 8); w < end; w += 8)
      if (in_ptr_range(*(UWord*)w)) {
         set_store(w, store_id);
         if (first == 0)
            first = w;
      }
   return first;
}

/* The same for memory the core reports written: only when readable. */
static void mark_written_range(Addr a, SizeT len, UInt store_id)
{
   if (len > 0 && MR_(ptr_hi) != 0
       && VG_(am_is_valid_for_client)(a, len, VKI_PROT_READ))
      mark_ptr_values(a, len, store_id);
}

/*------------------------------------------------------------*/
/*--- Queries, and the heap's copies and clears            ---*/
/*------------------------------------------------------------*/

UInt MR_(slot_store_id)(Addr a)
{
   UWord e;
   tl_assert(VG_IS_8_ALIGNED(a));
   e = sec_get(a);
   return e ? sec_load(e, word_index(a)) : MR_STORE_NONE;
}

Bool MR_(slot_is_marked)(Addr a)
{
   return MR_(slot_store_id)(a) != MR_STORE_NONE;
}

void MR_(slot_mark)(Addr a, UInt store_id)
{
   tl_assert(VG_IS_8_ALIGNED(a));
   set_store(a, store_id);
}

void MR_(slots_clear)(Addr a, SizeT len)
{
   clear_words(a, len);
}

static void each_marked(Addr a, SizeT len,
                        void (*f)(Addr w, UInt store_id, void* opaque),
                        void* opaque, Bool clear)
{
   Addr w, end;
   if (!word_span(a, len, &w, &end))
      return;
   while (w < end) {
      Addr  stop = chunk_stop(w, end);
      UWord e    = sec_get(w);
      if (e != 0) {
         for (; w < stop; w += 8) {
            /* Read again each time: f may mark a word of the same chunk
               and widen it. */
            UInt id = sec_load(sec_get(w), word_index(w));
            if (id != MR_STORE_NONE) {
               f(w, id, opaque);
               if (clear)
                  set_store(w, MR_STORE_NONE);
            }
         }
      }
      w = stop;
   }
}

/* Words of dst wholly inside [dst, dst+len) take the store id of the source
   word at the same offset; a source at another alignment modulo 8 puts no
   pointer at an aligned position, and partial words hold no pointer.
   src and dst do not overlap. */
void MR_(slots_copy)(Addr src, Addr dst, SizeT len)
{
   Addr w, end;
   if (len == 0)
      return;
   if (!VG_IS_8_ALIGNED(src - dst) || dst >= ADDR_LIMIT
       || len > ADDR_LIMIT - dst) {
      clear_words(dst, len);
      return;
   }
   w   = VG_ROUNDUP(dst, 8);
   end = VG_ROUNDDN(dst + len, 8);
   if (w >= end) {
      clear_words(dst, len);
      return;
   }
   clear_words(dst, w - dst);
   clear_words(end, dst + len - end);
   while (w < end) {
      Addr  sw   = w - dst + src;
      Addr  stop = end;
      UWord ssec = sec_get(sw);
      if (stop - w > SEC_BYTES - (w & (SEC_BYTES - 1)))
         stop = w + SEC_BYTES - (w & (SEC_BYTES - 1));
      if (stop - w > SEC_BYTES - (sw & (SEC_BYTES - 1)))
         stop = w + SEC_BYTES - (sw & (SEC_BYTES - 1));
      if (ssec == 0) {
         clear_words(w, stop - w);
      } else {
         /* Read again each time: a store into the same chunk may widen
            it. */
         for (; w < stop; w += 8, sw += 8) {
            UInt id = sec_load(sec_get(sw), word_index(sw));
            if (id != MR_STORE_NONE)
               set_store(w, id);
            else
               clear_words(w, 8);
         }
      }
      w = stop;
   }
}

void MR_(slots_each_marked)(Addr a, SizeT len,
                            void (*f)(Addr w, UInt store_id, void* opaque),
                            void* opaque)
{
   each_marked(a, len, f, opaque, False);
}

void MR_(slots_clear_each)(Addr a, SizeT len,
                           void (*f)(Addr w, UInt store_id, void* opaque),
                           void* opaque)
{
   each_marked(a, len, f, opaque, True);
}

/*------------------------------------------------------------*/
/*--- The stack: marks die lazily                          ---*/
/*------------------------------------------------------------*/

/* The stack below SP - RZ is dead, and so, after a call or a return, is
   the red zone below SP (Memcheck makes it undefined there, from VEX's
   AbiHints).  A dead word loses its mark before it can be live again.
   Clearing at every rise of SP would cost a call at every pop; instead
   each thread keeps MR_StackMarks: every marked word of its stack lies
   at or above lo.  The instrumentation (mr_instrument.c) compares each
   new SP with lo and calls MR_(helperc_sp_move) only when the dead part
   reaches past lo — a marked word may have died — or when SP falls below
   lo - span, out of the stack lo lies in.  A store of a heap pointer
   into the live stack below lo lowers lo.  So after every move of SP, no
   word below SP - RZ is marked, as if every rise had cleared it.

   lo 0 means "not known": after a signal is delivered or returns (the
   core moves SP, not the program) and before a thread's first move.  The
   marks made meanwhile lie at or above the SP of the next move, which
   sets lo again.  Stacks the thread left lose nothing: the stack it
   switches to has nothing marked below its SP - RZ, as it was left. */
#define RZ VG_STACK_REDZONE_SZB

/* Core options and functions the tool headers leave out (the same in
   Valgrind 3.15 to 3.22): how far SP may move within one stack, and the
   stack VALGRIND_STACK_REGISTER (or the core, for the main thread) gave
   an address to. */
extern Word VG_(clo_max_stackframe);
extern void VG_(stack_limits)(Addr SP, Addr* start, Addr* end);

MR_StackMarks MR_(stack_marks);
static ThreadId    marks_tid = VG_INVALID_THREADID;
static MR_StackMarks* thread_marks;      /* of the others, by tid */
static StackRegion*   thread_region;

static void ensure_thread_arrays(void)
{
   if (thread_marks == NULL) {
      thread_marks  = VG_(calloc)("memroot.slots.stacks", VG_N_THREADS,
                                  sizeof(MR_StackMarks));
      thread_region = VG_(calloc)("memroot.slots.regions", VG_N_THREADS,
                                  sizeof(StackRegion));
   }
}

static MR_StackMarks* marks_of(ThreadId tid)
{
   ensure_thread_arrays();
   return tid == marks_tid ? &MR_(stack_marks) : &thread_marks[tid];
}

static StackRegion find_region(Addr sp)
{
   StackRegion     r = { 0, 0, False };
   NSegment const* seg;
   ThreadId        tid = VG_(get_running_tid)();
   if (tid != VG_INVALID_THREADID) {
      Addr  max = VG_(thread_get_stack_max)(tid);
      SizeT szB = VG_(thread_get_stack_size)(tid);
      if (szB > 0 && max >= szB && sp > max - szB && sp <= max) {
         r.lo = max - szB + 1;
         r.hi = max;
         return r;
      }
   }
   VG_(stack_limits)(sp, &r.lo, &r.hi);
   if (r.hi != 0) {
      r.registered = True;
      return r;
   }
   seg = VG_(am_find_nsegment)(sp);
   if (seg != NULL) {
      r.lo = seg->start;
      r.hi = seg->end;
   } else {
      r.lo = r.hi = sp;
   }
   return r;
}

static inline Bool in_region(const StackRegion* r, Addr a)
{
   return a >= r->lo && a <= r->hi;
}

/* Sets lo, with its window: down to the stack's start, and no further
   than --max-stackframe (the core's test of a stack switch).  sp is SP
   now, on the stack lo belongs to. */
static void set_lo(MR_StackMarks* m, Addr lo, Addr sp)
{
   Addr floor;
   if (!in_region(&cur_region, sp))
      cur_region = find_region(sp);
   floor = lo > (Addr)VG_(clo_max_stackframe)
              ? lo - VG_(clo_max_stackframe) : 0;
   if (floor < cur_region.lo)
      floor = cur_region.lo;
   m->lo   = lo;
   m->span = lo > floor ? lo - floor : 0;
}

/* A lower lo keeps the invariant; the floor stays. */
static inline void lower_lo(MR_StackMarks* m, Addr a)
{
   a = VG_ROUNDDN(a, 8);
   m->span = m->lo - a <= m->span ? m->span - (m->lo - a) : 0;
   m->lo   = a;
}

/* A move of more than --max-stackframe, or into another registered
   stack, is a switch of stacks, as the core defines it (m_stacks.c):
   what lies between the two SPs does not die. */
static Bool is_stack_switch(Addr old_SP, Addr new_SP)
{
   static Int  warnings = 3;
   StackRegion to;
   Word        delta = (Word)new_SP - (Word)old_SP;
   if (in_region(&cur_region, new_SP) && in_region(&cur_region, old_SP)
       && delta <= VG_(clo_max_stackframe)
       && -delta <= VG_(clo_max_stackframe))
      return False;
   to = find_region(new_SP);
   if (to.registered && !in_region(&to, old_SP))
      return True;
   if (delta <= VG_(clo_max_stackframe) && -delta <= VG_(clo_max_stackframe))
      return False;
   if (warnings > 0 && VG_(clo_verbosity) > 0 && !VG_(clo_xml)) {
      warnings--;
      VG_(umsg)("Warning: client switching stacks?  SP change: %#lx --> "
                "%#lx\n", old_SP, new_SP);
      VG_(umsg)("         to suppress, use: --max-stackframe=%ld or "
                "greater\n", delta < 0 ? -delta : delta);
   }
   return True;
}

VG_REGPARM(3) void MR_(helperc_sp_move)(Addr old_SP, Addr new_SP,
                                        Addr dead_below)
{
   MR_StackMarks* m = &MR_(stack_marks);
   Addr           from;

   if (UNLIKELY(m->lo == 0)) {
      /* Not known: the marks lie at or above old_SP - RZ. */
      cur_region = find_region(old_SP);
      from = old_SP - RZ;
   } else {
      from = m->lo;
   }
   if (is_stack_switch(old_SP, new_SP)) {
      /* Nothing is marked below the new stack's SP - RZ. */
      from = new_SP - RZ;
      cur_region = find_region(new_SP);
   }
   if (dead_below > from) {
      clear_words(from, dead_below - from);
      from = dead_below;
   } else if (m->lo != 0) {
      /* SP fell out of the window on the same stack: lo may come down. */
      from = dead_below;
   }
   set_lo(m, from, new_SP);
}

/* A store of a heap pointer at a, into the live part (at or above
   SP - RZ) of the running stack but below lo, lowers lo.  Most marked
   words lie outside the stack: SP is read only for the others. */
static inline void note_stack_store(Addr a)
{
   if (UNLIKELY(a < MR_(stack_marks).lo) && a >= cur_region.lo
       && a + RZ >= VG_(get_SP)(VG_(get_running_tid)()))
      lower_lo(&MR_(stack_marks), a);
}

/* A thread that did not run may have been given pointers in its live
   frames (by another thread, a system call, a client request), at or
   above its SP - RZ. */
static void thread_resumes(ThreadId tid, ULong blocks_done)
{
   MR_StackMarks* m;
   Addr           live;
   ensure_thread_arrays();
   m = &thread_marks[tid];
   live = VG_(get_SP)(tid) - RZ;
   if (m->lo != 0 && live < m->lo)
      lower_lo(m, live);
   MR_(stack_marks) = *m;
   cur_region = thread_region[tid];
   marks_tid = tid;
}

static void thread_pauses(ThreadId tid, ULong blocks_done)
{
   ensure_thread_arrays();
   thread_marks[tid]  = MR_(stack_marks);
   thread_region[tid] = cur_region;
   marks_tid = VG_INVALID_THREADID;
}

/* The core moves SP to deliver a signal and at its return. */
static void forget_lo(ThreadId tid)
{
   marks_of(tid)->lo = 0;
}

static void signal_delivered(ThreadId tid, Int sigNo, Bool alt_stack)
{
   forget_lo(tid);
}

static void signal_frame_dies(Addr a, SizeT len)
{
   clear_words(a, len);
   forget_lo(VG_(get_running_tid)());
}

/*------------------------------------------------------------*/
/*--- Store helpers (called from instrumented code)        ---*/
/*------------------------------------------------------------*/

VG_REGPARM(2) void MR_(helperc_store8)(Addr a, UWord store_id)
{
   if (LIKELY(VG_IS_8_ALIGNED(a))) {
      set_store(a, store_id);
      note_stack_store(a);
   } else {
      Addr first = mark_ptr_values(a, 8, store_id);
      if (first != 0)
         note_stack_store(first);
   }
}

VG_REGPARM(3) void MR_(helperc_store_range)(Addr a, UWord len,
                                            UWord store_id)
{
   Addr first = mark_ptr_values(a, len, store_id);
   if (first != 0)
      note_stack_store(first);
}

/*------------------------------------------------------------*/
/*--- Memory events                                        ---*/
/*------------------------------------------------------------*/

static void new_mem_tid(Addr a, SizeT len, ThreadId tid)
{
   clear_words(a, len);
}

static void new_mem_mmap(Addr a, SizeT len, Bool rr, Bool ww, Bool xx,
                         ULong di_handle)
{
   clear_words(a, len);
}

static void new_mem_startup(Addr a, SizeT len, Bool rr, Bool ww, Bool xx,
                            ULong di_handle)
{
   clear_words(a, len);
   if (rr)
      mark_written_range(a, len, MR_STORE_STARTUP);
}

void MR_(slots_post_mem_write)(CorePart part, ThreadId tid, Addr a, SizeT len)
{
   UInt id = part == Vg_CoreSysCall ? MR_STORE_SYSCALL
             : part == Vg_CoreStartup ? MR_STORE_STARTUP
             : MR_STORE_CORE;
   mark_written_range(a, len, id);
}

/* Unmarks a thread's stack from its lowest byte up to (below) limit. */
static void clear_stack_below(ThreadId tid, Addr limit)
{
   Addr  max = VG_(thread_get_stack_max)(tid);
   SizeT szB = VG_(thread_get_stack_size)(tid);
   if (szB > 0 && max >= szB && limit > max - szB + 1 && limit <= max + 1)
      clear_words(max - szB + 1, limit - (max - szB + 1));
}

/* Nothing runs on a dead thread's stack again, red zone included. */
static void thread_exit(ThreadId tid)
{
   clear_stack_below(tid, VG_(get_SP)(tid));
   forget_lo(tid);
}

/* A new thread may run on a stack a dead one used (glibc caches thread
   stacks): what that thread left above its last SP is dead now. */
static void thread_start(ThreadId tid)
{
   clear_stack_below(tid, VG_(get_SP)(tid) - RZ);
   forget_lo(tid);
}

void MR_(slots_register_events)(void)
{
   VG_(track_new_mem_startup)      (new_mem_startup);
   VG_(track_new_mem_mmap)         (new_mem_mmap);
   VG_(track_new_mem_brk)          (new_mem_tid);
   VG_(track_new_mem_stack_signal) (new_mem_tid);
   VG_(track_die_mem_munmap)       (MR_(slots_clear));
   VG_(track_die_mem_brk)          (MR_(slots_clear));
   VG_(track_die_mem_stack_signal) (signal_frame_dies);
   VG_(track_copy_mem_remap)       (MR_(slots_copy));
   VG_(track_post_mem_write)       (MR_(slots_post_mem_write));
   VG_(track_pre_thread_ll_exit)   (thread_exit);
   VG_(track_pre_thread_first_insn)(thread_start);
   VG_(track_pre_deliver_signal)   (signal_delivered);
   VG_(track_start_client_code)    (thread_resumes);
   VG_(track_stop_client_code)     (thread_pauses);
   /* No new_mem_stack or die_mem_stack: the instrumentation follows SP
      itself (above). */
}
