/* memroot memscan: walking live client memory.  Every walk reads whole
   pages under a fault catcher, because memory the address-space manager
   calls readable may still fault (a mapping changed behind its back).

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_aspacehl.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_libcsetjmp.h"
#include "pub_tool_libcsignal.h"
#include "pub_tool_machine.h"
#include "pub_tool_options.h"
#include "pub_tool_signals.h"
#include "pub_tool_vki.h"
#include "mr_memscan.h"
#include "mr_slots.h"
#include "mr_storesites.h"

static void scan_words(MR_ScanFilter* sf, Addr a, Addr end,
                       MR_WordVisitor visit, void* opaque)
{
   for (; a < end; a += sizeof(Addr)) {
      Addr v = *(Addr*)a;
      sf->scanned_szB += sizeof(Addr);
      if (v < sf->lo || v > sf->hi)
         continue;
      /* Tracked: only a word a pointer was stored into since it became
         live counts; a stale value left in dead or reused memory does
         not (Memcheck gets this from its definedness bits). */
      if (sf->scan == MR_ScanTracked && !MR_(slot_is_marked)(a))
         continue;
      visit(a, v, opaque);
   }
}

static VG_MINIMAL_JMP_BUF(scan_jmpbuf);

static void scan_fault_catcher(Int sigNo, Addr addr)
{
   vki_sigset_t mask;
   VG_(sigprocmask)(VKI_SIG_SETMASK, NULL, &mask);
   VG_(sigdelset)(&mask, sigNo);
   VG_(sigprocmask)(VKI_SIG_SETMASK, &mask, NULL);
   if (sigNo == VKI_SIGSEGV || sigNo == VKI_SIGBUS)
      VG_MINIMAL_LONGJMP(scan_jmpbuf);
}

void MR_(scan_range)(MR_ScanFilter* sf, Addr start, SizeT len,
                     MR_WordVisitor visit, void* opaque)
{
   volatile Addr         a   = VG_ROUNDUP(start, sizeof(Addr));
   const Addr            end = VG_ROUNDDN(start + len, sizeof(Addr));
   const fault_catcher_t prev = VG_(set_fault_catcher)(scan_fault_catcher);

   while (a < end) {
      volatile Addr page_end = VG_PGROUNDUP(a + 1);
      if (page_end > end)
         page_end = end;
      if (VG_MINIMAL_SETJMP(scan_jmpbuf) == 0)
         scan_words(sf, a, page_end, visit, opaque);
      else
         sf->skipped_szB += page_end - a;
      a = page_end;
   }
   VG_(set_fault_catcher)(prev);
}

/* Segment by segment, so that a huge block over unmapped memory costs one
   look-up per mapping, not one per page. */
void MR_(scan_mapped_range)(MR_ScanFilter* sf, Addr start, SizeT len,
                            MR_WordVisitor visit, void* opaque)
{
   Addr a = start, end = start + len;
   if (end < start)
      end = ~(Addr)0;
   while (a < end) {
      NSegment const* seg  = VG_(am_find_nsegment)(a);
      Addr            stop = end;
      if (seg == NULL)
         return;
      if (seg->end < end - 1)
         stop = seg->end + 1;
      if ((seg->kind == SkFileC || seg->kind == SkAnonC || seg->kind == SkShmC)
          && seg->hasR)
         MR_(scan_range)(sf, a, stop - a, visit, opaque);
      if (stop <= a)
         return;
      a = stop;
   }
}

/* The stack below a thread's SP is dead.  So, nearly always, is the ABI
   red zone just below SP: Memcheck makes it undefined at every call and
   return, so at a check it holds values only if the function that asked
   for the check wrote them since its last call. */
static Addr live_part_start(NSegment const* seg)
{
   Addr     lo = seg->start;
   ThreadId tid;
   Addr     sp, top;

   VG_(thread_stack_reset_iter)(&tid);
   while (VG_(thread_stack_next)(&tid, &sp, &top)) {
      if (sp >= seg->start && sp <= seg->end && sp > lo)
         lo = sp;
   }
   return lo;
}

void MR_(scan_live_memory)(MR_ScanFilter* sf, Bool with_heap,
                           MR_WordVisitor visit, void* opaque)
{
   Int   i, n;
   Addr* starts = VG_(get_segment_starts)(SkFileC | SkAnonC | SkShmC, &n);

   for (i = 0; i < n; i++) {
      NSegment const* seg = VG_(am_find_nsegment)(starts[i]);
      Addr lo;
      if (seg == NULL || !(seg->hasR && seg->hasW) || (seg->isCH && !with_heap))
         continue;
      if (seg->kind == SkFileC
          && (VKI_S_ISCHR(seg->mode) || VKI_S_ISBLK(seg->mode))) {
         const HChar* name = VG_(am_get_filename)(seg);
         if (name == NULL || VG_(strcmp)(name, "/dev/zero") != 0)
            continue;
      }
      lo = live_part_start(seg);
      if (VG_(clo_verbosity) > 2)
         VG_(dmsg)("  Scanning root segment: %#lx..%#lx (%lu)\n",
                   lo, seg->end, seg->end - lo + 1);
      MR_(scan_range)(sf, lo, seg->end - lo + 1, visit, opaque);
   }
   VG_(free)(starts);
}

/*------------------------------------------------------------*/
/*--- Pointers stored before their block existed            ---*/
/*------------------------------------------------------------*/

/* The parts of the pointer range a widening added: [lo[i], hi[i]). */
typedef struct {
   Addr lo[2], hi[2];
   Int  n;
} NewRange;

static void mark_if_new(Addr where, Addr v, void* opaque)
{
   const NewRange* nr = opaque;
   Int i;
   for (i = 0; i < nr->n; i++)
      if (v >= nr->lo[i] && v < nr->hi[i])
         MR_(slot_mark)(where, MR_STORE_EARLY);
}

void MR_(admit_custom_block)(Addr p, SizeT szB)
{
   const Addr      old_lo = MR_(ptr_lo), old_hi = MR_(ptr_hi);
   NSegment const* seg = VG_(am_find_nsegment)(p);
   Addr            lo = p, hi = p + szB + 1;
   NewRange        nr;
   MR_ScanFilter   sf;

   /* The whole mapping: later blocks of the same arena need no scan. */
   if (seg != NULL && seg->kind != SkFree && seg->kind != SkResvn
       && p + szB <= seg->end + 1) {
      lo = seg->start;
      hi = seg->end + 2;
   }
   if (old_hi != 0 && lo >= old_lo && hi <= old_hi)
      return;
   nr.n = 0;
   if (old_hi == 0) {
      nr.lo[nr.n] = lo;
      nr.hi[nr.n++] = hi;
   } else {
      if (lo < old_lo) {
         nr.lo[nr.n] = lo;
         nr.hi[nr.n++] = old_lo;
      }
      if (hi > old_hi) {
         nr.lo[nr.n] = old_hi;
         nr.hi[nr.n++] = hi;
      }
   }
   MR_(slots_widen_ptr_range)(lo, hi);
   sf.lo   = nr.lo[0];
   sf.hi   = nr.hi[nr.n - 1] - 1;
   sf.scan = MR_ScanConservative;
   sf.scanned_szB = sf.skipped_szB = 0;
   MR_(scan_live_memory)(&sf, True, mark_if_new, &nr);
}
