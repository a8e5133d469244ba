/* memroot origins: where a heap block lost its last pointer
   (--leak-origins=yes), and the watched block.  Each live block has a
   count of the marked words that hold its start; a drop that takes the
   count to zero is remembered with its stack, the word that held the
   pointer and that word's store site.  Fed by the instrumentation (a
   store over a marked word) and by the memory events (a frame, a block,
   a mapping dying; a system call writing).  See docs/leak-check.md.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_aspacemgr.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_hashtable.h"
#include "pub_tool_machine.h"
#include "pub_tool_options.h"
#include "pub_tool_poolalloc.h"
#include "pub_tool_stacktrace.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_tooliface.h"
#include "pub_tool_vki.h"
#include "mr_errors.h"
#include "mr_origins.h"
#include "mr_slots.h"
#include "mr_storesites.h"
#include "mr_vgcompat.h"

/* One per live block. */
typedef struct _Origin {
   Addr            data;        /* the block's start */
   ExeContext*     allocated_at;
   UInt            count;       /* marked words holding data */
   UInt            store_id;    /* of the dropped word */
   UChar           how;         /* MR_DropHow */
   UChar           holder_kind; /* MR_HolderKind */
   Bool            ever_held;
   DiEpoch         ep;          /* to name the holder later */
   ExeContext*     at;
   Addr            holder;
   Addr            holder_ip;   /* stack holder: its frame's code */
   Addr            holder_base; /* freed holder block */
   SizeT           holder_szB;
} Origin;

Bool MR_(origins_on) = False;

static PoolAlloc*   origin_pool;
static Addr         watched;

static inline Bool in_ptr_range(UWord v)
{
   return v - MR_(ptr_lo) < MR_(ptr_hi) - MR_(ptr_lo);
}

/* The blocks by start: a sparse direct map like the slot shadow's, one
   pointer per 16 bytes of address space (heap blocks start 16-aligned),
   made in 1 MiB chunks from fresh pages as blocks appear.  Every store of a
   heap-range value looks here: a few dependent loads on lines that
   neighbouring blocks share, where a hash table costs a cache miss. */
#define OM_SEC_SHIFT  20
#define OM_SEC_UNITS  (1UL << (OM_SEC_SHIFT - 4))
#define OM_MID_SHIFT  32
#define OM_MID_N      (1UL << (OM_MID_SHIFT - OM_SEC_SHIFT))
#define OM_TOP_N      (MR_ADDR_LIMIT >> OM_MID_SHIFT)

typedef struct { Origin* at[OM_SEC_UNITS]; } OmSec;
typedef struct { OmSec* sec[OM_MID_N]; } OmMid;
static OmMid* om_top[OM_TOP_N];

static inline Origin** om_slot(Addr a, Bool make)
{
   OmMid** mid;
   OmSec** sec;
   if (UNLIKELY(a >= MR_ADDR_LIMIT))
      return NULL;
   mid = &om_top[a >> OM_MID_SHIFT];
   if (UNLIKELY(*mid == NULL)) {
      if (!make)
         return NULL;
      *mid = MR_(vg_shadow_alloc)("memroot.origins.mid", sizeof(OmMid));
   }
   sec = &(*mid)->sec[(a >> OM_SEC_SHIFT) & (OM_MID_N - 1)];
   if (UNLIKELY(*sec == NULL)) {
      if (!make)
         return NULL;
      *sec = MR_(vg_shadow_alloc)("memroot.origins.sec", sizeof(OmSec));
   }
   return &(*sec)->at[(a >> 4) & (OM_SEC_UNITS - 1)];
}

static inline Origin* lookup(Addr a)
{
   Origin** p = (a & 15) == 0 ? om_slot(a, False) : NULL;
   return p ? *p : NULL;
}

static inline Origin* origin_of(UWord v)
{
   return in_ptr_range(v) ? lookup(v) : NULL;
}

/*------------------------------------------------------------*/
/*--- Counting and dropping                                 ---*/
/*------------------------------------------------------------*/

/* The drops' stacks are this deep at most (less with a smaller
   --num-callers): a drop that leaves no pointer happens often in code
   that relinks lists, and a deeper walk costs more. */
#define MR_DROP_DEPTH 8

