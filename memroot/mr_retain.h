/* memroot retain: which roots hold the heap a leak search reached (still
   reachable and possibly lost blocks).  The graph super-root -> named
   roots -> blocks, built from the pointers the search followed, gives
   each root its retained size (its dominator subtree: what clearing it
   alone would free) and its reachable size (shared blocks included).
   This is the analysis; mr_retain_report.h renders it.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_RETAIN_H
#define __MR_RETAIN_H

#include "mr_domtree.h"
#include "mr_leak.h"
#include "mr_roots.h"
#include "pub_tool_oset.h"

typedef struct {
   UInt         max_roots;      /* roots listed, the biggest first */
   UInt         threshold_ppm;  /* roots retaining less of the live heap
                                   (parts per million) are only counted */
   UInt         max_sites;      /* allocation sites listed per root */
   MR_DeltaMode deltamode;      /* which roots, by growth since the last
                                   retention report */
   Bool         stacks;         /* also each thread's stack, frame by
                                   frame */
   const HChar* json_file;      /* also written there; NULL: not */
   UInt         suspect_ppm;    /* leak suspects before the report, at
                                   this share of the live heap (parts per
                                   million); 0: none */
} MR_RetentionParams;

typedef struct {
   SizeT bytes;
   UInt  blocks;
} MR_Size;

/* Retained sizes a root's history keeps, one per report or snapshot. */
#define MR_GROWTH_KEEP 8

/* One root of a report. */
typedef struct {
   const MR_Root* root;
   Int            k;          /* its preorder number; -1: gone since the
                                 last report */
   MR_Size        retained, reach;
   MR_Size        before;     /* retained at the last report */
} MR_RetainedRoot;

/* What one allocation stack allocated of what a node retains. */
typedef struct {
   Int         k;             /* the node: a listed root or shared block */
   ExeContext* allocated_at;
   MR_Size     size;
} MR_AllocSiteSize;

/* A block held by several roots and retained by none alone. */
typedef struct {
   Int        k;
   MR_Size    retained;
   UInt       n_sharers;
   const Int* sharers;        /* indexes of the roots reaching it */
} MR_SharedBlock;

/* The stacks of the threads, frame by frame: what each thread's roots
   (frames, the rest of its stack, its TLS, its registers) retain and
   reach together, and the same for each frame's roots.  Frames are
   numbered across threads: thread i's frame f is frame_base[i] + f. */
typedef struct {
   UInt     n_threads;         /* MR_(roots_n_threads) */
   UInt*    thread_order;      /* the threads by number, to show them */
   UInt*    frame_base;        /* by thread, and the total at the end */
   MR_Size* thread_retained;   /* by thread */
   MR_Size* thread_reach;
   MR_Size* frame_retained;    /* by frame */
   MR_Size* frame_reach;
   MR_Size  retained;          /* by every thread's roots together */
   /* The roots of each frame, biggest first:
      frame_roots[frame_root_start[g] .. frame_root_start[g+1]); and of
      each thread those in no frame: rest_roots[rest_start[i] ..
      rest_start[i+1]). */
   UInt*    frame_root_start;
   UInt*    frame_roots;
   UInt*    rest_start;
   UInt*    rest_roots;
} MR_StackView;

/* One attribution.  Arrays "by k" are indexed by preorder number. */
typedef struct {
   const MR_Search* search;
   UInt*     root_of_edge;    /* the search's root edges, then register
                                 edges: the index of the root of each */
   Int       n_roots, n_blocks, n_nodes;
   MR_Graph  pred;            /* each node's predecessors */
   Int       nr;              /* nodes reached */
   Int*      order;           /* by k: the node */
   Int*      idom;            /* by k: k of the immediate dominator */
   Int*      dfn;             /* by node: k, or -1 */
   Int*      top;             /* by node: the index in tops[] of the
                                 child of the super-root above it (-1 for
                                 node 0 and the nodes not reached), so
                                 that an edge's ends give their subtrees
                                 without their preorder numbers */
   Int*      tops;            /* the children of the super-root, by k:
                                 the roots and the shared blocks */
   Int       n_tops;
   SizeT*    ret_bytes;       /* by k: of its dominator subtree */
   UInt*     ret_blocks;
   Int*      heaviest_child;  /* by k: its child in the dominator tree
                                 retaining the most, or -1; NULL until
                                 MR_(retention_rank_children) */
   XArray*   root_children;   /* of Int: the k of each root's children in
                                 the dominator tree */
   MR_Size   live;            /* every block of the search */

   /* The report, made by MR_(retention_select). */
   const MR_RetentionParams* params;
   UInt             report_no;     /* retention reports before this one */
   MR_Size*         root_reach;    /* by root index */
   MR_RetainedRoot* roots;         /* the listed ones first */
   UInt             n_considered;  /* roots the delta mode considers */
   UInt             n_listed;
   MR_Size          others;        /* considered, not listed */
   Int              n_shared;      /* shared blocks heading subtrees */
   MR_Size          shared_total;
   MR_SharedBlock*  shared;        /* the biggest, as many as roots are
                                      listed at most, biggest first */
   Int              n_shared_listed;
   /* The tops whose sharers are known (those of the listed shared
      blocks, or with the stack view of every shared block), ascending;
      the sharers of sharer_tops[j] are sharer_list[sharer_start[j] ..
      sharer_start[j+1]). */
   Int*             sharer_tops;
   Int              n_sharer_tops;
   UInt*            sharer_start;
   Int*             sharer_list;
   OSet*            sites;         /* of MR_AllocSiteSize, by (k, stack) */
   Int*             path_head;     /* by root: where the path to the most
                                      of a listed root's memory starts */
   MR_StackView*    stacks;        /* params->stacks: the stack view */

   /* Paths: scratch of MR_(retention_paths_to), and the root words of
      each root, made when first asked. */
   Int*             path_next;     /* by node */
   Int*             path_queue;
   Int              path_n_queued;
   UInt*            root_word_start;
   UInt*            root_words;
} MR_Retention;

