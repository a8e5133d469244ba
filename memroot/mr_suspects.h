/* memroot suspects: the few things a person should look at first in a
   retention analysis (docs/suspects.md).  Single suspects (a root or a
   block of the dominator tree retaining at least the threshold), group
   suspects (the blocks of one allocation site under many parents), the
   definitely lost memory when it passes the threshold; for each, where
   the memory accumulates and the allocation sites piled up there.  The
   renderings are retain_report's.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_SUSPECTS_H
#define __MR_SUSPECTS_H

#include "mr_retain.h"

typedef struct {
   UInt threshold_ppm;   /* of the live heap, parts per million (> 0) */
   UInt max_sites;       /* accumulated allocation sites listed */
   Bool now;             /* the suspects of this heap */
   Bool growth;          /* the roots that grew at each of the last
                            reports and snapshots */
} MR_SuspectParams;

typedef enum {
   MR_SuspectSingle,     /* a root, a shared block or a block */
   MR_SuspectGroup,      /* the blocks of one site, under many parents */
   MR_SuspectLost        /* the definitely lost memory */
} MR_SuspectKind;

/* One definitely lost loss record: the lost blocks allocated at one
   stack (Memcheck's grouping at --leak-resolution=high). */
typedef struct {
   ExeContext* allocated_at;
   MR_Size     direct;
   SizeT       indirect_bytes;   /* what those blocks lose with them */
} MR_LostRecord;

typedef struct {
   MR_SuspectKind kind;
   Int         k;            /* single: the suspect's node (preorder);
                                group: its biggest member; lost: -1 */
   Int         acc;          /* single, group: the accumulation point */
   MR_Size     size;         /* what the suspect retains, or is lost */
   MR_Size     acc_size;     /* what the accumulation point retains */
   ExeContext* site;         /* group: the stack most of its members
                                were allocated with; they all share its
                                first frame outside the allocator */
   UInt        n_members;    /* group: blocks (runs of one site count
                                once); lost: loss records */
   UInt        n_parents;    /* group: distinct parents */
   Int         label;        /* its key in sites */
} MR_Suspect;

/* Allocation sites shown per growth suspect. */
#define MR_GROWTH_SITES 3

/* A root whose retained size grew at each report or snapshot it has
   a history for. */
typedef struct {
   Int         k;            /* the root's node (preorder) */
   Int         acc;          /* its accumulation point now */
   MR_Size     now;
   UInt        n_steps;      /* reports and snapshots it grew over */
   Long        step[MR_GROWTH_KEEP];   /* bytes grown at each, oldest
                                          first */
   Long        per_step;     /* their mean */
   UInt        n_sites;      /* allocation sites that grew since the last
                                snapshot, the most first */
   ExeContext* site[MR_GROWTH_SITES];
   Long        site_bytes[MR_GROWTH_SITES];
   Long        site_blocks[MR_GROWTH_SITES];
} MR_GrowthSuspect;

typedef struct {
   MR_SuspectParams params;
   SizeT        threshold_bytes;
   MR_Suspect*  list;        /* the biggest first */
   UInt         n;
   OSet*        sites;       /* of MR_AllocSiteSize, k: a suspect's label */
   MR_Size      lost;        /* definitely lost, direct and indirect */
   MR_LostRecord* lost_records;   /* the biggest first */
   UInt         n_lost_records;
   UInt         n_snapshots;  /* reports and snapshots before this one */
   MR_GrowthSuspect* growth;  /* params.growth: the fastest first */
   UInt         n_growth;
} MR_Suspects;

/* The suspects of a retention analysis (its dominator tree built; no
   selection needed). */
MR_Suspects* MR_(suspects_find)(MR_Retention* a, const MR_SuspectParams* p);

void MR_(suspects_free)(MR_Suspects* x);

/* Blocks allocated at one line (the first frame outside the
   allocator), from one or more stacks. */
typedef struct {
   Addr        ip;
   ExeContext* stack;        /* the stack of the most bytes among them */
   SizeT       stack_bytes;  /* what that stack allocated of them */
   UInt        n_stacks;
   MR_Size     size;
} MR_SuspectSite;

/* The allocation sites accumulated under suspect x->list[i], by line,
   the biggest first, up to max, into out[]; returns how many. */
UInt MR_(suspect_sites)(const MR_Suspects* x, UInt i, MR_SuspectSite* out,
                        UInt max);

/* A shortest path from a root to suspect i's accumulation point, ready in
   MR_(retention_path_next) from the returned root node; -1 when it is
   lost memory. */
Int MR_(suspect_path)(MR_Retention* a, const MR_Suspects* x, UInt i);

#endif