/* The frame of a stack walk (ips, sps) that holds the word w: the first
   whose caller's SP lies above w. */
static Addr frame_holding(const Addr* ips, const Addr* sps, UInt n, Addr w)
{
   UInt i;
   for (i = 0; i + 1 < n; i++)
      if (w < sps[i + 1])
         return ips[i];
   return n > 0 ? ips[n - 1] : 0;
}

static Bool on_a_stack(ThreadId tid, Addr w, ThreadId* owner)
{
   ThreadId t;
   Addr     min, max;
   if (w >= VG_(get_SP)(tid) - VG_STACK_REDZONE_SZB
       && w <= VG_(thread_get_stack_max)(tid)) {
      *owner = tid;
      return True;
   }
   VG_(thread_stack_reset_iter)(&t);
   while (VG_(thread_stack_next)(&t, &min, &max))
      if (w >= min - VG_STACK_REDZONE_SZB && w <= max) {
         *owner = t;
         return True;
      }
   return False;
}

static void classify_holder(Origin* o, ThreadId tid, Addr w,
                            const Addr* ips, const Addr* sps, UInt n)
{
   const NSegment* seg = VG_(am_find_nsegment)(w);
   ThreadId        owner;
   o->holder_ip   = 0;
   o->holder_base = 0;
   o->holder_szB  = 0;
   if (seg != NULL && seg->kind == SkAnonC && seg->isCH) {
      o->holder_kind = MR_HolderHeap;
   } else if (seg != NULL && seg->kind != SkFileC && on_a_stack(tid, w, &owner)) {
      o->holder_kind = MR_HolderStack;
      if (owner == tid)
         o->holder_ip = frame_holding(ips, sps, n, w);
   } else {
      o->holder_kind = MR_HolderGlobal;   /* named at report time, if it can be */
   }
}

static void report_watch(Origin* o, Bool store, MR_DropHow how)
{
   ThreadId tid = VG_(get_running_tid)();
   if (tid != VG_INVALID_THREADID)
      MR_(record_watch_error)(tid, o->data, store, how, o->count);
}

static void count_store(Origin* o)
{
   o->count++;
   o->ever_held = True;
   if (UNLIKELY(o->data == watched))
      report_watch(o, True, MR_DropHeld);
}

/* Whether a store site lies in memroot's malloc replacement, which keeps
   the block's address in a local on its way out: one byte per store id,
   0 unknown, 1 no, 2 yes. */
static UChar* preload_site;
static UInt   preload_site_n;

static Bool in_allocator(UInt store_id)
{
   const HChar* obj;
   Addr         ip;
   if (store_id < MR_STORE_FIRST)
      return False;
   if (store_id >= preload_site_n) {
      UInt n = preload_site_n == 0 ? 1024 : preload_site_n;
      while (n <= store_id)
         n *= 2;
      preload_site = VG_(realloc)("memroot.origins.preload", preload_site, n);
      VG_(memset)(preload_site + preload_site_n, 0, n - preload_site_n);
      preload_site_n = n;
   }
   if (preload_site[store_id] == 0) {
      ip = MR_(store_site_ip)(store_id);
      preload_site[store_id] =
         VG_(get_objname)(VG_(current_DiEpoch)(), ip, &obj)
         && VG_(strstr)(obj, "vgpreload_memroot") != NULL ? 2 : 1;
   }
   return preload_site[store_id] == 2;
}

/* The word w, marked with store_id, no longer holds o's start. */
static void drop(Origin* o, Addr w, UInt store_id, MR_DropHow how,
                 Addr holder_base, SizeT holder_szB)
{
   ThreadId tid;
   Addr     ips[MR_DROP_DEPTH], sps[MR_DROP_DEPTH];
   UInt     n, depth;
   if (o->count > 0)
      o->count--;
   if (UNLIKELY(o->data == watched))
      report_watch(o, False, how);
   if (o->count > 0 || in_allocator(store_id))
      return;
   tid = VG_(get_running_tid)();
   if (tid == VG_INVALID_THREADID)
      tid = 1;
   depth = VG_(clo_backtrace_size) < MR_DROP_DEPTH ? VG_(clo_backtrace_size)
                                                  : MR_DROP_DEPTH;
   n = VG_(get_StackTrace)(tid, ips, depth, sps, NULL, 0);
   o->how      = how;
   o->at       = VG_(make_ExeContext_from_StackTrace)(ips, n);
   o->holder   = w;
   o->store_id = store_id;
   o->ep       = VG_(current_DiEpoch)();
   if (how == MR_DropFrameDied) {
      /* The frame that died is the one returning (or unwinding). */
      o->holder_kind = MR_HolderStack;
      o->holder_ip   = n > 0 ? ips[0] : 0;
      o->holder_base = 0;
      o->holder_szB  = 0;
   } else if (holder_base != 0) {
      o->holder_kind = MR_HolderHeap;
      o->holder_ip   = 0;
      o->holder_base = holder_base;
      o->holder_szB  = holder_szB;
   } else {
      classify_holder(o, tid, w, ips, sps, n);
   }
}

