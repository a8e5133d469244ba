/* memroot retain: attribution of the reachable heap to named roots.

   The graph has a super-root (node 0), one node per named root (1..R)
   and one per block of the search (R+1..); its edges are the pointers the
   search followed from the roots, start or interior, into the blocks it
   reached: still reachable and possibly lost ones, which the roots hold
   all the same.  The search kept them (MR_SearchParams.keep_edges), so no
   word is scanned twice.  Retained size of a root: its dominator
   subtree.  Reachable size: the roots reach only their own subtrees and
   subtrees of "shared" blocks (those dominated by the super-root alone),
   so it is found on the small graph of those subtrees.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_debuginfo.h"
#include "pub_tool_execontext.h"
#include "mr_retain.h"

/*------------------------------------------------------------*/
/*--- The graph                                             ---*/
/*------------------------------------------------------------*/

/* Names the roots, in the order their first words were met (root memory
   by address, then registers), and builds the graph: the super-root's
   edges to each root, each root's to the blocks its words point into (in
   the order of its words), each reached block's to the blocks it points
   into, which the search kept in rows already. */
static void build_graph(MR_Retention* a)
{
   const MR_Search* s = a->search;
   Word  n_mem = VG_(sizeXA)(s->root_edges);
   Word  n_reg = VG_(sizeXA)(s->reg_edges), e;
   Int   n, r, i;
   Int*  off, *adj, *fill;
   UInt  j;

   a->root_of_edge = VG_(malloc)("memroot.retain.root_of_edge",
                                 (n_mem + n_reg + 1) * sizeof(UInt));
   for (e = 0; e < n_mem; e++) {
      const MR_RootEdge* re = VG_(indexXA)(s->root_edges, e);
      a->root_of_edge[e] = MR_(root_of_word)(re->where)->index;
   }
   for (e = 0; e < n_reg; e++) {
      const MR_RegisterEdge* re = VG_(indexXA)(s->reg_edges, e);
      a->root_of_edge[n_mem + e] = MR_(root_of_register)(re->tid,
                                                         re->regname)->index;
   }
   a->n_roots  = MR_(roots_n)();
   a->n_blocks = s->n_blocks;
   a->n_nodes  = n = 1 + a->n_roots + a->n_blocks;

   off = VG_(calloc)("memroot.graph.off", n + 1, sizeof(Int));
   off[1] = a->n_roots;
   for (e = 0; e < n_mem + n_reg; e++)
      off[MR_(node_of_root)(a->root_of_edge[e]) + 1]++;
   for (i = 0; i < a->n_blocks; i++)
      off[MR_(node_of_block)(a, i) + 1] = s->edge_n[i];
   for (i = 0; i < n; i++)
      off[i + 1] += off[i];
   adj = VG_(malloc)("memroot.graph.adj", (off[n] ? off[n] : 1) * sizeof(Int));
   for (r = 0; r < a->n_roots; r++)
      adj[r] = MR_(node_of_root)(r);
   fill = VG_(malloc)("memroot.graph.fill", (a->n_roots + 1) * sizeof(Int));
   for (r = 0; r < a->n_roots; r++)
      fill[r] = off[MR_(node_of_root)(r)];
   for (e = 0; e < n_mem; e++)
      adj[fill[a->root_of_edge[e]]++] = MR_(node_of_block)(
         a, ((const MR_RootEdge*)VG_(indexXA)(s->root_edges, e))->target);
   for (e = 0; e < n_reg; e++)
      adj[fill[a->root_of_edge[n_mem + e]]++] = MR_(node_of_block)(
         a, ((const MR_RegisterEdge*)VG_(indexXA)(s->reg_edges, e))->target);
   VG_(free)(fill);
   for (i = 0; i < a->n_blocks; i++) {
      Int* to = adj + off[MR_(node_of_block)(a, i)];
      const Int* from = s->edges + s->edge_start[i];
      for (j = 0; j < s->edge_n[i]; j++)
         to[j] = MR_(node_of_block)(a, from[j]);
   }
   /* The successors, until MR_(dominators) turns them around. */
   a->pred.n_nodes = n;
   a->pred.off = off;
   a->pred.adj = adj;
}

/*------------------------------------------------------------*/
/*--- Dominators and sizes                                  ---*/
/*------------------------------------------------------------*/

static void dominate(MR_Retention* a)
{
   Int k, i, n = a->n_nodes, t;

   a->order = VG_(malloc)("memroot.retain.order", n * sizeof(Int));
   a->idom  = VG_(malloc)("memroot.retain.idom",  n * sizeof(Int));
   a->dfn   = VG_(malloc)("memroot.retain.dfn", n * sizeof(Int));
   a->nr    = MR_(dominators)(&a->pred, a->order, a->idom, a->dfn);

   /* Each block's own size, in the blocks' order (the search's blocks
      lie in memory in that order), then each subtree's from the leaves
      up: idom[k] < k. */
   a->ret_bytes  = VG_(calloc)("memroot.retain.rbytes", a->nr, sizeof(SizeT));
   a->ret_blocks = VG_(calloc)("memroot.retain.rblocks", a->nr, sizeof(UInt));
   a->live.bytes = 0;
   a->live.blocks = a->n_blocks;
   for (i = 0; i < a->n_blocks; i++) {
      SizeT szB = a->search->blocks[i]->szB;
      a->live.bytes += szB;
      k = a->dfn[MR_(node_of_block)(a, i)];
      if (k != -1) {
         a->ret_bytes[k]  = szB;
         a->ret_blocks[k] = 1;
      }
   }
   /* From the leaves up: when k is met, what it retains is final. */
   for (k = a->nr - 1; k > 0; k--) {
      a->ret_bytes[a->idom[k]]  += a->ret_bytes[k];
      a->ret_blocks[a->idom[k]] += a->ret_blocks[k];
   }
   /* The children of the super-root (the tops), each node's one among
      them (known before the node, as idom[k] < k), and the children of
      the roots. */
   a->n_tops = 0;
   for (k = 1; k < a->nr; k++)
      if (a->idom[k] == 0)
         a->n_tops++;
   a->tops = VG_(malloc)("memroot.retain.tops",
                         (a->n_tops ? a->n_tops : 1) * sizeof(Int));
   a->top  = VG_(malloc)("memroot.retain.top", a->n_nodes * sizeof(Int));
   a->root_children = VG_(newXA)(VG_(malloc), "memroot.retain.rchildren",
                                 VG_(free), sizeof(Int));
   for (i = 0; i < a->n_nodes; i++)
      a->top[i] = -1;
   for (k = 1, t = 0; k < a->nr; k++) {
      Int p = a->idom[k];
      if (p == 0) {
         a->tops[t] = k;
         a->top[a->order[k]] = t++;
      } else {
         a->top[a->order[k]] = MR_(top_index)(a, p);
         if (!MR_(node_is_block)(a, a->order[p]))
            VG_(addToXA)(a->root_children, &k);
      }
   }
}

