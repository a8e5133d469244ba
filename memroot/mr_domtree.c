/* memroot domtree: dominators by semi-NCA (Georgiadis and Tarjan): a
   depth-first numbering, semidominators by Lengauer and Tarjan's
   eval/link with path compression, then each immediate dominator as the
   nearest common ancestor of the parent and the semidominator.  Near
   linear; every walk uses an explicit stack, so a list of millions of
   blocks needs no deep recursion.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "mr_domtree.h"

/* The edges are emitted twice: counted by source, then placed. */
typedef struct {
   MR_Graph* g;
   Int*      fill;     /* NULL while counting */
} Builder;

static void count_or_place(Int from, Int to, void* opaque)
{
   Builder* b = opaque;
   if (b->fill == NULL)
      b->g->off[from + 1]++;
   else
      b->g->adj[b->fill[from]++] = to;
}

void MR_(graph_build)(Int n_nodes, MR_EdgeSource each_edge, void* source,
                      MR_Graph* g)
{
   Builder b = { g, NULL };
   Int     v;

   g->n_nodes = n_nodes;
   g->off = VG_(calloc)("memroot.graph.off", n_nodes + 1, sizeof(Int));
   each_edge(source, count_or_place, &b);
   for (v = 0; v < n_nodes; v++)
      g->off[v + 1] += g->off[v];
   g->adj = VG_(malloc)("memroot.graph.adj",
                        (g->off[n_nodes] ? g->off[n_nodes] : 1) * sizeof(Int));
   b.fill = VG_(malloc)("memroot.graph.fill", (n_nodes ? n_nodes : 1) * sizeof(Int));
   for (v = 0; v < n_nodes; v++)
      b.fill[v] = g->off[v];
   each_edge(source, count_or_place, &b);
   VG_(free)(b.fill);
}

void MR_(graph_transpose)(const MR_Graph* g, MR_Graph* t)
{
   Int n = g->n_nodes, m = g->off[n], v, e;

   /* The edges are counted by target, then placed with off[w+1] as w's
      fill pointer, which ends where off[w+2] starts: plain loops and no
      array more, since a heap's graph has as many edges as blocks. */
   t->n_nodes = n;
   t->off = VG_(calloc)("memroot.graph.toff", n + 2, sizeof(Int));
   for (e = 0; e < m; e++)
      t->off[g->adj[e] + 2]++;
   for (v = 1; v <= n; v++)
      t->off[v + 1] += t->off[v];
   t->adj = VG_(malloc)("memroot.graph.tadj", (m ? m : 1) * sizeof(Int));
   for (v = 0; v < n; v++)
      for (e = g->off[v]; e < g->off[v + 1]; e++)
         t->adj[t->off[g->adj[e] + 1]++] = v;
}

void MR_(graph_free)(MR_Graph* g)
{
   VG_(free)(g->off);
   VG_(free)(g->adj);
   g->off = g->adj = NULL;
   g->n_nodes = 0;
}

/* Preorder from node 0; parent[k] is the number of order[k]'s parent.
   The stack (on, next) holds each node of the path with the next of its
   edges to follow, so that a walk down a long list touches memory in
   order. */
static Int number_nodes(const MR_Graph* succ, Int* order, Int* dfn,
                        Int* parent, Int* on, Int* next)
{
   Int n = succ->n_nodes, top = 0, k = 0, v;

   for (v = 0; v < n; v++)
      dfn[v] = -1;
   dfn[0] = 0;
   order[0] = 0;
   parent[0] = 0;
   on[0] = 0;
   next[0] = succ->off[0];
   while (top >= 0) {
      v = on[top];
      if (next[top] < succ->off[v + 1]) {
         Int w = succ->adj[next[top]++];
         if (dfn[w] == -1) {
            dfn[w] = ++k;
            order[k] = w;
            parent[k] = dfn[v];
            on[++top] = w;
            next[top] = succ->off[w];
         }
      } else {
         top--;
      }
   }
   return k + 1;
}

/* Lengauer and Tarjan's COMPRESS, iteratively: first the chain of
   ancestors to update, then the updates from the top down. */
static void compress(Int v, Int* anc, Int* label, const Int* semi, Int* stack)
{
   Int top = 0;
   while (anc[anc[v]] != -1) {
      stack[top++] = v;
      v = anc[v];
   }
   while (top > 0) {
      Int x = stack[--top], a = anc[x];
      if (semi[label[a]] < semi[label[x]])
         label[x] = label[a];
      anc[x] = anc[a];
   }
}

Int MR_(dominators)(MR_Graph* g, Int* order, Int* idom, Int* dfn)
{
   Int  n = g->n_nodes, nr, i, e;
   Int* semi  = VG_(malloc)("memroot.dom.semi",  n * sizeof(Int));
   Int* label = VG_(malloc)("memroot.dom.label", n * sizeof(Int));
   Int* anc, *stack = NULL;
   MR_Graph  t;
   MR_Graph* pred = &t;

   tl_assert(n > 0);
   /* idom holds the parents until each is replaced by the immediate
      dominator; the walk's stack becomes semi and label.  A heap's graph
      is as big as the heap: each array less is one less pass. */
   nr  = number_nodes(g, order, dfn, idom, semi, label);
   MR_(graph_transpose)(g, &t);
   MR_(graph_free)(g);
   anc = VG_(malloc)("memroot.dom.anc", nr * sizeof(Int));
   for (i = 0; i < nr; i++) {
      semi[i] = label[i] = i;
      anc[i] = -1;
   }
   for (i = nr - 1; i > 0; i--) {
      Int w = order[i];
      /* One predecessor: the parent, not linked yet, is the
         semidominator (most blocks of a heap). */
      if (pred->off[w + 1] - pred->off[w] == 1) {
         semi[i] = anc[i] = idom[i];
         continue;
      }
      for (e = pred->off[w]; e < pred->off[w + 1]; e++) {
         Int j = dfn[pred->adj[e]], u = j;
         if (j == -1)
            continue;              /* an edge from an unreached node */
         if (anc[j] != -1) {
            if (stack == NULL)
               stack = VG_(malloc)("memroot.dom.stack", nr * sizeof(Int));
            compress(j, anc, label, semi, stack);
            u = label[j];
         }
         if (semi[u] < semi[i])
            semi[i] = semi[u];
      }
      anc[i] = idom[i];
   }
   /* The immediate dominator is the nearest common ancestor of the
      parent and the semidominator: idom[d] is final for d < i. */
   idom[0] = 0;
   for (i = 1; i < nr; i++) {
      Int d = idom[i];
      while (d > semi[i])
         d = idom[d];
      idom[i] = d;
   }
   VG_(free)(stack);
   VG_(free)(semi);
   VG_(free)(label);
   VG_(free)(anc);
   *g = t;
   return nr;
}