typedef struct {
   MR_DropHow how;
   Addr       holder_base;
   SizeT      holder_szB;
} DyingRange;

static void drop_word(Addr w, UInt store_id, void* opaque)
{
   const DyingRange* d = opaque;
   Origin*           o;
   if (!VG_IS_8_ALIGNED(w) || w < 8)
      return;
   o = origin_of(*(UWord*)w);
   if (o != NULL)
      drop(o, w, store_id, d->how, d->holder_base, d->holder_szB);
}

/* Every marked word of [a, a+len) is about to die. */
static void range_dies(Addr a, SizeT len, MR_DropHow how, Addr base,
                       SizeT szB)
{
   DyingRange d;
   d.how = how;
   d.holder_base = base;
   d.holder_szB  = szB;
   MR_(slots_each_marked)(a, len, drop_word, &d);
}

/*------------------------------------------------------------*/
/*--- The store helpers                                     ---*/
/*------------------------------------------------------------*/

VG_REGPARM(3) void MR_(origins_helperc_swap8)(Addr a, UWord old, UWord new)
{
   Origin* o;
   if (UNLIKELY(!VG_IS_8_ALIGNED(a))) {
      MR_(origins_helperc_drop_range)(a, 8);
      return;
   }
   if (old == new)
      return;
   if (in_ptr_range(old)) {
      UInt id = MR_(slot_store_id)(a);
      if (id != MR_STORE_NONE && (o = origin_of(old)) != NULL)
         drop(o, a, id, MR_DropOverwritten, 0, 0);
   }
   if ((o = origin_of(new)) != NULL)
      count_store(o);
}

void MR_(origins_helperc_store8)(Addr a, UWord old, UWord new, UWord store_id)
{
   UInt    was;
   Origin* o;
   if (UNLIKELY(!VG_IS_8_ALIGNED(a))) {
      /* Too late to see what it overwrote; marked as without origins. */
      MR_(helperc_store_range)(a, 8, store_id);
      return;
   }
   was = MR_(slot_store_id)(a);
   if (was != MR_STORE_NONE && old != new && (o = origin_of(old)) != NULL)
      drop(o, a, was, MR_DropOverwritten, 0, 0);
   if (!in_ptr_range(new))
      return;
   /* As the helper without origins: a stack word also lowers the low
      mark the stack's deaths are checked against. */
   MR_(helperc_store8)(a, store_id);
   if ((was == MR_STORE_NONE || old != new) && (o = origin_of(new)) != NULL)
      count_store(o);
}

VG_REGPARM(2) void MR_(origins_helperc_drop_range)(Addr a, UWord len)
{
   range_dies(a, len, MR_DropOverwritten, 0, 0);
}

VG_REGPARM(2) void MR_(origins_helperc_count_range)(Addr a, UWord len)
{
   Addr w, end = VG_ROUNDUP(a + len, 8);
   for (w = VG_ROUNDDN(a, 8); w < end; w += 8) {
      Origin* o = origin_of(*(UWord*)w);
      if (o != NULL)
         count_store(o);
   }
}

/*------------------------------------------------------------*/
/*--- The heap's hooks and the memory events                ---*/
/*------------------------------------------------------------*/

void MR_(origins_block_new)(Addr data, ExeContext* allocated_at)
{
   Origin* o = VG_(allocEltPA)(origin_pool);
   VG_(memset)(o, 0, sizeof(*o));
   o->data = data;
   o->allocated_at = allocated_at;
   {
      /* A custom block off the 16-byte grid gets no origins. */
      Origin** p = (data & 15) == 0 ? om_slot(data, True) : NULL;
      if (p == NULL) {
         VG_(freeEltPA)(origin_pool, o);
         return;
      }
      *p = o;
   }
}

