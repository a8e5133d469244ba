/* memroot threads: snapshots of the threads' stacks — the stack's
   mapping, its stack pointer, the thread pointer and every frame — for
   naming the words of a stack by thread, frame and local variable.  Live
   threads are unwound when asked; a thread that ends leaves a snapshot
   taken just before: at exit_group every thread (the one calling exit and
   the ones it kills), at its own exit a thread whose stack stays mapped
   (pthread_exit, or a return from its start routine).

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_THREADS_H
#define __MR_THREADS_H

#include "mr_basics.h"

typedef enum {
   MR_ThreadLive,        /* running, or blocked, now */
   MR_ThreadCalledExit,  /* called exit_group: the process ends */
   MR_ThreadKilled,      /* killed by another thread's exit_group */
   MR_ThreadExited       /* ended by its own exit; its stack is still mapped */
} MR_ThreadFate;

/* Frame f spans [sps[f], sps[f+1]) (frame 0 from its stack pointer less
   the red zone); the outermost frame's words and those above it up to the
   thread's storage belong to no frame. */
typedef struct {
   ThreadId      tid;
   MR_ThreadFate fate;
   Addr          sp;
   Addr          lo, hi;    /* the stack's mapping: the stack, and the TLS
                               and control block when they lie above it */
   Addr          tp;        /* the thread pointer (fs base); 0: unknown */
   UInt          n_frames;  /* >= 1 */
   Addr*         ips;       /* innermost first; a caller's ip is its call */
   Addr*         sps;
   Addr*         fps;
} MR_ThreadSnap;

/* Hooks the system calls threads end with (exit_group, exit) and fork;
   called before the command line is read. */
void MR_(threads_register)(void);

/* The threads whose stacks may hold roots now, sorted by address: every
   live thread, unwound now, and every thread that ended with its stack
   still mapped and used by no live thread.  Valid until
   MR_(threads_release). */
typedef struct {
   UInt            n;
   MR_ThreadSnap** t;
} MR_Threads;

void MR_(threads_now)(MR_Threads* ts);
void MR_(threads_release)(MR_Threads* ts);

/* "called exit", "killed by exit", "exited", or "" for a live thread. */
const HChar* MR_(str_thread_fate)(MR_ThreadFate f);

#endif
