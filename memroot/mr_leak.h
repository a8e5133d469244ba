/* memroot leak: the leak search — gather the roots, mark the blocks they
   reach, classify every block with Memcheck's rules — and the facts it
   leaves for the loss records, retention and the monitor commands.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_LEAK_H
#define __MR_LEAK_H

#include "mr_block.h"
#include "mr_memscan.h"
#include "pub_tool_xarray.h"

/* The order is Memcheck's: it orders loss records of equal size. */
typedef enum {
   MR_Reachable    = 0,   /* a start pointer from the roots reaches it */
   MR_Possible     = 1,   /* only interior pointers reach it */
   MR_IndirectLeak = 2,   /* unreached, but reached from a lost block */
   MR_Unreached    = 3    /* unreached: definitely lost */
} MR_Reachedness;

#define MR_N_REACHEDNESS 4
/* A set of Reachedness, as parsed from --show-leak-kinds and friends. */
#define MR_R2S(r) (1u << (r))
#define MR_RiS(r, s) ((s) & MR_R2S(r))

/* "none" has no keyword: it only collects blocks found without one. */
typedef enum {
   MR_LchNone = 0,
   MR_LchStdString,
   MR_LchLength64,
   MR_LchNewArray,
   MR_LchMultipleInheritance,
   MR_N_HEURISTICS
} MR_Heuristic;

#define MR_H2S(h) (1u << (h))

/* Keywords for VG_(parse_enum_set), in enum order. */
extern const HChar* MR_(leak_kinds_tokens);
extern const HChar* MR_(leak_heuristics_tokens);
UInt MR_(all_reachedness)(void);

/* Words for a kind: "definitely lost", ...; and the name of a heuristic. */
const HChar* MR_(str_reachedness)(MR_Reachedness r);
const HChar* MR_(str_heuristic)(MR_Heuristic h);

/* Which reports a report shows, relative to the previous one: loss
   records of leak checks, roots of retention reports. */
typedef enum { MR_LCD_Any, MR_LCD_Increased, MR_LCD_Changed } MR_DeltaMode;

typedef enum { MR_LC_Off, MR_LC_Summary, MR_LC_Full } MR_LeakCheckMode;

/* A loss record's sizes in one check. */
typedef struct {
   SizeT szB;            /* of its blocks */
   SizeT indirect_szB;   /* what they hold indirectly (definitely lost) */
   UInt  num_blocks;
} MR_LossSizes;

/* What a LEAK SUMMARY says. */
typedef struct {
   SizeT bytes[MR_N_REACHEDNESS];
   SizeT blocks[MR_N_REACHEDNESS];
   SizeT suppressed_bytes, suppressed_blocks;
   SizeT heur_bytes[MR_N_HEURISTICS];
   SizeT heur_blocks[MR_N_HEURISTICS];
} MR_LeakSummary;

typedef struct {
   UInt        heuristics;   /* set of MR_Heuristic */
   MR_LeakScan scan;
   /* Keep the pointers marking followed, for a retention analysis. */
   Bool        keep_edges;
} MR_SearchParams;

/* A leak check: a search, then its loss records reported. */
typedef struct {
   MR_SearchParams  search;
   MR_LeakCheckMode mode;
   VgRes            resolution;             /* of the stacks of records */
   UInt             show_leak_kinds;        /* set of MR_Reachedness */
   UInt             errors_for_leak_kinds;  /* set of MR_Reachedness */
   MR_DeltaMode     deltamode;
   UInt             max_loss_records_output;
   Bool             requested_by_monitor_command;
   /* Not NULL: the records it would print go to this xtree file instead
      (Memcheck's --xtree-leak). */
   const HChar*     xt_filename;
} MR_LeakCheckParams;

/* What the search learns about one block: 16 bytes, as Memcheck's, with
   the word that reached it besides (the flags share the size's word: no
   size comes near 2^58). */
