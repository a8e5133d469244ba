/* memroot roots: the root words of a leak search grouped into the things
   a programmer knows — a global, a local or a frame of a thread, a
   register, thread-local storage, a mapping — and their names.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the GNU General Public
   License, version 2 or (at your option) any later version; see COPYING. */

#ifndef __MR_ROOTS_H
#define __MR_ROOTS_H

#include "mr_basics.h"

typedef enum {
   MR_RootGlobal,    /* a data symbol */
   MR_RootObject,    /* data of an object file, no symbol */
   MR_RootStack,     /* a frame of a thread (a local, with var info) */
   MR_RootRegister,  /* a register of a thread */
   MR_RootTLS,       /* thread-local storage and control block */
   MR_RootMapping    /* any other mapping */
} MR_RootKind;

/* What stays the same from one check to the next, so that growth can be
   measured per root.  Names are interned: equal names, equal pointers. */
typedef struct {
   MR_RootKind  kind;
   ThreadId     tid;     /* Stack, Register, TLS */
   UInt         depth;   /* Stack: frames between it and the outermost */
   Addr         base;    /* Global: symbol start; Stack: frame's ip;
                            Object, Mapping: segment start */
   const HChar* name;    /* symbol, local, register, object; or NULL */
} MR_RootKey;

typedef struct {
   MR_RootKey key;
   Addr       first_word;  /* the lowest root word seen */
   UInt       frame_no;    /* Stack: from the innermost, at this check */
   Addr       seg_end;     /* Object, Mapping: last byte of the segment */
   UInt       index;       /* in the order roots were met */
} MR_Root;

Word MR_(cmp_root_key)(const MR_RootKey* a, const MR_RootKey* b);

/* Between begin and end, roots are met and named; the stacks and threads
   are those of the moment begin is called. */
void     MR_(roots_begin)(void);
MR_Root* MR_(root_of_word)(Addr a);
MR_Root* MR_(root_of_register)(ThreadId tid, const HChar* regname);
UInt     MR_(roots_n)(void);
MR_Root* MR_(roots_get)(UInt index);
void     MR_(roots_end)(void);

/* The root in words, "global g_cache in /bin/prog", into buf. */
#define MR_ROOT_NAME_LEN 512
const HChar* MR_(root_name)(const MR_Root* r, HChar* buf, SizeT n);
/* The lines that follow it: where debug info declares the variable. */
void MR_(pp_root_declaration)(const MR_Root* r, const HChar* indent);
/* A word of the root, as "g_cache+16 (0x..)" or, with var info, its
   field. */
void MR_(root_word_text)(const MR_Root* r, Addr a, HChar* buf, SizeT n);
/* The object file a global or object root lies in, or NULL. */
const HChar* MR_(root_object)(const MR_Root* r);

const HChar* MR_(str_root_kind)(MR_RootKind k);

#endif