void MR_(origins_block_freed)(Addr data, SizeT szB)
{
   Origin* o;
   range_dies(data, szB, MR_DropHolderFreed, data, szB);
   o = lookup(data);
   if (o != NULL)
      *om_slot(data, False) = NULL;
   if (o != NULL)
      VG_(freeEltPA)(origin_pool, o);
}

static void count_copied(Addr w, UInt store_id, void* opaque)
{
   Origin* o = VG_IS_8_ALIGNED(w) ? origin_of(*(UWord*)w) : NULL;
   if (o != NULL)
      count_store(o);
}

void MR_(origins_copy)(Addr src, Addr dst, SizeT len)
{
   MR_(slots_each_marked)(dst, len, count_copied, NULL);
}

void MR_(origins_unmap)(Addr a, SizeT len)
{
   if (VG_(am_is_valid_for_client)(a, len, VKI_PROT_READ))
      range_dies(a, len, MR_DropUnmapped, 0, 0);
}

/* A rise of SP kills the words below it and the red zone under the new
   SP, as mr_slots.c's events do; the origins look at them first. */
#define RZ VG_STACK_REDZONE_SZB

static void die_stack(Addr a, SizeT len)
{
   static const DyingRange frame = { MR_DropFrameDied, 0, 0 };
   MR_(slots_clear_each)(a - RZ, len + RZ, drop_word, (void*)&frame);
}

/* A system call's writes: the words it may overwrite are noted before
   it runs, and those that then hold something else are dropped. */
#define MAX_NOTED 64
static struct { Addr w; UWord v; UInt id; } noted[MAX_NOTED];
static UInt n_noted;

static void note_word(Addr w, UInt store_id, void* opaque)
{
   if (n_noted < MAX_NOTED && VG_IS_8_ALIGNED(w)
       && origin_of(*(UWord*)w) != NULL) {
      noted[n_noted].w  = w;
      noted[n_noted].v  = *(UWord*)w;
      noted[n_noted].id = store_id;
      n_noted++;
   }
}

/* After the write: a word now holding a block's start counts, unless it
   held the same pointer before (then it was counted already). */
static void count_written(Addr w, UInt store_id, void* opaque)
{
   Origin* o;
   UInt    i;
   if (!VG_IS_8_ALIGNED(w) || (o = origin_of(*(UWord*)w)) == NULL)
      return;
   if (opaque != NULL)
      for (i = 0; i < n_noted; i++)
         if (noted[i].w == w && noted[i].v == *(UWord*)w)
            return;
   count_store(o);
}

static void pre_mem_write(CorePart part, ThreadId tid, const HChar* s,
                          Addr a, SizeT len)
{
   if (part != Vg_CoreSysCall)
      return;
   n_noted = 0;
   if (VG_(am_is_valid_for_client)(a, len, VKI_PROT_READ | VKI_PROT_WRITE))
      MR_(slots_each_marked)(a, len, note_word, NULL);
}

static void post_mem_write(CorePart part, ThreadId tid, Addr a, SizeT len)
{
   UInt i;
   if (part == Vg_CoreSysCall) {
      for (i = 0; i < n_noted; i++) {
         Origin* o;
         if (noted[i].w < a || noted[i].w >= a + len
             || *(UWord*)noted[i].w == noted[i].v)
            continue;
         o = origin_of(noted[i].v);
         if (o != NULL)
            drop(o, noted[i].w, noted[i].id, MR_DropSyscall, 0, 0);
         noted[i].w = 0;
      }
   }
   MR_(slots_post_mem_write)(part, tid, a, len);
   if (MR_(ptr_hi) != 0 && VG_(am_is_valid_for_client)(a, len, VKI_PROT_READ))
      MR_(slots_each_marked)(a, len, count_written,
                             part == Vg_CoreSysCall ? &n_noted : NULL);
   if (part == Vg_CoreSysCall)
      n_noted = 0;
}