void MR_(retention_rank_children)(MR_Retention* a)
{
   Int k;
   if (a->heaviest_child != NULL)
      return;
   a->heaviest_child = VG_(malloc)("memroot.retain.heaviest",
                                   a->nr * sizeof(Int));
   for (k = 0; k < a->nr; k++)
      a->heaviest_child[k] = -1;
   /* Of children retaining as much, the first in preorder. */
   for (k = a->nr - 1; k > 0; k--) {
      Int* h = &a->heaviest_child[a->idom[k]];
      if (*h == -1 || a->ret_bytes[k] >= a->ret_bytes[*h])
         *h = k;
   }
}

MR_Retention* MR_(retention_attribute)(MR_Search* s)
{
   MR_Retention* a = VG_(calloc)("memroot.retain", 1, sizeof(MR_Retention));
   /* Searched with keep_edges, and not attributed yet. */
   tl_assert(s->root_edges != NULL && s->edge_n != NULL);
   a->search = s;
   MR_(roots_begin)();
   build_graph(a);
   /* The graph holds them now: the dominator tree's arrays need room. */
   MR_(search_drop_block_edges)(s);
   dominate(a);
   return a;
}

/*------------------------------------------------------------*/
/*--- Reachable sizes and shared blocks                     ---*/
/*------------------------------------------------------------*/

/* The index of the root numbered k. */
static Int root_index(const MR_Retention* a, Int k)
{
   return MR_(root_of_node)(a->order[k]);
}

static void add_size(MR_Size* to, SizeT bytes, UInt blocks)
{
   to->bytes  += bytes;
   to->blocks += blocks;
}

/* The edges between subtrees under the super-root, as (top, top) over
   indexes of tops: an edge between two subtrees ends at the top of one,
   at a shared block, as a root's only edge is from the super-root.  Read
   from the graph each time the builder asks (a heap of shared blocks has
   millions). */
static void subtree_edges(void* source, MR_EdgeFn emit, void* opaque)
{
   const MR_Retention* a = source;
   Int t, e;
   for (t = 0; t < a->n_tops; t++) {
      Int w = a->order[a->tops[t]];
      if (!MR_(node_is_block)(a, w))
         continue;
      for (e = a->pred.off[w]; e < a->pred.off[w + 1]; e++) {
         Int tv = a->top[a->pred.adj[e]];
         if (tv != -1 && tv != t)
            emit(tv, t, opaque);
      }
   }
}

/* The order of the shared blocks in a report: biggest first. */
static Int cmp_shared_size(const void* va, const void* vb)
{
   const MR_SharedBlock* x = va;
   const MR_SharedBlock* y = vb;
   if (x->retained.bytes != y->retained.bytes)
      return x->retained.bytes > y->retained.bytes ? -1 : 1;
   return x->k < y->k ? -1 : x->k > y->k ? 1 : 0;
}

/* Keeps the first max of the shared blocks offered, in that order, in a
   heap of *n whose first is the last of them. */
static void keep_first(MR_SharedBlock* heap, Int* n, Int max,
                       const MR_SharedBlock* sb)
{
   Int i, c;
   if (*n < max) {
      for (i = (*n)++; i > 0 && cmp_shared_size(&heap[(i - 1) / 2], sb) < 0;
           i = (i - 1) / 2)
         heap[i] = heap[(i - 1) / 2];
      heap[i] = *sb;
      return;
   }
   if (max == 0 || cmp_shared_size(sb, &heap[0]) >= 0)
      return;
   for (i = 0; (c = 2 * i + 1) < max; i = c) {
      if (c + 1 < max && cmp_shared_size(&heap[c + 1], &heap[c]) > 0)
         c++;
      if (cmp_shared_size(&heap[c], sb) <= 0)
         break;
      heap[i] = heap[c];
   }
   heap[i] = *sb;
}

/* The shared blocks: counted and summed, and the biggest of them, as
   many as the report may list, kept in order. */
static void find_shared(MR_Retention* a, UInt max_listed)
{
   Int t, max;
   a->n_shared = 0;
   a->shared_total.bytes = a->shared_total.blocks = 0;
   for (t = 0; t < a->n_tops; t++) {
      Int k = a->tops[t];
      if (MR_(node_is_block)(a, a->order[k])) {
         a->n_shared++;
         add_size(&a->shared_total, a->ret_bytes[k], a->ret_blocks[k]);
      }
   }
   max = max_listed < (UInt)a->n_shared ? (Int)max_listed : a->n_shared;
   a->shared = VG_(malloc)("memroot.retain.shared",
                           (max ? max : 1) * sizeof(MR_SharedBlock));
   a->n_shared_listed = 0;
   for (t = 0; t < a->n_tops; t++) {
      MR_SharedBlock sb;
      sb.k = a->tops[t];
      if (!MR_(node_is_block)(a, a->order[sb.k]))
         continue;
      sb.retained.bytes  = a->ret_bytes[sb.k];
      sb.retained.blocks = a->ret_blocks[sb.k];
      sb.n_sharers = 0;
      sb.sharers   = NULL;
      keep_first(a->shared, &a->n_shared_listed, max, &sb);
   }
   VG_(ssort)(a->shared, a->n_shared_listed, sizeof(MR_SharedBlock),
              cmp_shared_size);
}

/* The shared blocks whose sharers are wanted: the listed ones, or every
   one (the stack view groups them all), by top, ascending. */
static void choose_sharer_tops(MR_Retention* a, Bool all)
{
   Int t, n = 0;
   a->n_sharer_tops = all ? a->n_shared : a->n_shared_listed;
   a->sharer_tops = VG_(malloc)("memroot.retain.sharer_tops",
                                (a->n_sharer_tops + 1) * sizeof(Int));
   if (all) {
      for (t = 0; t < a->n_tops; t++)
         if (MR_(node_is_block)(a, a->order[a->tops[t]]))
            a->sharer_tops[n++] = t;
   } else {
      for (n = 0; n < a->n_shared_listed; n++)
         a->sharer_tops[n] = MR_(top_index)(a, a->shared[n].k);
      VG_(ssort)(a->sharer_tops, n, sizeof(Int), MR_(cmp_Int));
   }
}

