/* memroot threads: snapshots of the threads' stacks.  A live thread is
   unwound from its saved registers whenever a report asks, running or
   not (blocked in a system call, parked on a lock).  Once exit_group
   starts, the core lists no thread any more: the snapshots taken just
   before it, while every thread still had its registers, stand for them.
   A thread that ends alone leaves the part of its stack above its last
   stack pointer mapped and intact (glibc keeps it until the thread is
   joined, then caches it): its snapshot names that part until the
   memory is unmapped or a new thread runs on it.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_aspacemgr.h"
#include "pub_tool_libcproc.h"
#include "pub_tool_machine.h"
#include "pub_tool_stacktrace.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_tooliface.h"
#include "pub_tool_vkiscnums.h"
#include "pub_tool_xarray.h"
#include "libvex_guest_amd64.h"
#include "mr_origins.h"
#include "mr_threads.h"

/* First guess of a stack's depth; a deeper one is unwound again with
   four times the room, up to what its extent can hold. */
#define FIRST_FRAMES 256

/* Threads that ended, in the order they ended: one per stack. */
static XArray* ended;
/* exit_group was seen: the ended threads are all there is. */
static Bool    exiting;
/* ended's size after the last removal of unmapped stacks. */
static Word    checked_size;

const HChar* MR_(str_thread_fate)(MR_ThreadFate f)
{
   switch (f) {
   case MR_ThreadLive:       return "";
   case MR_ThreadCalledExit: return "called exit";
   case MR_ThreadKilled:     return "killed by exit";
   case MR_ThreadExited:     return "exited";
   }
   tl_assert(0);
}

static Addr thread_pointer(ThreadId tid)
{
   Addr tp = 0;
#if defined(VGA_amd64)
   VG_(get_shadow_regs_area)(tid, (UChar*)&tp, 0,
                             offsetof(VexGuestAMD64State, guest_FS_CONST),
                             sizeof(tp));
#endif
   return tp;
}

/* The thread's stack mapping: the segment holding its SP, cut to the
   stack the core knows, and up to the segment's end when the thread's
   own storage lies there (glibc puts TLS and the thread's control block
   at the top of each thread's stack mapping). */
static void stack_extent(MR_ThreadSnap* t)
{
   NSegment const* seg = VG_(am_find_nsegment)(t->sp);
   Addr  max = VG_(thread_get_stack_max)(t->tid);
   SizeT szB = VG_(thread_get_stack_size)(t->tid);

   t->lo = seg != NULL ? seg->start : t->sp;
   if (szB > 0 && max >= szB && max - szB + 1 > t->lo && max - szB + 1 <= t->sp)
      t->lo = max - szB + 1;
   t->hi = max >= t->sp ? max : (seg != NULL ? seg->end : t->sp);
   if (seg != NULL && t->tp >= t->sp && t->tp <= seg->end)
      t->hi = seg->end;
   if (seg != NULL && t->hi > seg->end)
      t->hi = seg->end;
}

static MR_ThreadSnap* snapshot(ThreadId tid, MR_ThreadFate fate)
{
   MR_ThreadSnap* t = VG_(calloc)("memroot.threads.snap", 1, sizeof(*t));
   UInt  cap = FIRST_FRAMES, n, most, i;
   Addr *ips, *sps, *fps;

   t->tid  = tid;
   t->fate = fate;
   t->sp   = VG_(get_SP)(tid);
   t->tp   = thread_pointer(tid);
   stack_extent(t);
   /* Each frame is at least a return address above the one it called. */
   most = (t->hi - t->sp) / sizeof(Addr) + 2;
   for (;;) {
      ips = VG_(malloc)("memroot.threads.ips", cap * sizeof(Addr));
      sps = VG_(malloc)("memroot.threads.sps", cap * sizeof(Addr));
      fps = VG_(malloc)("memroot.threads.fps", cap * sizeof(Addr));
      n = VG_(get_StackTrace)(tid, ips, cap, sps, fps, 0);
      if (n < cap || cap >= most)
         break;
      VG_(free)(ips);
      VG_(free)(sps);
      VG_(free)(fps);
      cap = cap * 4 < most ? cap * 4 : most;
   }
   tl_assert(n >= 1);
   /* Past a thread's first frame (_start, clone) the unwinder may take
      words of the stack for return addresses: a frame must be code. */
   for (i = 1; i < n; i++) {
      NSegment const* seg = VG_(am_find_nsegment)(ips[i]);
      if (seg == NULL || !seg->hasX)
         break;
   }
   n = i;
   t->n_frames = n;
   t->ips = VG_(realloc)("memroot.threads.ips", ips, n * sizeof(Addr));
   t->sps = VG_(realloc)("memroot.threads.sps", sps, n * sizeof(Addr));
   t->fps = VG_(realloc)("memroot.threads.fps", fps, n * sizeof(Addr));
   return t;
}

static void snapshot_free(MR_ThreadSnap* t)
{
   VG_(free)(t->ips);
   VG_(free)(t->sps);
   VG_(free)(t->fps);
   VG_(free)(t);
}

static Bool overlap(const MR_ThreadSnap* a, const MR_ThreadSnap* b)
{
   return a->lo <= b->hi && b->lo <= a->hi;
}

/* The stack an ended thread left is still the one it ran on: the same
   anonymous mapping holds its live part. */
static Bool still_mapped(const MR_ThreadSnap* t)
{
   NSegment const* seg = VG_(am_find_nsegment)(t->sp);
   return seg != NULL && seg->kind == SkAnonC && seg->hasR && seg->hasW
          && seg->start <= t->lo && seg->end >= t->hi;
}