void MR_(origins_init)(const MR_OriginsParams* p)
{
   watched = p->watch;
   if (!p->on && p->watch == 0)
      return;
   MR_(origins_on) = True;
   origin_pool = VG_(newPA)(sizeof(Origin), 1000, VG_(malloc),
                            "memroot.origins.pool", VG_(free));
   /* Every stack death goes through the one general event. */
   VG_(track_die_mem_stack_4)   (NULL);
   VG_(track_die_mem_stack_8)   (NULL);
   VG_(track_die_mem_stack_12)  (NULL);
   VG_(track_die_mem_stack_16)  (NULL);
   VG_(track_die_mem_stack_32)  (NULL);
   VG_(track_die_mem_stack_112) (NULL);
   VG_(track_die_mem_stack_128) (NULL);
   VG_(track_die_mem_stack_144) (NULL);
   VG_(track_die_mem_stack_160) (NULL);
   VG_(track_die_mem_stack)     (die_stack);
   VG_(track_pre_mem_write)     (pre_mem_write);
   VG_(track_post_mem_write)    (post_mem_write);
}

/*------------------------------------------------------------*/
/*--- Queries and output                                    ---*/
/*------------------------------------------------------------*/

void MR_(origins_watch)(Addr block)
{
   watched = block;
}

Addr MR_(origins_watched)(void)
{
   return watched;
}

Bool MR_(origins_is_block)(Addr a)
{
   return MR_(origins_on) && lookup(a) != NULL;
}

UInt MR_(origins_count)(Addr block)
{
   Origin* o = MR_(origins_on) ? lookup(block) : NULL;
   return o ? o->count : 0;
}

Bool MR_(origins_facts)(Addr block, /*OUT*/MR_DropFacts* f)
{
   Origin* o = MR_(origins_on) ? lookup(block) : NULL;
   VG_(memset)(f, 0, sizeof(*f));
   if (o == NULL)
      return False;
   f->count = o->count;
   if (o->at == NULL) {
      f->how = o->count > 0 ? MR_DropHeld : MR_DropNever;
      return True;
   }
   /* Stored again since its last drop, and still held. */
   f->how         = o->count > 0 ? MR_DropHeld : o->how;
   f->last_how    = o->how;
   f->at          = o->at;
   f->holder_kind = o->holder_kind;
   f->holder      = o->holder;
   f->store_id    = o->store_id;
   f->holder_base = o->holder_base;
   f->holder_szB  = o->holder_szB;
   if (o->holder_kind == MR_HolderStack && o->holder_ip != 0) {
      if (!VG_(get_fnname)(o->ep, o->holder_ip, &f->holder_name)
          || f->holder_name[0] == '\0')
         f->holder_name = NULL;
   } else if (o->holder_kind == MR_HolderGlobal) {
      if (!VG_(get_datasym_and_offset)(o->ep, o->holder, &f->holder_name,
                                       &f->holder_off))
         f->holder_name = NULL;
   }
   return True;
}

const HChar* MR_(drop_how_keyword)(MR_DropHow how)
{
   switch (how) {
   case MR_DropNever:       return "never-stored";
   case MR_DropHeld:        return "held";
   case MR_DropOverwritten: return "overwritten";
   case MR_DropFrameDied:   return "frame-died";
   case MR_DropHolderFreed: return "holder-freed";
   case MR_DropUnmapped:    return "unmapped";
   case MR_DropSyscall:     return "syscall";
   }
   tl_assert(0);
}

const HChar* MR_(holder_kind_keyword)(MR_HolderKind k)
{
   switch (k) {
   case MR_HolderOther:  return "other";
   case MR_HolderGlobal: return "global";
   case MR_HolderStack:  return "local";
   case MR_HolderHeap:   return "heap";
   }
   tl_assert(0);
}

static const HChar* how_words(MR_DropHow how)
{
   switch (how) {
   case MR_DropOverwritten: return "was overwritten";
   case MR_DropFrameDied:   return "died with its stack frame";
   case MR_DropHolderFreed: return "was freed with the block holding it";
   case MR_DropUnmapped:    return "was unmapped";
   case MR_DropSyscall:     return "was overwritten by a system call";
   default:                 return "went";
   }
}

