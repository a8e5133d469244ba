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
   This file is part of memroot, free software under the GNU General Public
   License, version 2 or (at your option) any later version; see COPYING. */

#include "pub_tool_execontext.h"
#include "mr_retain.h"

/*------------------------------------------------------------*/
/*--- The graph                                             ---*/
/*------------------------------------------------------------*/

/* Every edge: the super-root's to each root, each root's to the blocks
   its words point into (in the order of its words), each reached block's
   to the blocks it points into. */
static void graph_edges(void* source, MR_EdgeFn emit, void* opaque)
{
   const MR_Retention* a = source;
   const MR_Search*    s = a->search;
   Word n_mem = VG_(sizeXA)(s->root_edges), n_reg = VG_(sizeXA)(s->reg_edges);
   Word e;
   Int  r, i;
   UInt j;

   for (r = 0; r < a->n_roots; r++)
      emit(0, MR_(node_of_root)(r), opaque);
   for (e = 0; e < n_mem; e++) {
      const MR_RootEdge* re = VG_(indexXA)(s->root_edges, e);
      emit(MR_(node_of_root)(a->root_of_edge[e]),
           MR_(node_of_block)(a, re->target), opaque);
   }
   for (e = 0; e < n_reg; e++) {
      const MR_RegisterEdge* re = VG_(indexXA)(s->reg_edges, e);
      emit(MR_(node_of_root)(a->root_of_edge[n_mem + e]),
           MR_(node_of_block)(a, re->target), opaque);
   }
   for (i = 0; i < a->n_blocks; i++)
      for (j = 0; j < s->edge_n[i]; j++)
         emit(MR_(node_of_block)(a, i),
              MR_(node_of_block)(a, s->edges[s->edge_start[i] + j]), opaque);
}

/* Names the roots, in the order their first words were met (root memory
   by address, then registers), and builds the graph. */
static void build_graph(MR_Retention* a)
{
   const MR_Search* s = a->search;
   Word n_mem = VG_(sizeXA)(s->root_edges);
   Word n_reg = VG_(sizeXA)(s->reg_edges), e;

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
   a->n_nodes  = 1 + a->n_roots + a->n_blocks;
   MR_(graph_build)(a->n_nodes, graph_edges, a, &a->succ);
   MR_(graph_transpose)(&a->succ, &a->pred);
}

/*------------------------------------------------------------*/
/*--- Dominators and sizes                                  ---*/
/*------------------------------------------------------------*/

static void idom_edges(void* source, MR_EdgeFn emit, void* opaque)
{
   const MR_Retention* a = source;
   Int k;
   for (k = 1; k < a->nr; k++)
      emit(a->idom[k], k, opaque);
}