static inline Int MR_(node_of_root)(UInt r)
{
   return 1 + r;
}

static inline Int MR_(root_of_node)(Int v)
{
   return v - 1;
}

static inline Int MR_(node_of_block)(const MR_Retention* a, Int i)
{
   return 1 + a->n_roots + i;
}

static inline Bool MR_(node_is_block)(const MR_Retention* a, Int v)
{
   return v > a->n_roots;
}

static inline Int MR_(block_of_node)(const MR_Retention* a, Int v)
{
   return v - 1 - a->n_roots;
}

/* The index in tops[] of the child of the super-root above k. */
static inline Int MR_(top_index)(const MR_Retention* a, Int k)
{
   return a->top[a->order[k]];
}

/* The preorder number of the child of the super-root above k. */
static inline Int MR_(top_of)(const MR_Retention* a, Int k)
{
   return a->tops[MR_(top_index)(a, k)];
}

/* The graph, its dominator tree and the retained sizes, for a search
   that kept its edges; the graph takes over the search's block edges,
   which the search no longer has after it (one attribution per search).
   The roots are named until MR_(retention_free). */
MR_Retention* MR_(retention_attribute)(MR_Search* s);

/* Each node's child in the dominator tree retaining the most
   (heaviest_child), made once: MR_(retention_select) makes it after its
   walks, which need the room; MR_(suspects_find) makes it if not made. */
void MR_(retention_rank_children)(MR_Retention* a);

/* The report p asks for: the roots it lists (growth against the last
   report remembered), what they reach, the shared blocks, the
   allocation sites of each, and the stack view if asked. */
void MR_(retention_select)(MR_Retention* a, const MR_RetentionParams* p);

/* This report's roots, listed or not, become the ones the next report's
   growth is measured against; each root's history of retained sizes
   grows by one (up to MR_GROWTH_KEEP), and with keep_sites, the
   allocation sites under each root are kept for the next report. */
void MR_(retention_remember)(const MR_Retention* a, Bool keep_sites);

/* What the last reports remembered of root r of this attribution: its
   retained sizes at the last n reports, consecutive, the oldest first,
   into *hist (n returned; 0: none), and the sites under it at the last
   (of MR_AllocSiteSize; NULL when not kept).  Valid until the next
   MR_(retention_remember). */
UInt MR_(retention_root_history)(const MR_Retention* a, UInt r,
                                 const MR_Size** hist, const XArray** sites);

/* The first frame of an allocation stack outside the allocator (the
   line that called malloc), or 0: the allocation point that groups the
   blocks a function makes for several callers. */
Addr MR_(allocation_ip)(ExeContext* ec);

/* Reports (and snapshots) remembered so far. */
UInt MR_(retention_n_reports)(void);

void MR_(retention_free)(MR_Retention* a);

/* The biggest max allocation sites under node k, into out[]; returns how
   many. */
UInt MR_(retention_top_sites)(const MR_Retention* a, Int k,
                              const MR_AllocSiteSize** out, UInt max);

/* Where the memory a listed root (k) retains is: from the root, to the
   child of the allocation site whose children retain the most, then down
   the dominator tree while one child retains at least half of its
   parent.  k itself when it retains no block. */
Int MR_(retention_heaviest_descendant)(const MR_Retention* a, Int k);

/* Breadth first from node target against the edges: afterwards
   MR_(retention_path_next)(a, v) is the node after v on a shortest path
   from v to the target (-1 for the target), for every node met.  Stops
   once max_roots roots are found, which go to roots[] nearest first;
   returns how many.  Valid until the next call. */
Int MR_(retention_paths_to)(MR_Retention* a, Int target, Int* roots,
                            Int max_roots);

/* The same for the path from node k down the dominator tree to node kt,
   which k dominates, when each node of that chain points to the next (a
   shortest path then); False, and nothing done, when one does not. */
Bool MR_(retention_path_down)(MR_Retention* a, Int k, Int kt);

static inline Int MR_(retention_path_next)(const MR_Retention* a, Int v)
{
   return a->path_next[v];
}

/* The word of node v (a root or a block) that points to block node w,
   v pointing to w; 0 for a register. */
Addr MR_(retention_hop_word)(MR_Retention* a, Int v, Int w);

/* The allocation sites of the blocks whose node k label() gives a key
   (-1: none): each block is counted in the tally (key, its stack), an
   MR_AllocSiteSize; the set is ordered by key, then stack.  Read with
   MR_(sites_top); free with VG_(OSetGen_Destroy). */
OSet* MR_(retention_tally_by)(const MR_Retention* a,
                              Int (*label)(const MR_Retention*, Int,
                                           const void*),
                              const void* opaque);

/* The biggest max allocation sites of key k in a tally, into out[];
   returns how many. */
UInt MR_(sites_top)(OSet* sites, Int k, const MR_AllocSiteSize** out,
                    UInt max);

#endif
