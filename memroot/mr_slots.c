/* memroot slots: the pointer-slot shadow.  Updated by the store helpers
   the instrumentation calls and by Valgrind's memory events; read by the
   leak checker.  See docs/pointer-tracking.md.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the GNU General Public
   License, version 2 or (at your option) any later version; see COPYING. */

#include "pub_tool_aspacemgr.h"
#include "pub_tool_machine.h"
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
   heap pointer costs nothing. */
#define SEC_SHIFT     16
#define SEC_BYTES     (1UL << SEC_SHIFT)
#define SEC_WORDS     (SEC_BYTES / 8)
#define MID_SHIFT     32
#define MID_ENTRIES   (1UL << (MID_SHIFT - SEC_SHIFT))
#define TOP_ENTRIES   (MR_ADDR_LIMIT >> MID_SHIFT)
#define ADDR_LIMIT    MR_ADDR_LIMIT

typedef struct { UInt store[SEC_WORDS]; } SecMap;
typedef struct { SecMap* sec[MID_ENTRIES]; } MidMap;

static MidMap* top_map[TOP_ENTRIES];

/* Fresh anonymous pages: zero, and not resident until touched. */
static void* shadow_alloc(SizeT szB)
{
   return MR_(vg_shadow_alloc)("memroot.slots", szB);
}

static inline UWord word_index(Addr a)
{
   return (a >> 3) & (SEC_WORDS - 1);
}

static inline SecMap* sec_get(Addr a)
{
   MidMap* mid;
   if (UNLIKELY(a >= ADDR_LIMIT))
      return NULL;
   mid = top_map[a >> MID_SHIFT];
   return mid ? mid->sec[(a >> SEC_SHIFT) & (MID_ENTRIES - 1)] : NULL;
}

static SecMap* sec_get_or_make(Addr a)
{
   MidMap** mid;
   SecMap** sec;
   if (UNLIKELY(a >= ADDR_LIMIT))
      return NULL;
   mid = &top_map[a >> MID_SHIFT];
   if (UNLIKELY(*mid == NULL))
      *mid = shadow_alloc(sizeof(MidMap));
   sec = &(*mid)->sec[(a >> SEC_SHIFT) & (MID_ENTRIES - 1)];
   if (UNLIKELY(*sec == NULL))
      *sec = shadow_alloc(sizeof(SecMap));
   return *sec;
}

static inline void set_store(Addr a, UInt store_id)
{
   SecMap* sec = sec_get_or_make(a);
   if (LIKELY(sec != NULL))
      sec->store[word_index(a)] = store_id;
}

/* Unmarks every word that overlaps [a, a+len): a word that is only partly
   live cannot hold a whole pointer, as under Memcheck. */
static void clear_words(Addr a, SizeT len)
{
   Addr w, end;
   if (len == 0 || a >= ADDR_LIMIT)
      return;
   w   = VG_ROUNDDN(a, 8);
   end = len > ADDR_LIMIT - a ? ADDR_LIMIT : VG_ROUNDUP(a + len, 8);
   while (w < end) {
      Addr    stop = VG_ROUNDDN(w, SEC_BYTES) + SEC_BYTES;
      SecMap* sec  = sec_get(w);
      if (stop > end)
         stop = end;
      if (sec != NULL) {
         UWord i, n = (stop - w) / 8;
         UInt* s = &sec->store[word_index(w)];
         for (i = 0; i < n; i++)
            s[i] = MR_STORE_NONE;
      }
      w = stop;
   }
}

Addr MR_(ptr_lo) = 0;
Addr MR_(ptr_hi) = 0;

static inline Bool in_ptr_range(UWord v)
{
   return v - MR_(ptr_lo) < MR_(ptr_hi) - MR_(ptr_lo);
}

/* Marks each word overlapping [a, a+len) whose current value lies in the
   pointer range.  Every such word holds a byte of the range, so it lies in a
   page that holds the range: readable whenever the range is. */
