/* memroot domtree: graphs in compressed rows, and their dominator trees.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_DOMTREE_H
#define __MR_DOMTREE_H

#include "mr_basics.h"

/* Node v's neighbours are adj[off[v] .. off[v+1]). */
typedef struct {
   Int  n_nodes;
   Int* off;
   Int* adj;
} MR_Graph;

/* A graph from a source of edges, which each_edge emits (twice: the
   edges are counted, then placed). */
typedef void (*MR_EdgeFn)(Int from, Int to, void* opaque);
typedef void (*MR_EdgeSource)(void* source, MR_EdgeFn emit, void* opaque);
void MR_(graph_build)(Int n_nodes, MR_EdgeSource each_edge, void* source,
                      MR_Graph* g);

/* The graph with every edge reversed. */
void MR_(graph_transpose)(const MR_Graph* g, MR_Graph* t);
void MR_(graph_free)(MR_Graph* g);

/* The dominator tree of the nodes reached from node 0, by the semi-NCA
   algorithm, without recursion.  order[0..n) gets the reached nodes in
   depth-first preorder (order[0] is 0) and n is returned; idom[k] is the
   preorder number of the immediate dominator of order[k] (idom[0] = 0),
   so that idom[k] < k; dfn[v] is the preorder number of node v, or -1
   if node 0 does not reach it.  g holds the successors on the way in and
   the predecessors on the way out: only the numbering needs the
   successors, so a heap's graph is never held twice for long. */
Int MR_(dominators)(MR_Graph* g, Int* order, Int* idom, Int* dfn);

#endif