typedef struct {
   SizeT state     : 2;    /* MR_Reachedness */
   SizeT pending   : 1;    /* on the mark stack, during the search */
   SizeT heuristic : 3;    /* MR_Heuristic that made it reachable */
   SizeT IorC      : 58;   /* of a clique leader: the bytes it holds
                              indirectly; of an indirectly lost block:
                              its leader */
   Addr  via;              /* the word that first reached it; 0: a register */
} MR_BlockFacts;

STATIC_ASSERT(sizeof(MR_BlockFacts) == 2 * sizeof(void*));

/* A root word, or a register, holding a pointer into block `target`. */
typedef struct {
   Addr where;
   Int  target;
} MR_RootEdge;

typedef struct {
   ThreadId     tid;
   const HChar* regname;   /* the core's own string: it stays */
   Int          target;
} MR_RegisterEdge;

/* One search.  Other pieces read the fields above the line and never
   write them. */
typedef struct {
   MR_Block**     blocks;      /* sorted by address */
   Int            n_blocks;
   MR_BlockFacts* facts;       /* parallel to blocks */
   Int            interrupted; /* the signal that stopped it, or 0 */
   /* With keep_edges: the pointers from the roots into blocks, and of
      each block the search reached, the blocks it points into,
      edges[edge_start[i] .. edge_start[i] + edge_n[i]). */
   XArray*        root_edges;  /* of MR_RootEdge, in root memory order */
   XArray*        reg_edges;   /* of MR_RegisterEdge */
   UInt*          edge_start;
   UInt*          edge_n;
   Int*           edges;
   /* ------------------------------------------------------- */
   UInt           n_edges, edges_cap;
   ULong          frees_at_search;
   Addr           lo, hi;      /* no block lies outside [lo, hi] */
   /* An index into blocks by address: bucket k covers the addresses from
      lo + (k << bucket_shift); bucket_first[k] is the first block that
      starts there or later.  NULL when blocks overlap (custom blocks):
      then a plain binary search. */
   UInt*          bucket_first;
   UInt           bucket_shift, n_buckets;
   MR_SearchParams params;
   SizeT          scanned_szB, skipped_szB;
   Int*           markstack;
   Int            markstack_top;
   UInt           polls;
} MR_Search;

/* Marks and classifies every live block (Memcheck's choice of blocks:
   every memory-pool chunk, and every other block that holds no chunk).
   A SIGINT, SIGTERM, SIGHUP or SIGQUIT sent meanwhile stops it: then
   `interrupted` says which, it said how far it got, and its results mean
   nothing. */
MR_Search* MR_(leak_search)(const MR_SearchParams* p);
void       MR_(search_free)(MR_Search* s);

/* Frees the block-to-block edges kept, once a graph holds them. */
void       MR_(search_drop_block_edges)(MR_Search* s);

/* True while the blocks of s are all still live: no free since. */
Bool MR_(search_is_current)(const MR_Search* s);

/* The index of the block holding a, or -1. */
Int  MR_(search_find_block)(const MR_Search* s, Addr a);

/* The block ptr points into (at its start or not) if the search reached
   it from the roots: still reachable or possibly lost; -1 otherwise. */
Int  MR_(search_held_target)(const MR_Search* s, Addr ptr);

/* Visits each candidate pointer of block i: a word at `where` whose value
   v may point into a block (and, tracked, was stored as a pointer). */
void MR_(search_scan_block)(const MR_Search* s, Int i, MR_WordVisitor visit,
                            void* opaque);

/* Heuristic h's verdict on ptr, inside block i but not at its start. */
Bool MR_(search_heuristic_accepts)(const MR_Search* s, MR_Heuristic h,
                                   Addr ptr, Int i);

/* Prints every root word, block word and register pointing into
   [address, address+szB), with where each lies and who stored it. */
void MR_(who_points_at)(Addr address, SizeT szB, MR_LeakScan scan);

#endif
