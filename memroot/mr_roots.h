/* memroot roots: the root words of a leak search grouped into the things
   a programmer knows — a global, a local or a frame of a thread, the rest
   of a thread's stack, a register, thread-local storage, a mapping — and
   their names.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_ROOTS_H
#define __MR_ROOTS_H

#include "mr_threads.h"

typedef enum {
   MR_RootGlobal,    /* a data symbol */
   MR_RootObject,    /* data of an object file, no symbol */
   MR_RootStack,     /* a frame of a thread (a local, with var info) */
   MR_RootStackRest, /* a thread's stack outside its frames */
   MR_RootRegister,  /* a register of a thread */
   MR_RootTLS,       /* thread-local storage and control block */
   MR_RootMapping    /* any other mapping */
} MR_RootKind;

/* StackRest: which part. */
#define MR_ABOVE_OUTERMOST_FRAME 0
#define MR_BELOW_STACK_POINTER   1

/* What stays the same from one check to the next, so that growth can be
   measured per root.  Names are interned: equal names, equal pointers. */
typedef struct {
   MR_RootKind  kind;
   ThreadId     tid;     /* Stack, StackRest, Register, TLS */
   Bool         exited;  /* of a thread that ended alone (MR_ThreadExited) */
   UInt         depth;   /* Stack: frames between it and the outermost;
                            StackRest: which part */
   Addr         base;    /* Global: symbol start; Object, Mapping: segment
                            start; Stack: the frame's ip if no function */
   const HChar* fn;      /* Stack: the frame's function, or NULL */
   const HChar* name;    /* symbol, local, register, object; or NULL */
} MR_RootKey;

typedef struct {
   MR_RootKey key;
   Addr       first_word;  /* the lowest root word seen */
   UInt       n_words;     /* root words seen */
   Int        thread;      /* Stack, StackRest, Register, TLS: the index
                              of its thread in MR_(roots_thread); -1 for a
                              root of an earlier report */
   UInt       frame_no;    /* Stack: from the innermost, at this check */
   Addr       ip;          /* Stack: the frame's ip, at this check */
   Addr       seg_end;     /* Object, Mapping: last byte of the segment */
   UInt       index;       /* in the order roots were met */
} MR_Root;

Word MR_(cmp_root_key)(const MR_RootKey* a, const MR_RootKey* b);

/* Between begin and end, roots are met and named; the stacks and threads
   are those of the moment begin is called (MR_(threads_now)). */
void     MR_(roots_begin)(void);
MR_Root* MR_(root_of_word)(Addr a);
MR_Root* MR_(root_of_register)(ThreadId tid, const HChar* regname);
UInt     MR_(roots_n)(void);
MR_Root* MR_(roots_get)(UInt index);
void     MR_(roots_end)(void);

/* The threads of this attribution, by stack address. */
UInt                 MR_(roots_n_threads)(void);
const MR_ThreadSnap* MR_(roots_thread)(UInt i);

/* The root in words, "global g_cache in /bin/prog", into buf. */
#define MR_ROOT_NAME_LEN 512
const HChar* MR_(root_name)(const MR_Root* r, HChar* buf, SizeT n);
/* A root of a thread outside its frames, named within the thread:
   "thread-local storage", "register RAX", "the stack above its outermost
   frame". */
const HChar* MR_(root_part_name)(const MR_Root* r, HChar* buf, SizeT n);
/* The lines that follow it: where debug info declares the variable. */
void MR_(pp_root_declaration)(const MR_Root* r, const HChar* indent);
/* A word of the root, as "g_cache+16 (0x..)" or, with var info, its
   field. */
void MR_(root_word_text)(const MR_Root* r, Addr a, HChar* buf, SizeT n);
/* The object file a global or object root lies in, or NULL. */
const HChar* MR_(root_object)(const MR_Root* r);
/* "thread 2", or "exited thread 2" for a thread that ended alone. */
const HChar* MR_(thread_label)(const MR_ThreadSnap* t, HChar* buf, SizeT n);
/* A code address as text, never XML: "0x1093F3: f (list.c:22)",
   "0x4A2B1C: f (in /lib/libc.so.6)" or "0x4A2B1C: ???". */
const HChar* MR_(ip_text)(Addr ip, HChar* buf, SizeT n);
/* The function of a code address, or NULL. */
const HChar* MR_(ip_function)(Addr ip);

const HChar* MR_(str_root_kind)(MR_RootKind k);

#endif