static void pp_holder_text(const MR_DropFacts* f, const MR_HolderBlock* hb)
{
   switch (f->holder_kind) {
   case MR_HolderGlobal:
      if (f->holder_name != NULL && f->holder_off != 0)
         VG_(umsg)(" It was held by global %s (at offset %ld),\n",
                   f->holder_name, (long)f->holder_off);
      else if (f->holder_name != NULL)
         VG_(umsg)(" It was held by global %s,\n", f->holder_name);
      else
         VG_(umsg)(" It was held by the word at %#lx,\n", f->holder);
      break;
   case MR_HolderStack:
      VG_(umsg)(" It was held by a local variable of %s,\n",
                f->holder_name ? f->holder_name : "???");
      break;
   case MR_HolderHeap:
      if (f->holder_base != 0)
         VG_(umsg)(" It was held by heap block %#lx (%'lu bytes, since freed)"
                   ", at offset %'lu,\n", f->holder_base, f->holder_szB,
                   f->holder - f->holder_base);
      else if (hb != NULL && hb->base != 0)
         VG_(umsg)(" It was held by heap block %#lx (%'lu bytes, %s in loss"
                   " record %'u), at offset %'lu,\n", hb->base, hb->szB,
                   hb->state, hb->lr, f->holder - hb->base);
      else
         VG_(umsg)(" It was held by a heap block, since freed, at %#lx,\n",
                   f->holder);
      break;
   case MR_HolderOther:
      VG_(umsg)(" It was held by the word at %#lx,\n", f->holder);
      break;
   }
}

static void pp_xml(const MR_DropFacts* f, const MR_HolderBlock* hb)
{
   VG_(printf_xml)("  <lastpointer>\n    <how>%s</how>\n",
                   MR_(drop_how_keyword)(f->how));
   if (f->at != NULL && f->how != MR_DropHeld) {
      VG_(pp_ExeContext)(f->at);
      VG_(printf_xml)("    <holder>\n      <kind>%s</kind>\n"
                      "      <address>0x%lX</address>\n",
                      MR_(holder_kind_keyword)(f->holder_kind), f->holder);
      if (f->holder_name != NULL)
         VG_(printf_xml)("      <name>%pS</name>\n", f->holder_name);
      if (f->holder_base != 0)
         VG_(printf_xml)("      <block>0x%lX</block>\n"
                         "      <size>%lu</size>\n", f->holder_base,
                         f->holder_szB);
      else if (hb != NULL && hb->base != 0)
         VG_(printf_xml)("      <block>0x%lX</block>\n"
                         "      <size>%lu</size>\n"
                         "      <lossrecord>%u</lossrecord>\n",
                         hb->base, hb->szB, hb->lr);
      MR_(pp_store_site)("   ", f->store_id);
      VG_(printf_xml)("    </holder>\n");
   }
   VG_(printf_xml)("  </lastpointer>\n");
}

void MR_(origins_pp_block)(Addr block)
{
   MR_DropFacts f;
   if (!MR_(origins_facts)(block, &f))
      return;
   VG_(umsg)("%'u marked word%s hold%s %#lx (--leak-origins=yes)\n", f.count,
             f.count == 1 ? "" : "s", f.count == 1 ? "s" : "", block);
   if (f.at == NULL) {
      VG_(umsg)(" Its pointer was never dropped since it was allocated\n");
      return;
   }
   if (f.count > 0)
      VG_(umsg)(" The last time none held it:\n");
   f.how = f.last_how;
   MR_(origins_pp)(&f, NULL);
}

void MR_(origins_pp)(const MR_DropFacts* f, const MR_HolderBlock* hb)
{
   if (VG_(clo_xml)) {
      pp_xml(f, hb);
      return;
   }
   switch (f->how) {
   case MR_DropNever:
      VG_(umsg)(" Its pointer was never stored in memory since it was"
                " allocated (kept in registers only)\n");
      return;
   case MR_DropHeld:
      VG_(umsg)(" Its pointers were not dropped: %'u marked word%s still"
                " hold%s it (in lost blocks, or hidden)\n", f->count,
                f->count == 1 ? "" : "s", f->count == 1 ? "s" : "");
      return;
   default:
      break;
   }
   VG_(umsg)(" Its last pointer %s at\n", how_words(f->how));
   VG_(pp_ExeContext)(f->at);
   pp_holder_text(f, hb);
   MR_(pp_store_site)("   ", f->store_id);
}
