/* memroot origins: where a heap block lost its last pointer
   (--leak-origins=yes), and the watched block.  Per block: how many
   marked words hold its start, and the most recent drop that left none.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_ORIGINS_H
#define __MR_ORIGINS_H

#include "mr_basics.h"
#include "pub_tool_execontext.h"

typedef struct {
   Bool on;        /* --leak-origins=yes */
   Addr watch;     /* --watch-block: a block's start, 0 for none */
} MR_OriginsParams;

/* True with --leak-origins=yes (or a watched block): the
   instrumentation and the heap call the hooks below only then. */
extern Bool MR_(origins_on);

/* Once the options are known, before the client runs: takes over the
   memory events whose words it must see before they die. */
void MR_(origins_init)(const MR_OriginsParams* p);

/* The heap's hooks, called only when MR_(origins_on). */
void MR_(origins_block_new)(Addr data, ExeContext* allocated_at);
/* The block at data (szB bytes) is freed: the pointers it holds are
   dropped, then it is forgotten. */
void MR_(origins_block_freed)(Addr data, SizeT szB);
/* realloc copied len bytes with their marks. */
void MR_(origins_copy)(Addr src, Addr dst, SizeT len);
/* munmap of [a, a+len), before it happens. */
void MR_(origins_unmap)(Addr a, SizeT len);

/* For mr_instrument.c only.  swap8: the aligned word at a goes (or went)
   from old to new.  drop_range, before a store of len bytes at a: the
   pointers it will overwrite; count_range, after it: the pointers it
   wrote. */
VG_REGPARM(3) void MR_(origins_helperc_swap8)(Addr a, UWord old, UWord new);
/* After a store of a whole word at a, from old to new, by store_id:
   swap8, and marks the slot as MR_(helperc_store8) would. */
void MR_(origins_helperc_store8)(Addr a, UWord old, UWord new, UWord store_id);
VG_REGPARM(2) void MR_(origins_helperc_drop_range)(Addr a, UWord len);
VG_REGPARM(2) void MR_(origins_helperc_count_range)(Addr a, UWord len);

/* A heap block holding the dropped pointer, found by the caller in its
   leak search; base 0 when the word lies in no live block. */
typedef struct {
   Addr         base;
   SizeT        szB;
   const HChar* state;    /* "definitely lost" ... */
   UInt         lr;       /* its loss record, counted from 1 */
} MR_HolderBlock;

typedef enum {
   MR_DropNever = 0,      /* never held by a marked word since allocated */
   MR_DropHeld,           /* still held by marked words, none dropped */
   MR_DropOverwritten,    /* a store wrote something else over it */
   MR_DropFrameDied,      /* the stack frame holding it died */
   MR_DropHolderFreed,    /* the heap block holding it was freed */
   MR_DropUnmapped,       /* the mapping holding it was unmapped */
   MR_DropSyscall         /* a system call wrote over it */
} MR_DropHow;

typedef enum {
   MR_HolderOther = 0, MR_HolderGlobal, MR_HolderStack, MR_HolderHeap
} MR_HolderKind;

/* What is known of the last drop of a block's pointers. */
typedef struct {
   MR_DropHow    how;
   ExeContext*   at;          /* the stack of the drop; NULL before one */
   MR_HolderKind holder_kind;
   Addr          holder;      /* the word that held the pointer */
   UInt          store_id;    /* who had stored it there */
   const HChar*  holder_name; /* global: its name; stack: the function */
   PtrdiffT      holder_off;  /* global: the word's offset in it */
   Addr          holder_base; /* a freed holder block: its start ... */
   SizeT         holder_szB;  /* ... and size */
   UInt          count;       /* marked words holding it now */
   MR_DropHow    last_how;    /* how, even if it was stored again since */
} MR_DropFacts;

/* False when origins are off or block is not a live block's start. */
Bool MR_(origins_facts)(Addr block, /*OUT*/MR_DropFacts* f);

/* Where a block lost its last pointer, on the log (text or XML); hb
   names a live heap block holding it, if any. */
void MR_(origins_pp)(const MR_DropFacts* f, const MR_HolderBlock* hb);
/* who_points_at's part: how many marked words hold block, and the last
   drop that left none, if any. */
void MR_(origins_pp_block)(Addr block);
/* The keywords of the JSON and XML outputs. */
const HChar* MR_(drop_how_keyword)(MR_DropHow how);
const HChar* MR_(holder_kind_keyword)(MR_HolderKind k);

/* The watched block (monitor watch/unwatch): 0 for none. */
void MR_(origins_watch)(Addr block);
Addr MR_(origins_watched)(void);
/* Whether a live block starts at a (False when origins are off). */
Bool MR_(origins_is_block)(Addr a);
/* How many marked words hold block's start (0 when unknown). */
UInt MR_(origins_count)(Addr block);

#endif