/* The index of top t in a->sharer_tops, or -1. */
static Int sharer_top_index(const MR_Retention* a, Int t)
{
   Int lo = 0, hi = a->n_sharer_tops - 1;
   while (lo <= hi) {
      Int mid = lo + (hi - lo) / 2;
      if (a->sharer_tops[mid] == t)
         return mid;
      if (a->sharer_tops[mid] < t)
         lo = mid + 1;
      else
         hi = mid - 1;
   }
   return -1;
}

/* A walk of h, the graph of the subtrees, from the subtree of a root:
   breadth first, the tops met marked in a bitmap which the walk clears
   behind it from its queue (two arrays of the size of h would be the
   biggest of the report). */
typedef struct {
   const MR_Retention* a;
   MR_Graph h;
   UChar*   met;              /* bit t: top t met by this walk */
   Int*     queue;
   UInt*    fill;             /* by sharer top: its sharers, counted or
                                 placed */
   Int*     list;             /* NULL while counting */
} ReachWalk;

/* Queues top t unless this walk met it already. */
static void meet(ReachWalk* w, Int t, Int* tail)
{
   if (!((w->met[t >> 3] >> (t & 7)) & 1)) {
      w->met[t >> 3] |= 1 << (t & 7);
      w->queue[(*tail)++] = t;
   }
}

/* What root i reaches: its own subtree and the shared ones it reaches,
   each once; each wanted shared top met counts i, or gets it. */
static MR_Size walk_reach(ReachWalk* w, Int i)
{
   const MR_Retention* a = w->a;
   MR_Size reach = { 0, 0 };
   Int     tr = a->top[MR_(node_of_root)(i)], head = 0, tail = 0, x, e, j;
   if (tr == -1)
      return reach;
   meet(w, tr, &tail);
   while (head < tail) {
      x = w->queue[head++];
      add_size(&reach, a->ret_bytes[a->tops[x]], a->ret_blocks[a->tops[x]]);
      if (x != tr && (j = sharer_top_index(a, x)) != -1) {
         if (w->list == NULL)
            w->fill[j]++;
         else
            w->list[w->fill[j]++] = i;
      }
      for (e = w->h.off[x]; e < w->h.off[x + 1]; e++)
         meet(w, w->h.adj[e], &tail);
   }
   for (head = 0; head < tail; head++)
      w->met[w->queue[head] >> 3] = 0;
   return reach;
}

/* What each root reaches: the subtrees of the shared blocks it reaches,
   besides its own; and, for each wanted shared block, the roots that
   reach it, in a->sharer_list from a->sharer_start[j] (j its index in
   a->sharer_tops).  The graph of the subtrees is small; it is walked
   twice per root, to count the sharers and to place them. */
static void reachable_sizes(MR_Retention* a, MR_Size* reach)
{
   ReachWalk w;
   Int       i, j, n = a->n_tops ? a->n_tops : 1;
   UInt*     start = VG_(calloc)("memroot.retain.sharer_start",
                                 a->n_sharer_tops + 2, sizeof(UInt));

   w.a     = a;
   w.met   = VG_(calloc)("memroot.retain.met", n / 8 + 1, 1);
   w.queue = VG_(malloc)("memroot.retain.hqueue", n * sizeof(Int));
   MR_(graph_build)(a->n_tops, subtree_edges, a, &w.h);
   /* Counted into start[j+2], summed so that start[j+1] is where j's
      sharers begin, then placed with it as j's fill pointer, which ends
      where j+1's begin (as MR_(graph_transpose) does). */
   w.fill = start + 2;
   w.list = NULL;
   for (i = 0; i < a->n_roots; i++)
      reach[i] = walk_reach(&w, i);
   for (j = 1; j <= a->n_sharer_tops; j++)
      start[j + 1] += start[j];
   a->sharer_list = VG_(malloc)("memroot.retain.sharers",
                                (start[a->n_sharer_tops + 1] + 1)
                                * sizeof(Int));
   w.fill = start + 1;
   w.list = a->sharer_list;
   for (i = 0; i < a->n_roots; i++)
      walk_reach(&w, i);
   a->sharer_start = start;
   for (i = 0; i < a->n_shared_listed; i++) {
      MR_SharedBlock* sb = &a->shared[i];
      j = sharer_top_index(a, MR_(top_index)(a, sb->k));
      sb->sharers   = a->sharer_list + start[j];
      sb->n_sharers = start[j + 1] - start[j];
   }
   VG_(free)(w.met);
   VG_(free)(w.queue);
   MR_(graph_free)(&w.h);
}

/*------------------------------------------------------------*/
/*--- Growth between reports                                ---*/
/*------------------------------------------------------------*/

typedef struct {
   MR_Root root;            /* a copy: its key, and what names it */
   MR_Size retained;
   Bool    seen;            /* in this report */
   /* Its retained sizes at the last n_hist reports, consecutive, the
      oldest first (hist[n_hist - 1] is retained), and, when the report
      kept them, the allocation sites under it at the last one. */
   UInt    n_hist;
   MR_Size hist[MR_GROWTH_KEEP];
   XArray* sites;           /* of MR_AllocSiteSize, k unused */
} PrevRoot;

static OSet* prev_roots;    /* of the last report, by key */
static UInt  n_reports;

static void free_prev_root(PrevRoot* pr)
{
   if (pr->sites != NULL)
      VG_(deleteXA)(pr->sites);
}

static Word cmp_key_prev(const void* key, const void* elem)
{
   return MR_(cmp_root_key)(key, &((const PrevRoot*)elem)->root.key);
}

/* Every root of this attribution, and with growth asked for, the roots
   of the last report that are gone. */