/* Keeps the ended threads for which keep says yes. */
static void filter_ended(Bool (*keep)(const MR_ThreadSnap*, const void*),
                         const void* arg)
{
   Word i, kept = 0;
   for (i = 0; i < VG_(sizeXA)(ended); i++) {
      MR_ThreadSnap* t = *(MR_ThreadSnap**)VG_(indexXA)(ended, i);
      if (keep(t, arg))
         *(MR_ThreadSnap**)VG_(indexXA)(ended, kept++) = t;
      else
         snapshot_free(t);
   }
   VG_(dropTailXA)(ended, VG_(sizeXA)(ended) - kept);
}

static Bool apart_from(const MR_ThreadSnap* t, const void* other)
{
   return !overlap(t, other);
}

static Bool mapped(const MR_ThreadSnap* t, const void* unused)
{
   return still_mapped(t);
}

static Bool keep_none(const MR_ThreadSnap* t, const void* unused)
{
   return False;
}

static void add_ended(MR_ThreadSnap* t)
{
   if (ended == NULL)
      ended = VG_(newXA)(VG_(malloc), "memroot.threads.ended", VG_(free),
                         sizeof(MR_ThreadSnap*));
   /* A stack glibc ran a new thread on is that thread's now. */
   filter_ended(apart_from, t);
   /* Unmapped stacks go now and then: a program that runs many short
      threads must not make this list, or its walk, grow without end. */
   if (VG_(sizeXA)(ended) > 2 * checked_size + 16) {
      filter_ended(mapped, NULL);
      checked_size = VG_(sizeXA)(ended);
   }
   VG_(addToXA)(ended, &t);
}

/* A child process has only the thread that forked: the stacks the
   others ran on, and those of the parent's ended threads, are its
   mappings now. */
static void forget_ended(ThreadId tid)
{
   if (ended != NULL)
      filter_ended(keep_none, NULL);
   checked_size = 0;
}

static void pre_syscall(ThreadId tid, UInt sysno, UWord* args, UInt n_args)
{
   if (exiting)
      return;
   if (sysno == __NR_exit_group) {
      ThreadId t;
      Addr     sp, top;
      exiting = True;
      VG_(thread_stack_reset_iter)(&t);
      while (VG_(thread_stack_next)(&t, &sp, &top))
         add_ended(snapshot(t, t == tid ? MR_ThreadCalledExit
                                        : MR_ThreadKilled));
   } else if (sysno == __NR_exit) {
      add_ended(snapshot(tid, MR_ThreadExited));
   } else if (sysno == __NR_munmap && MR_(origins_on)) {
      /* Its words are gone when the core tells the tools. */
      MR_(origins_unmap)(args[0], args[1]);
   }
}

static void post_syscall(ThreadId tid, UInt sysno, UWord* args, UInt n_args,
                         SysRes res)
{
}

void MR_(threads_register)(void)
{
   VG_(needs_syscall_wrapper)(pre_syscall, post_syscall);
   VG_(atfork)(NULL, NULL, forget_ended);
}

static Int cmp_snap_lo(const void* a, const void* b)
{
   Addr x = (*(MR_ThreadSnap* const*)a)->lo;
   Addr y = (*(MR_ThreadSnap* const*)b)->lo;
   return x < y ? -1 : x > y ? 1 : 0;
}

void MR_(threads_now)(MR_Threads* ts)
{
   XArray*  all = VG_(newXA)(VG_(malloc), "memroot.threads.now", VG_(free),
                             sizeof(MR_ThreadSnap*));
   ThreadId tid;
   Addr     sp, top;
   UInt     n_live = 0, i;
   Word     e;

   /* After exit_group the threads still listed are being torn down: the
      snapshots taken at exit_group are what they were. */
   if (!exiting) {
      VG_(thread_stack_reset_iter)(&tid);
      while (VG_(thread_stack_next)(&tid, &sp, &top)) {
         MR_ThreadSnap* t = snapshot(tid, MR_ThreadLive);
         VG_(addToXA)(all, &t);
         n_live++;
      }
   }
   for (e = 0; ended != NULL && e < VG_(sizeXA)(ended); e++) {
      MR_ThreadSnap* t = *(MR_ThreadSnap**)VG_(indexXA)(ended, e);
      Bool used = False;
      for (i = 0; i < n_live && !used; i++)
         used = overlap(t, *(MR_ThreadSnap**)VG_(indexXA)(all, i));
      if (!used && still_mapped(t))
         VG_(addToXA)(all, &t);
   }
   ts->n = VG_(sizeXA)(all);
   ts->t = VG_(malloc)("memroot.threads.t",
                       (ts->n ? ts->n : 1) * sizeof(MR_ThreadSnap*));
   for (i = 0; i < ts->n; i++)
      ts->t[i] = *(MR_ThreadSnap**)VG_(indexXA)(all, i);
   VG_(deleteXA)(all);
   VG_(ssort)(ts->t, ts->n, sizeof(MR_ThreadSnap*), cmp_snap_lo);
}

void MR_(threads_release)(MR_Threads* ts)
{
   UInt i;
   /* The live ones were unwound for this call; the ended ones stay. */
   for (i = 0; i < ts->n; i++)
      if (ts->t[i]->fate == MR_ThreadLive)
         snapshot_free(ts->t[i]);
   VG_(free)(ts->t);
   ts->t = NULL;
   ts->n = 0;
}