static void mark_ptr_values(Addr a, SizeT len, UInt store_id)
{
   Addr w, end;
   if (len == 0 || MR_(ptr_hi) == 0 || a >= ADDR_LIMIT
       || len > ADDR_LIMIT - a)
      return;
   end = VG_ROUNDUP(a + len, 8);
   for (w = VG_ROUNDDN(a, 8); w < end; w += 8)
      if (in_ptr_range(*(UWord*)w))
         set_store(w, store_id);
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
   SecMap* sec;
   tl_assert(VG_IS_8_ALIGNED(a));
   sec = sec_get(a);
   return sec ? sec->store[word_index(a)] : MR_STORE_NONE;
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
   if (len == 0 || a >= ADDR_LIMIT)
      return;
   w   = VG_ROUNDDN(a, 8);
   end = len > ADDR_LIMIT - a ? ADDR_LIMIT : VG_ROUNDUP(a + len, 8);
   while (w < end) {
      Addr    stop = VG_ROUNDDN(w, SEC_BYTES) + SEC_BYTES;
      SecMap* sec  = sec_get(w);
      if (stop > end)
         stop = end;
      if (sec != NULL) {
         for (; w < stop; w += 8) {
            UInt id = sec->store[word_index(w)];
            if (id != MR_STORE_NONE) {
               f(w, id, opaque);
               if (clear)
                  sec->store[word_index(w)] = MR_STORE_NONE;
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
      Addr    sw   = w - dst + src;
      Addr    stop = end;
      SecMap* ssec = sec_get(sw);
      if (stop - w > SEC_BYTES - (w & (SEC_BYTES - 1)))
         stop = w + SEC_BYTES - (w & (SEC_BYTES - 1));
      if (stop - w > SEC_BYTES - (sw & (SEC_BYTES - 1)))
         stop = w + SEC_BYTES - (sw & (SEC_BYTES - 1));
      if (ssec == NULL) {
         clear_words(w, stop - w);
      } else {
         for (; w < stop; w += 8, sw += 8) {
            UInt id = ssec->store[word_index(sw)];
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
/*--- Store helpers (called from instrumented code)        ---*/
/*------------------------------------------------------------*/

VG_REGPARM(2) void MR_(helperc_store8)(Addr a, UWord store_id)
{
   if (LIKELY(VG_IS_8_ALIGNED(a)))
      set_store(a, store_id);
   else
      mark_ptr_values(a, 8, store_id);
}

VG_REGPARM(3) void MR_(helperc_store_range)(Addr a, UWord len,
                                            UWord store_id)
{
   mark_ptr_values(a, len, store_id);
}

/*------------------------------------------------------------*/
/*--- Memory events                                        ---*/
/*------------------------------------------------------------*/

/* The stack below SP - redzone is dead and kept unmarked: every rise of
   SP unmarks what it leaves below.  So stack growth needs no event (the
   memory it makes live is unmarked already), which halves the calls
   instrumented code makes at SP changes.  The core reports SP moves with
   the redzone left out, as Memcheck assumes. */
#define RZ VG_STACK_REDZONE_SZB

/* The common case of an SP rise: a few words inside one secondary. */
static inline void clear_few_words(Addr a, SizeT len)
{
   Addr    w   = VG_ROUNDDN(a, 8);
   Addr    end = VG_ROUNDUP(a + len, 8);
   SecMap* sec;
   UWord   i;
   if (UNLIKELY((w >> SEC_SHIFT) != ((end - 1) >> SEC_SHIFT))) {
      clear_words(a, len);
      return;
   }
   sec = sec_get(w);
   if (sec != NULL)
      for (i = word_index(w); w < end; w += 8, i++)
         sec->store[i] = MR_STORE_NONE;
}

/* A rise clears the words it kills and the red zone below the new SP:
   after a return, what a callee left there is dead (Memcheck makes it
   undefined at every call and return, from VEX's AbiHints).  Without
   this, a pointer a callee left in its caller's red zone would stay
   marked when a later call's frame covers that word. */
#define MR_DIE_STACK(n)                                            \
   static VG_REGPARM(1) void die_stack_##n(Addr new_SP)             \
   {                                                                \
      clear_few_words(new_SP - RZ - n, n + RZ);                     \
   }

MR_DIE_STACK(4)
MR_DIE_STACK(8)
MR_DIE_STACK(12)
MR_DIE_STACK(16)
MR_DIE_STACK(32)
MR_DIE_STACK(112)
MR_DIE_STACK(128)
MR_DIE_STACK(144)
MR_DIE_STACK(160)

static void die_stack(Addr a, SizeT len)
{
   clear_words(a - RZ, len + RZ);
}

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
}

/* A new thread may run on a stack a dead one used (glibc caches thread
   stacks): what that thread left above its last SP is dead now. */
static void thread_start(ThreadId tid)
{
   clear_stack_below(tid, VG_(get_SP)(tid) - RZ);
}

void MR_(slots_register_events)(void)
{
   VG_(track_new_mem_startup)      (new_mem_startup);
   VG_(track_new_mem_mmap)         (new_mem_mmap);
   VG_(track_new_mem_brk)          (new_mem_tid);
   VG_(track_new_mem_stack_signal) (new_mem_tid);
   VG_(track_die_mem_munmap)       (MR_(slots_clear));
   VG_(track_die_mem_brk)          (MR_(slots_clear));
   VG_(track_die_mem_stack_signal) (MR_(slots_clear));
   VG_(track_copy_mem_remap)       (MR_(slots_copy));
   VG_(track_post_mem_write)       (MR_(slots_post_mem_write));
   VG_(track_pre_thread_ll_exit)   (thread_exit);

   VG_(track_pre_thread_first_insn) (thread_start);

   VG_(track_die_mem_stack_4)   (die_stack_4);
   VG_(track_die_mem_stack_8)   (die_stack_8);
   VG_(track_die_mem_stack_12)  (die_stack_12);
   VG_(track_die_mem_stack_16)  (die_stack_16);
   VG_(track_die_mem_stack_32)  (die_stack_32);
   VG_(track_die_mem_stack_112) (die_stack_112);
   VG_(track_die_mem_stack_128) (die_stack_128);
   VG_(track_die_mem_stack_144) (die_stack_144);
   VG_(track_die_mem_stack_160) (die_stack_160);
   VG_(track_die_mem_stack)     (die_stack);
}