static MR_RetainedRoot* retained_roots(const MR_Retention* a,
                                       const MR_Size* reach,
                                       MR_DeltaMode mode, UInt* n_roots)
{
   MR_RetainedRoot* rr;
   UInt      i, n = 0, n_prev = prev_roots ? VG_(OSetGen_Size)(prev_roots) : 0;
   PrevRoot* pr;

   rr = VG_(malloc)("memroot.retain.roots",
                    (a->n_roots + n_prev + 1) * sizeof(MR_RetainedRoot));
   for (i = 0; i < (UInt)a->n_roots; i++) {
      MR_RetainedRoot* l = &rr[n++];
      l->root = MR_(roots_get)(i);
      l->k = a->dfn[MR_(node_of_root)(i)];
      tl_assert(l->k != -1);
      l->retained.bytes  = a->ret_bytes[l->k];
      l->retained.blocks = a->ret_blocks[l->k];
      l->reach = reach[i];
      l->before.bytes = l->before.blocks = 0;
      pr = prev_roots ? VG_(OSetGen_Lookup)(prev_roots, &l->root->key) : NULL;
      if (pr != NULL) {
         l->before = pr->retained;
         pr->seen = True;
      }
   }
   if (mode != MR_LCD_Any && prev_roots != NULL) {
      VG_(OSetGen_ResetIter)(prev_roots);
      while ((pr = VG_(OSetGen_Next)(prev_roots)) != NULL) {
         MR_RetainedRoot* l;
         if (pr->seen)
            continue;
         l = &rr[n++];
         l->root = &pr->root;
         l->k = -1;
         l->retained.bytes = l->retained.blocks = 0;
         l->reach = l->retained;
         l->before = pr->retained;
      }
   }
   *n_roots = n;
   return rr;
}

static Int root_top_label(const MR_Retention* a, Int k, const void* unused)
{
   Int t = MR_(top_of)(a, k);
   return MR_(node_is_block)(a, a->order[t]) ? -1 : t;
}

/* Each root's sites, from a tally by root (ordered by k), into the new
   set's roots. */
static void remember_sites(const MR_Retention* a, OSet* roots)
{
   OSet* sites = MR_(retention_tally_by)(a, root_top_label, NULL);
   MR_AllocSiteSize* s;
   PrevRoot* pr = NULL;
   Int       k = -1;
   VG_(OSetGen_ResetIter)(sites);
   while ((s = VG_(OSetGen_Next)(sites)) != NULL) {
      if (s->k != k) {
         k = s->k;
         pr = VG_(OSetGen_Lookup)(roots,
                                  &MR_(roots_get)(root_index(a, k))->key);
         tl_assert(pr != NULL);
         pr->sites = VG_(newXA)(VG_(malloc), "memroot.retain.prevsites",
                                VG_(free), sizeof(MR_AllocSiteSize));
      }
      VG_(addToXA)(pr->sites, s);
   }
   VG_(OSetGen_Destroy)(sites);
}

void MR_(retention_remember)(const MR_Retention* a, Bool keep_sites)
{
   OSet* roots = VG_(OSetGen_Create)(offsetof(PrevRoot, root.key),
                                     cmp_key_prev, VG_(malloc),
                                     "memroot.retain.prev", VG_(free));
   Int i;
   for (i = 0; i < a->n_roots; i++) {
      Int       k  = a->dfn[MR_(node_of_root)(i)];
      PrevRoot* pr = VG_(OSetGen_AllocNode)(roots, sizeof(PrevRoot));
      PrevRoot* old = prev_roots != NULL
                      ? VG_(OSetGen_Lookup)(prev_roots,
                                            &MR_(roots_get)(i)->key)
                      : NULL;
      pr->root = *MR_(roots_get)(i);
      /* An index into this attribution's threads means nothing later. */
      pr->root.thread = -1;
      pr->retained.bytes  = a->ret_bytes[k];
      pr->retained.blocks = a->ret_blocks[k];
      pr->seen = False;
      pr->sites = NULL;
      /* The history goes on, its oldest size dropped when full. */
      pr->n_hist = 0;
      if (old != NULL) {
         UInt from = old->n_hist == MR_GROWTH_KEEP ? 1 : 0, j;
         for (j = from; j < old->n_hist; j++)
            pr->hist[pr->n_hist++] = old->hist[j];
      }
      pr->hist[pr->n_hist++] = pr->retained;
      VG_(OSetGen_Insert)(roots, pr);
   }
   if (keep_sites)
      remember_sites(a, roots);
   if (prev_roots != NULL) {
      PrevRoot* old;
      VG_(OSetGen_ResetIter)(prev_roots);
      while ((old = VG_(OSetGen_Next)(prev_roots)) != NULL)
         free_prev_root(old);
      VG_(OSetGen_Destroy)(prev_roots);
   }
   prev_roots = roots;
   n_reports++;
}

UInt MR_(retention_root_history)(const MR_Retention* a, UInt r,
                                 const MR_Size** hist, const XArray** sites)
{
   const PrevRoot* pr = prev_roots != NULL
                        ? VG_(OSetGen_Lookup)(prev_roots,
                                              &MR_(roots_get)(r)->key)
                        : NULL;
   if (pr == NULL)
      return 0;
   *hist  = pr->hist;
   *sites = pr->sites;
   return pr->n_hist;
}

UInt MR_(retention_n_reports)(void)
{
   return n_reports;
}

/*------------------------------------------------------------*/
/*--- Selecting the report                                  ---*/
/*------------------------------------------------------------*/

static Int cmp_root_size(const void* va, const void* vb)
{
   const MR_RetainedRoot* x = va;
   const MR_RetainedRoot* y = vb;
   if (x->retained.bytes != y->retained.bytes)
      return x->retained.bytes > y->retained.bytes ? -1 : 1;
   if (x->reach.bytes != y->reach.bytes)
      return x->reach.bytes > y->reach.bytes ? -1 : 1;
   if (x->root->index != y->root->index)
      return x->root->index < y->root->index ? -1 : 1;
   return 0;
}

static Long growth(const MR_RetainedRoot* l)
{
   return (Long)l->retained.bytes - (Long)l->before.bytes;
}

static Int cmp_root_growth(const void* va, const void* vb)
{
   Long gx = growth(va), gy = growth(vb);
   if (gx != gy)
      return gx > gy ? -1 : 1;
   return cmp_root_size(va, vb);
}

static Bool root_considered(const MR_RetainedRoot* l, MR_DeltaMode mode)
{
   switch (mode) {
   case MR_LCD_Any:
      return l->k != -1;
   case MR_LCD_Increased:
      return l->retained.bytes > l->before.bytes
             || l->retained.blocks > l->before.blocks;
   case MR_LCD_Changed:
      return l->retained.bytes != l->before.bytes
             || l->retained.blocks != l->before.blocks;
   }
   tl_assert(0);
}

static Word cmp_site(const void* key, const void* elem)
{
   const MR_AllocSiteSize* x = key;
   const MR_AllocSiteSize* y = elem;
   if (x->k != y->k)
      return x->k < y->k ? -1 : 1;
   if (x->allocated_at != y->allocated_at)
      return x->allocated_at < y->allocated_at ? -1 : 1;
   return 0;
}