static void dominate(MR_Retention* a)
{
   Int k, i, n = a->n_nodes;

   a->order = VG_(malloc)("memroot.retain.order", n * sizeof(Int));
   a->idom  = VG_(malloc)("memroot.retain.idom",  n * sizeof(Int));
   a->nr    = MR_(dominators)(&a->succ, &a->pred, a->order, a->idom);
   a->dfn   = VG_(malloc)("memroot.retain.dfn", n * sizeof(Int));
   for (i = 0; i < n; i++)
      a->dfn[i] = -1;
   for (k = 0; k < a->nr; k++)
      a->dfn[a->order[k]] = k;

   a->ret_bytes  = VG_(calloc)("memroot.retain.rbytes", a->nr, sizeof(SizeT));
   a->ret_blocks = VG_(calloc)("memroot.retain.rblocks", a->nr, sizeof(UInt));
   for (k = a->nr - 1; k > 0; k--) {
      Int v = a->order[k];
      if (MR_(node_is_block)(a, v)) {
         a->ret_bytes[k] += a->search->blocks[MR_(block_of_node)(a, v)]->szB;
         a->ret_blocks[k]++;
      }
      a->ret_bytes[a->idom[k]]  += a->ret_bytes[k];
      a->ret_blocks[a->idom[k]] += a->ret_blocks[k];
   }
   a->top = VG_(malloc)("memroot.retain.top", a->nr * sizeof(Int));
   a->top[0] = 0;
   for (k = 1; k < a->nr; k++)
      a->top[k] = a->idom[k] == 0 ? k : a->top[a->idom[k]];
   MR_(graph_build)(a->nr, idom_edges, a, &a->kids);

   a->live.bytes = 0;
   a->live.blocks = a->n_blocks;
   for (i = 0; i < a->n_blocks; i++)
      a->live.bytes += a->search->blocks[i]->szB;
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

/* The edges between subtrees under the super-root, as (top, top) over
   preorder numbers: each leads to a shared block. */
static void subtree_edges(void* source, MR_EdgeFn emit, void* opaque)
{
   const MR_Retention* a = source;
   Int k, e;
   for (k = 1; k < a->nr; k++) {
      Int v = a->order[k];
      for (e = a->succ.off[v]; e < a->succ.off[v + 1]; e++) {
         Int kw = a->dfn[a->succ.adj[e]];
         if (a->top[kw] == a->top[k])
            continue;
         tl_assert(a->idom[kw] == 0);
         emit(a->top[k], kw, opaque);
      }
   }
}

/* What each root reaches: the subtrees of the shared blocks it reaches,
   besides its own; and, per shared block, the roots that reach it.  The
   graph of those subtrees is small; it is walked once per root. */
static void reachable_sizes(const MR_Retention* a, MR_Size* reach,
                            XArray** sharers)
{
   MR_Graph h;
   Int      k, e, i;
   Int*     stamp, *stack;

   MR_(graph_build)(a->nr, subtree_edges, (void*)a, &h);
   stamp = VG_(malloc)("memroot.retain.stamp", a->nr * sizeof(Int));
   stack = VG_(malloc)("memroot.retain.hstack", a->nr * sizeof(Int));
   for (k = 0; k < a->nr; k++)
      stamp[k] = -1;
   for (i = 0; i < a->n_roots; i++) {
      Int kr = a->dfn[MR_(node_of_root)(i)], top = 0;
      reach[i].bytes = reach[i].blocks = 0;
      if (kr == -1)
         continue;
      stamp[kr] = i;
      stack[top++] = kr;
      while (top > 0) {
         Int x = stack[--top];
         reach[i].bytes  += a->ret_bytes[x];
         reach[i].blocks += a->ret_blocks[x];
         if (x != kr)
            VG_(addToXA)(sharers[x], &i);
         for (e = h.off[x]; e < h.off[x + 1]; e++) {
            if (stamp[h.adj[e]] != i) {
               stamp[h.adj[e]] = i;
               stack[top++] = h.adj[e];
            }
         }
      }
   }
   VG_(free)(stamp);
   VG_(free)(stack);
   MR_(graph_free)(&h);
}

/* The shared blocks heading subtrees, biggest first. */
static Int cmp_shared_size(const void* va, const void* vb)
{
   const MR_SharedBlock* x = va;
   const MR_SharedBlock* y = vb;
   if (x->retained.bytes != y->retained.bytes)
      return x->retained.bytes > y->retained.bytes ? -1 : 1;
   return x->k < y->k ? -1 : x->k > y->k ? 1 : 0;
}

static void find_shared(MR_Retention* a)
{
   Int k, n = 0;
   a->shared = VG_(malloc)("memroot.retain.shared",
                           (a->nr ? a->nr : 1) * sizeof(MR_SharedBlock));
   a->shared_total.bytes = a->shared_total.blocks = 0;
   for (k = 1; k < a->nr; k++)
      if (a->idom[k] == 0 && MR_(node_is_block)(a, a->order[k])) {
         a->shared[n].k = k;
         a->shared[n].retained.bytes  = a->ret_bytes[k];
         a->shared[n].retained.blocks = a->ret_blocks[k];
         a->shared[n].sharers = NULL;
         n++;
         a->shared_total.bytes  += a->ret_bytes[k];
         a->shared_total.blocks += a->ret_blocks[k];
      }
   VG_(ssort)(a->shared, n, sizeof(MR_SharedBlock), cmp_shared_size);
   a->n_shared = n;
}

/*------------------------------------------------------------*/
/*--- Growth between reports                                ---*/
/*------------------------------------------------------------*/

typedef struct {
   MR_Root root;            /* a copy: its key, and what names it */
   MR_Size retained;
   Bool    seen;            /* in this report */
} PrevRoot;

static OSet* prev_roots;    /* of the last report, by key */
static UInt  n_reports;

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

void MR_(retention_remember)(const MR_Retention* a)
{
   Int i;
   if (prev_roots != NULL)
      VG_(OSetGen_Destroy)(prev_roots);
   prev_roots = VG_(OSetGen_Create)(offsetof(PrevRoot, root.key),
                                    cmp_key_prev, VG_(malloc),
                                    "memroot.retain.prev", VG_(free));
   for (i = 0; i < a->n_roots; i++) {
      Int       k  = a->dfn[MR_(node_of_root)(i)];
      PrevRoot* pr = VG_(OSetGen_AllocNode)(prev_roots, sizeof(PrevRoot));
      pr->root = *MR_(roots_get)(i);
      pr->retained.bytes  = a->ret_bytes[k];
      pr->retained.blocks = a->ret_blocks[k];
      pr->seen = False;
      VG_(OSetGen_Insert)(prev_roots, pr);
   }
   n_reports++;
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

/* Allocation sites of the blocks under each selected top. */
static OSet* tally_sites(const MR_Retention* a, const Bool* selected)
{
   OSet* sites = VG_(OSetGen_Create)(0, cmp_site, VG_(malloc),
                                     "memroot.retain.sites", VG_(free));
   Int k;
   for (k = 1; k < a->nr; k++) {
      Int v = a->order[k];
      const MR_Block*   b;
      MR_AllocSiteSize  key, *s;
      if (!MR_(node_is_block)(a, v) || !selected[a->top[k]])
         continue;
      b = a->search->blocks[MR_(block_of_node)(a, v)];
      key.k = a->top[k];
      key.allocated_at = b->allocated_at;
      s = VG_(OSetGen_Lookup)(sites, &key);
      if (s == NULL) {
         s = VG_(OSetGen_AllocNode)(sites, sizeof(MR_AllocSiteSize));
         *s = key;
         s->size.bytes = s->size.blocks = 0;
         VG_(OSetGen_Insert)(sites, s);
      }
      s->size.bytes += b->szB;
      s->size.blocks++;
   }
   return sites;
}

void MR_(retention_select)(MR_Retention* a, const MR_RetentionParams* p)
{
   MR_Size*  reach;
   XArray**  sharers;
   Bool*     selected;
   UInt      i, n_kept = 0;
   Int       t;

   a->params    = p;
   a->report_no = n_reports;
   reach   = VG_(malloc)("memroot.retain.reach",
                         (a->n_roots ? a->n_roots : 1) * sizeof(MR_Size));
   sharers = VG_(calloc)("memroot.retain.sharers", a->nr, sizeof(XArray*));
   find_shared(a);
   for (t = 0; t < a->n_shared; t++) {
      Int k = a->shared[t].k;
      sharers[k] = VG_(newXA)(VG_(malloc), "memroot.retain.sharer",
                              VG_(free), sizeof(Int));
      a->shared[t].sharers = sharers[k];
   }
   reachable_sizes(a, reach, sharers);
   VG_(free)(sharers);

   /* Listed: the roots the mode considers, biggest (or fastest growing)
      first, down to the limit and the threshold; the rest are summed. */
   a->roots = retained_roots(a, reach, p->deltamode, &a->n_considered);
   VG_(free)(reach);
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

   selected = VG_(calloc)("memroot.retain.selected", a->nr ? a->nr : 1,
                          sizeof(Bool));
   for (i = 0; i < a->n_listed; i++)
      if (a->roots[i].k != -1)
         selected[a->roots[i].k] = True;
   for (t = 0; t < a->n_shared; t++)
      selected[a->shared[t].k] = True;
   a->sites = tally_sites(a, selected);
   VG_(free)(selected);
}

void MR_(retention_free)(MR_Retention* a)
{
   Int t;
   VG_(free)(a->root_of_edge);
   MR_(graph_free)(&a->succ);
   MR_(graph_free)(&a->pred);
   MR_(graph_free)(&a->kids);
   VG_(free)(a->order);
   VG_(free)(a->idom);
   VG_(free)(a->dfn);
   VG_(free)(a->top);
   VG_(free)(a->ret_bytes);
   VG_(free)(a->ret_blocks);
   if (a->shared != NULL) {
      for (t = 0; t < a->n_shared; t++)
         VG_(deleteXA)(a->shared[t].sharers);
      VG_(free)(a->shared);
   }
   VG_(free)(a->roots);
   if (a->sites != NULL)
      VG_(OSetGen_Destroy)(a->sites);
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

UInt MR_(retention_top_sites)(const MR_Retention* a, Int k,
                              const MR_AllocSiteSize** out, UInt max)
{
   XArray* xs = VG_(newXA)(VG_(malloc), "memroot.retain.topsites", VG_(free),
                           sizeof(MR_AllocSiteSize*));
   MR_AllocSiteSize  key, *s;
   UInt  i, n;

   /* The sites of k are consecutive in the set's order. */
   key.k = k;
   key.allocated_at = NULL;
   VG_(OSetGen_ResetIterAt)(a->sites, &key);
   while ((s = VG_(OSetGen_Next)(a->sites)) != NULL && s->k == k)
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

Int MR_(retention_heaviest_descendant)(const MR_Retention* a, Int k)
{
   for (;;) {
      Int e, best = -1;
      for (e = a->kids.off[k]; e < a->kids.off[k + 1]; e++) {
         Int c = a->kids.adj[e];
         if (best == -1 || a->ret_bytes[c] > a->ret_bytes[best])
            best = c;
      }
      if (best == -1
          || (MR_(node_is_block)(a, a->order[k])
              && 2 * a->ret_bytes[best] < a->ret_bytes[k]))
         return k;
      k = best;
   }
}

Int MR_(retention_paths_to)(const MR_Retention* a, Int target, Int* next,
                            Int* roots, Int max_roots)
{
   Int* queue = VG_(malloc)("memroot.retain.queue", a->n_nodes * sizeof(Int));
   Int  head = 0, tail = 0, n_roots = 0, v, e;

   for (v = 0; v < a->n_nodes; v++)
      next[v] = -2;
   next[target] = -1;
   queue[tail++] = target;
   while (head < tail && n_roots < max_roots) {
      Int w = queue[head++];
      for (e = a->pred.off[w]; e < a->pred.off[w + 1]; e++) {
         v = a->pred.adj[e];
         if (v == 0 || next[v] != -2)
            continue;
         next[v] = w;
         if (MR_(node_is_block)(a, v)) {
            queue[tail++] = v;
         } else if (n_roots < max_roots) {
            roots[n_roots++] = v;
         }
      }
   }
   VG_(free)(queue);
   return n_roots;
}

Addr MR_(retention_root_word_to)(const MR_Retention* a, UInt r, Int i)
{
   const MR_Search* s = a->search;
   Word k;
   for (k = 0; k < VG_(sizeXA)(s->root_edges); k++) {
      const MR_RootEdge* e = VG_(indexXA)(s->root_edges, k);
      if (e->target == i && a->root_of_edge[k] == r)
         return e->where;
   }
   return 0;
}