/* The tally of (k, stack) in sites, made if new.  Blocks come in
   preorder, where a list's blocks, from one site, follow each other: the
   last tally is asked first. */
static MR_AllocSiteSize* site_tally(OSet* sites, Int k, ExeContext* at,
                                    MR_AllocSiteSize** last)
{
   MR_AllocSiteSize key, *s;
   if (*last != NULL && (*last)->k == k && (*last)->allocated_at == at)
      return *last;
   key.k = k;
   key.allocated_at = at;
   s = VG_(OSetGen_Lookup)(sites, &key);
   if (s == NULL) {
      s = VG_(OSetGen_AllocNode)(sites, sizeof(MR_AllocSiteSize));
      *s = key;
      s->size.bytes = s->size.blocks = 0;
      VG_(OSetGen_Insert)(sites, s);
   }
   *last = s;
   return s;
}

static ExeContext* allocated_at(const MR_Retention* a, Int k)
{
   return a->search->blocks[MR_(block_of_node)(a, a->order[k])]->allocated_at;
}

OSet* MR_(retention_tally_by)(const MR_Retention* a,
                      Int (*label)(const MR_Retention*, Int, const void*),
                      const void* opaque)
{
   OSet* sites = VG_(OSetGen_Create)(0, cmp_site, VG_(malloc),
                                     "memroot.retain.sites", VG_(free));
   MR_AllocSiteSize* last = NULL;
   Int i;
   /* In the blocks' order, which is their shadows' order in memory. */
   for (i = 0; i < a->n_blocks; i++) {
      const MR_Block*   b;
      MR_AllocSiteSize* s;
      Int k = a->dfn[MR_(node_of_block)(a, i)], key;
      if (k == -1 || (key = label(a, k, opaque)) < 0)
         continue;
      b = a->search->blocks[i];
      s = site_tally(sites, key, b->allocated_at, &last);
      s->size.bytes += b->szB;
      s->size.blocks++;
   }
   return sites;
}

static Int selected_top(const MR_Retention* a, Int k, const void* selected)
{
   return ((const Bool*)selected)[MR_(top_index)(a, k)] ? MR_(top_of)(a, k)
                                                         : -1;
}

/* Allocation sites of the blocks under each selected top. */
static OSet* tally_sites(const MR_Retention* a, const Bool* selected)
{
   return MR_(retention_tally_by)(a, selected_top, selected);
}


/* Where the path to the most of each selected root's memory starts:
   among the root's children in the dominator tree, those allocated at
   the site whose children retain the most together, and of them the one
   retaining the most.  A root's biggest child alone may be a stray block
   while most of what the root holds is in many small blocks of one site
   (an array of pointers on a stack). */
static void choose_path_heads(MR_Retention* a, const Bool* selected)
{
   OSet* by_site = VG_(OSetGen_Create)(0, cmp_site, VG_(malloc),
                                       "memroot.retain.heads", VG_(free));
   Word              n = VG_(sizeXA)(a->root_children), c;
   Int               r, n_roots = a->n_roots ? a->n_roots : 1;
   ExeContext**      site;
   SizeT*            best;
   MR_AllocSiteSize *last = NULL, *h;

   a->path_head = VG_(malloc)("memroot.retain.path_head",
                              n_roots * sizeof(Int));
   site = VG_(calloc)("memroot.retain.hsite", n_roots, sizeof(ExeContext*));
   best = VG_(calloc)("memroot.retain.hbest", n_roots, sizeof(SizeT));
   for (c = 0; c < n; c++) {
      Int k = *(Int*)VG_(indexXA)(a->root_children, c);
      if (!selected[MR_(top_index)(a, k)])
         continue;
      h = site_tally(by_site, a->idom[k], allocated_at(a, k), &last);
      h->size.bytes += a->ret_bytes[k];
      h->size.blocks++;
   }
   VG_(OSetGen_ResetIter)(by_site);
   while ((h = VG_(OSetGen_Next)(by_site)) != NULL) {
      r = root_index(a, h->k);
      if (site[r] == NULL || h->size.bytes > best[r]
          || (h->size.bytes == best[r]
              && VG_(get_ECU_from_ExeContext)(h->allocated_at)
                 < VG_(get_ECU_from_ExeContext)(site[r]))) {
         site[r] = h->allocated_at;
         best[r] = h->size.bytes;
      }
   }
   for (r = 0; r < a->n_roots; r++)
      a->path_head[r] = -1;
   for (c = 0; c < n; c++) {
      Int k = *(Int*)VG_(indexXA)(a->root_children, c), *head;
      r = root_index(a, a->idom[k]);
      if (!selected[MR_(top_index)(a, k)]
          || allocated_at(a, k) != site[r])
         continue;
      head = &a->path_head[r];
      if (*head == -1 || a->ret_bytes[k] > a->ret_bytes[*head])
         *head = k;
   }
   VG_(free)(site);
   VG_(free)(best);
   VG_(OSetGen_Destroy)(by_site);
}

/*------------------------------------------------------------*/
/*--- The stack view                                        ---*/
/*------------------------------------------------------------*/

/* The frame group of root i, or -1. */
static Int frame_group(const MR_StackView* v, const MR_Root* r)
{
   if (r->thread < 0 || r->key.kind != MR_RootStack)
      return -1;
   return v->frame_base[r->thread] + r->frame_no;
}

/* Order of a group's roots: the biggest first, then as met. */
static const MR_Retention* sorting;

static Int cmp_root_index_size(const void* va, const void* vb)
{
   UInt  x = *(const UInt*)va, y = *(const UInt*)vb;
   Int   kx = sorting->dfn[MR_(node_of_root)(x)];
   Int   ky = sorting->dfn[MR_(node_of_root)(y)];
   if (sorting->ret_bytes[kx] != sorting->ret_bytes[ky])
      return sorting->ret_bytes[kx] > sorting->ret_bytes[ky] ? -1 : 1;
   if (sorting->root_reach[x].bytes != sorting->root_reach[y].bytes)
      return sorting->root_reach[x].bytes > sorting->root_reach[y].bytes
             ? -1 : 1;
   return x < y ? -1 : x > y ? 1 : 0;
}

/* Puts each root of a group into its group's slice, biggest first;
   group_of gives -1 for roots in no group. */
static void group_roots(const MR_Retention* a, UInt n_groups,
                        Int (*group_of)(const MR_StackView*, const MR_Root*),
                        const MR_StackView* v, UInt** start, UInt** list)
{
   UInt* fill;
   UInt  g;
   Int   i;
   *start = VG_(calloc)("memroot.retain.gstart", n_groups + 1, sizeof(UInt));
   for (i = 0; i < a->n_roots; i++) {
      Int gi = group_of(v, MR_(roots_get)(i));
      if (gi >= 0)
         (*start)[gi + 1]++;
   }
   for (g = 0; g < n_groups; g++)
      (*start)[g + 1] += (*start)[g];
   *list = VG_(malloc)("memroot.retain.glist",
                       ((*start)[n_groups] + 1) * sizeof(UInt));
   fill = VG_(malloc)("memroot.retain.gfill", (n_groups + 1) * sizeof(UInt));
   for (g = 0; g < n_groups; g++)
      fill[g] = (*start)[g];
   for (i = 0; i < a->n_roots; i++) {
      Int gi = group_of(v, MR_(roots_get)(i));
      if (gi >= 0)
         (*list)[fill[gi]++] = i;
   }
   VG_(free)(fill);
   sorting = a;
   for (g = 0; g < n_groups; g++)
      VG_(ssort)(*list + (*start)[g], (*start)[g + 1] - (*start)[g],
                 sizeof(UInt), cmp_root_index_size);
   sorting = NULL;
}

static Int rest_group(const MR_StackView* v, const MR_Root* r)
{
   return r->thread >= 0 && r->key.kind != MR_RootStack ? r->thread : -1;
}

static Int thread_group(const MR_StackView* v, const MR_Root* r)
{
   return r->thread;
}

/* What a group of roots retains together: what its roots retain, and
   the shared blocks only its roots reach; what it reaches: what its
   roots retain, and the shared blocks any of them reaches.  Groups are
   given by root (group_of); stamp has a slot per group. */
static void group_sizes(const MR_Retention* a, const MR_StackView* v,
                        Int (*group_of)(const MR_StackView*, const MR_Root*),
                        UInt n_groups, MR_Size* retained, MR_Size* reach)
{
   Int* stamp = VG_(malloc)("memroot.retain.gstamp",
                            (n_groups + 1) * sizeof(Int));
   Int  i, t;
   UInt e;
   for (i = 0; i < (Int)n_groups; i++)
      stamp[i] = -1;
   for (i = 0; i < a->n_roots; i++) {
      Int g = group_of(v, MR_(roots_get)(i));
      Int k = a->dfn[MR_(node_of_root)(i)];
      if (g < 0)
         continue;
      add_size(&retained[g], a->ret_bytes[k], a->ret_blocks[k]);
      add_size(&reach[g], a->ret_bytes[k], a->ret_blocks[k]);
   }
   for (t = 0; t < a->n_sharer_tops; t++) {
      Int  kt = a->tops[a->sharer_tops[t]], only = -2;
      for (e = a->sharer_start[t]; e < a->sharer_start[t + 1]; e++) {
         Int g = group_of(v, MR_(roots_get)(a->sharer_list[e]));
         only = only == -2 || only == g ? g : -1;
         if (g >= 0 && stamp[g] != t) {
            stamp[g] = t;
            add_size(&reach[g], a->ret_bytes[kt], a->ret_blocks[kt]);
         }
      }
      if (only >= 0)
         add_size(&retained[only], a->ret_bytes[kt], a->ret_blocks[kt]);
   }
   VG_(free)(stamp);
}

static Int all_threads_group(const MR_StackView* v, const MR_Root* r)
{
   return r->thread >= 0 ? 0 : -1;
}

static Int cmp_thread_number(const void* va, const void* vb)
{
   const MR_ThreadSnap* x = MR_(roots_thread)(*(const UInt*)va);
   const MR_ThreadSnap* y = MR_(roots_thread)(*(const UInt*)vb);
   Bool ex = x->fate == MR_ThreadExited, ey = y->fate == MR_ThreadExited;
   if (x->tid != y->tid)
      return x->tid < y->tid ? -1 : 1;
   if (ex != ey)
      return ex ? 1 : -1;
   return x->lo < y->lo ? -1 : x->lo > y->lo ? 1 : 0;
}

static MR_StackView* stack_view(const MR_Retention* a)
{
   MR_StackView* v = VG_(calloc)("memroot.retain.stacks", 1, sizeof(*v));
   UInt    i, n_frames;
   MR_Size reach_all;

   v->n_threads = MR_(roots_n_threads)();
   v->frame_base = VG_(malloc)("memroot.retain.fbase",
                               (v->n_threads + 1) * sizeof(UInt));
   for (i = 0, n_frames = 0; i < v->n_threads; i++) {
      v->frame_base[i] = n_frames;
      n_frames += MR_(roots_thread)(i)->n_frames;
   }
   v->frame_base[v->n_threads] = n_frames;
   v->thread_order = VG_(malloc)("memroot.retain.torder",
                                 (v->n_threads + 1) * sizeof(UInt));
   for (i = 0; i < v->n_threads; i++)
      v->thread_order[i] = i;
   VG_(ssort)(v->thread_order, v->n_threads, sizeof(UInt), cmp_thread_number);
   v->thread_retained = VG_(calloc)("memroot.retain.tret", v->n_threads + 1,
                                    sizeof(MR_Size));
   v->thread_reach    = VG_(calloc)("memroot.retain.treach", v->n_threads + 1,
                                    sizeof(MR_Size));
   v->frame_retained  = VG_(calloc)("memroot.retain.fret", n_frames + 1,
                                    sizeof(MR_Size));
   v->frame_reach     = VG_(calloc)("memroot.retain.freach", n_frames + 1,
                                    sizeof(MR_Size));
   group_sizes(a, v, thread_group, v->n_threads, v->thread_retained,
               v->thread_reach);
   group_sizes(a, v, frame_group, n_frames, v->frame_retained,
               v->frame_reach);
   reach_all.bytes = reach_all.blocks = 0;
   group_sizes(a, v, all_threads_group, 1, &v->retained, &reach_all);
   group_roots(a, n_frames, frame_group, v, &v->frame_root_start,
               &v->frame_roots);
   group_roots(a, v->n_threads, rest_group, v, &v->rest_start,
               &v->rest_roots);
   return v;
}

static void stack_view_free(MR_StackView* v)
{
   if (v == NULL)
      return;
   VG_(free)(v->frame_base);
   VG_(free)(v->thread_order);
   VG_(free)(v->thread_retained);
   VG_(free)(v->thread_reach);
   VG_(free)(v->frame_retained);
   VG_(free)(v->frame_reach);
   VG_(free)(v->frame_root_start);
   VG_(free)(v->frame_roots);
   VG_(free)(v->rest_start);
   VG_(free)(v->rest_roots);
   VG_(free)(v);
}

/*------------------------------------------------------------*/
/*--- The report                                            ---*/
/*------------------------------------------------------------*/

void MR_(retention_select)(MR_Retention* a, const MR_RetentionParams* p)
{
   Bool*     selected;
   UInt      i, n_kept = 0;
   Int       t;

   a->params    = p;
   a->report_no = n_reports;
   a->root_reach = VG_(malloc)("memroot.retain.reach",
                               (a->n_roots ? a->n_roots : 1) * sizeof(MR_Size));
   /* The renderings show as many shared blocks as roots at most. */
   find_shared(a, p->max_roots);
   choose_sharer_tops(a, p->stacks);
   reachable_sizes(a, a->root_reach);

   /* Listed: the roots the mode considers, biggest (or fastest growing)
      first, down to the limit and the threshold; the rest are summed. */
   a->roots = retained_roots(a, a->root_reach, p->deltamode,
                             &a->n_considered);
   VG_(ssort)(a->roots, a->n_considered, sizeof(MR_RetainedRoot),
              p->deltamode == MR_LCD_Any ? cmp_root_size : cmp_root_growth);
   a->others.bytes = a->others.blocks = 0;
   {
      UInt n_all = a->n_considered;
      a->n_considered = 0;
      for (i = 0; i < n_all; i++) {
         const MR_RetainedRoot* l = &a->roots[i];
         Bool big = (ULong)l->retained.bytes * 1000000
                    >= (ULong)p->threshold_ppm * a->live.bytes;
         if (!root_considered(l, p->deltamode))
            continue;
         a->n_considered++;
         if (n_kept < p->max_roots && (big || p->deltamode != MR_LCD_Any)) {
            a->roots[n_kept++] = *l;
         } else {
            a->others.bytes  += l->retained.bytes;
            a->others.blocks += l->retained.blocks;
         }
      }
   }
   a->n_listed = n_kept;

   selected = VG_(calloc)("memroot.retain.selected", a->n_tops ? a->n_tops : 1,
                          sizeof(Bool));
   for (i = 0; i < a->n_listed; i++)
      if (a->roots[i].k != -1)
         selected[MR_(top_index)(a, a->roots[i].k)] = True;
   for (t = 0; t < a->n_shared_listed; t++)
      selected[MR_(top_index)(a, a->shared[t].k)] = True;
   a->sites = tally_sites(a, selected);
   choose_path_heads(a, selected);
   /* After the walks, which needed the room. */
   MR_(retention_rank_children)(a);
   VG_(free)(selected);
   if (p->stacks)
      a->stacks = stack_view(a);
}

void MR_(retention_free)(MR_Retention* a)
{
   VG_(free)(a->root_of_edge);
   MR_(graph_free)(&a->pred);
   VG_(free)(a->order);
   VG_(free)(a->idom);
   VG_(free)(a->dfn);
   VG_(free)(a->top);
   VG_(free)(a->tops);
   VG_(free)(a->ret_bytes);
   VG_(free)(a->ret_blocks);
   VG_(free)(a->heaviest_child);
   if (a->root_children != NULL)
      VG_(deleteXA)(a->root_children);
   VG_(free)(a->root_reach);
   VG_(free)(a->shared);
   VG_(free)(a->sharer_tops);
   VG_(free)(a->sharer_start);
   VG_(free)(a->sharer_list);
   VG_(free)(a->roots);
   if (a->sites != NULL)
      VG_(OSetGen_Destroy)(a->sites);
   VG_(free)(a->path_head);
   stack_view_free(a->stacks);
   VG_(free)(a->path_next);
   VG_(free)(a->path_queue);
   VG_(free)(a->root_word_start);
   VG_(free)(a->root_words);
   VG_(free)(a);
   MR_(roots_end)();
}

/*------------------------------------------------------------*/
/*--- Queries of the renderings                             ---*/
/*------------------------------------------------------------*/

static Int cmp_site_size(const void* va, const void* vb)
{
   const MR_AllocSiteSize* x = *(const MR_AllocSiteSize* const*)va;
   const MR_AllocSiteSize* y = *(const MR_AllocSiteSize* const*)vb;
   if (x->size.bytes != y->size.bytes)
      return x->size.bytes > y->size.bytes ? -1 : 1;
   {
      UInt ex = VG_(get_ECU_from_ExeContext)(x->allocated_at);
      UInt ey = VG_(get_ECU_from_ExeContext)(y->allocated_at);
      return ex < ey ? -1 : ex > ey ? 1 : 0;
   }
}

UInt MR_(sites_top)(OSet* sites, Int k, const MR_AllocSiteSize** out,
                    UInt max)
{
   XArray* xs = VG_(newXA)(VG_(malloc), "memroot.retain.topsites", VG_(free),
                           sizeof(MR_AllocSiteSize*));
   MR_AllocSiteSize  key, *s;
   UInt  i, n;

   /* The sites of k are consecutive in the set's order. */
   key.k = k;
   key.allocated_at = NULL;
   VG_(OSetGen_ResetIterAt)(sites, &key);
   while ((s = VG_(OSetGen_Next)(sites)) != NULL && s->k == k)
      VG_(addToXA)(xs, &s);
   n = VG_(sizeXA)(xs);
   if (n > 0)
      VG_(ssort)(VG_(indexXA)(xs, 0), n, sizeof(MR_AllocSiteSize*),
                 cmp_site_size);
   for (i = 0; i < n && i < max; i++)
      out[i] = *(MR_AllocSiteSize**)VG_(indexXA)(xs, i);
   VG_(deleteXA)(xs);
   return i;
}

UInt MR_(retention_top_sites)(const MR_Retention* a, Int k,
                              const MR_AllocSiteSize** out, UInt max)
{
   return MR_(sites_top)(a->sites, k, out, max);
}

Int MR_(retention_heaviest_descendant)(const MR_Retention* a, Int k)
{
   tl_assert(a->heaviest_child != NULL);
   if (!MR_(node_is_block)(a, a->order[k])) {
      Int head = a->path_head[root_index(a, k)];
      if (head < 0)
         return k;
      k = head;
   }
   for (;;) {
      Int best = a->heaviest_child[k];
      if (best == -1 || 2 * a->ret_bytes[best] < a->ret_bytes[k])
         return k;
      k = best;
   }
}

/* The paths' scratch, made once; each path clears only what the last
   one touched, so that a path per listed root costs what its walk costs,
   not the size of the graph. */
static void clear_path(MR_Retention* a)
{
   Int v;
   if (a->path_next == NULL) {
      a->path_next  = VG_(malloc)("memroot.retain.next",
                                  a->n_nodes * sizeof(Int));
      a->path_queue = VG_(malloc)("memroot.retain.queue",
                                  a->n_nodes * sizeof(Int));
      for (v = 0; v < a->n_nodes; v++)
         a->path_next[v] = -2;
      a->path_n_queued = 0;
   }
   for (v = 0; v < a->path_n_queued; v++)
      a->path_next[a->path_queue[v]] = -2;
   a->path_n_queued = 0;
}

static void path_step(MR_Retention* a, Int v, Int w)
{
   a->path_next[v] = w;
   a->path_queue[a->path_n_queued++] = v;
}

Int MR_(retention_paths_to)(MR_Retention* a, Int target, Int* roots,
                            Int max_roots)
{
   Int head = 0, n_roots = 0, v, e;

   clear_path(a);
   path_step(a, target, -1);
   while (head < a->path_n_queued && n_roots < max_roots) {
      Int w = a->path_queue[head++];
      for (e = a->pred.off[w]; e < a->pred.off[w + 1]; e++) {
         v = a->pred.adj[e];
         if (v == 0 || a->path_next[v] != -2)
            continue;
         /* A root is queued too, so that it is cleared next time; its
            only predecessor is the super-root. */
         path_step(a, v, w);
         if (!MR_(node_is_block)(a, v) && n_roots < max_roots)
            roots[n_roots++] = v;
      }
   }
   return n_roots;
}

static Bool has_edge(const MR_Retention* a, Int v, Int w)
{
   Int e;
   for (e = a->pred.off[w]; e < a->pred.off[w + 1]; e++)
      if (a->pred.adj[e] == v)
         return True;
   return False;
}

Bool MR_(retention_path_down)(MR_Retention* a, Int k, Int kt)
{
   Int c;
   /* Every path to kt goes through its dominators, in order: when each
      dominator points to the next, they are a shortest path.  A long
      list is walked once, not searched backwards. */
   for (c = kt; c != k; c = a->idom[c])
      if (c == 0 || !has_edge(a, a->order[a->idom[c]], a->order[c]))
         return False;
   clear_path(a);
   path_step(a, a->order[kt], -1);
   for (c = kt; c != k; c = a->idom[c])
      path_step(a, a->order[a->idom[c]], a->order[c]);
   return True;
}

/* The root words of each root, in memory order: counted, then placed. */
static void index_root_words(MR_Retention* a)
{
   Word n_mem = VG_(sizeXA)(a->search->root_edges), e;
   UInt* fill;
   Int   r;
   a->root_word_start = VG_(calloc)("memroot.retain.rwstart", a->n_roots + 1,
                                    sizeof(UInt));
   a->root_words = VG_(malloc)("memroot.retain.rwords",
                               (n_mem + 1) * sizeof(UInt));
   for (e = 0; e < n_mem; e++)
      a->root_word_start[a->root_of_edge[e] + 1]++;
   for (r = 0; r < a->n_roots; r++)
      a->root_word_start[r + 1] += a->root_word_start[r];
   fill = VG_(malloc)("memroot.retain.rwfill", (a->n_roots + 1) * sizeof(UInt));
   for (r = 0; r < a->n_roots; r++)
      fill[r] = a->root_word_start[r];
   for (e = 0; e < n_mem; e++)
      a->root_words[fill[a->root_of_edge[e]]++] = e;
   VG_(free)(fill);
}

static Addr root_word_to(MR_Retention* a, UInt r, Int i)
{
   UInt j;
   if (a->root_word_start == NULL)
      index_root_words(a);
   for (j = a->root_word_start[r]; j < a->root_word_start[r + 1]; j++) {
      const MR_RootEdge* e = VG_(indexXA)(a->search->root_edges,
                                          a->root_words[j]);
      if (e->target == i)
         return e->where;
   }
   return 0;
}

typedef struct {
   const MR_Search* s;
   Int              target;
   Addr             where;
} WordSearch;

static void find_word_to(Addr where, Addr v, void* opaque)
{
   WordSearch* ws = opaque;
   if (ws->where == 0 && MR_(search_held_target)(ws->s, v) == ws->target)
      ws->where = where;
}

Addr MR_(retention_hop_word)(MR_Retention* a, Int v, Int w)
{
   Int i = MR_(block_of_node)(a, w);
   if (MR_(node_is_block)(a, v)) {
      WordSearch ws = { a->search, i, 0 };
      MR_(search_scan_block)(a->search, MR_(block_of_node)(a, v),
                             find_word_to, &ws);
      tl_assert(ws.where != 0);
      return ws.where;
   }
   return root_word_to(a, v - 1, i);
}

/*------------------------------------------------------------*/
/*--- Allocation points                                     ---*/
/*------------------------------------------------------------*/

typedef struct { Addr ip; } FirstFrame;

static void first_client_frame(UInt n, DiEpoch ep, Addr ip, void* opaque)
{
   FirstFrame*  ff = opaque;
   const HChar* obj;
   if (ff->ip != 0)
      return;
   /* The allocator's frame is memroot's preload: skip it. */
   if (VG_(get_objname)(ep, ip, &obj) && VG_(strstr)(obj, "vgpreload_"))
      return;
   ff->ip = ip;
}

/* Stacks live as long as the run, and are asked for block after block:
   a small cache by stack number saves a walk of the stack each time. */
#define MR_ALLOC_IP_CACHE 4096
static struct { ExeContext* ec; Addr ip; } alloc_ip_cache[MR_ALLOC_IP_CACHE];

Addr MR_(allocation_ip)(ExeContext* ec)
{
   UInt slot = VG_(get_ECU_from_ExeContext)(ec) % MR_ALLOC_IP_CACHE;
   if (alloc_ip_cache[slot].ec != ec) {
      FirstFrame ff = { 0 };
      VG_(apply_ExeContext)(first_client_frame, &ff, ec);
      alloc_ip_cache[slot].ec = ec;
      alloc_ip_cache[slot].ip = ff.ip;
   }
   return alloc_ip_cache[slot].ip;
}
