/* memroot retain: attribution of the reachable heap to named roots.

   The graph has a super-root (node 0), one node per named root (1..R)
   and one per block of the search (R+1..); its edges are the pointers the
   search followed, start or interior, into the blocks it reached: still
   reachable and possibly lost ones, which the roots hold all the same.  Retained size of a root: its
   dominator subtree.  Reachable size: the roots reach only their own
   subtrees and subtrees of "shared" blocks (those dominated by the super-
   root alone), so it is found on the small graph of those subtrees. */

#include "pub_tool_execontext.h"
#include "pub_tool_libcfile.h"
#include "pub_tool_libcproc.h"
#include "pub_tool_machine.h"
#include "pub_tool_options.h"
#include "pub_tool_oset.h"
#include "pub_tool_stacktrace.h"
#include "pub_tool_vki.h"
#include "pub_tool_xarray.h"
#include "mr_domtree.h"
#include "mr_heap.h"
#include "memroot.h"
#include "mr_json.h"
#include "mr_options.h"
#include "mr_report.h"
#include "mr_retain.h"
#include "mr_roots.h"
#include "mr_slots.h"

/* A root word that points to a reachable block; where is 0 for a
   register. */
typedef struct {
   UInt root;
   Addr where;
   Int  target;     /* block index */
} RootEdge;

/* One attribution.  Arrays "by k" are indexed by preorder number. */
typedef struct {
   Int      n_roots, n_blocks, n_nodes;
   MR_Graph succ, pred;
   XArray*  root_edges;      /* of RootEdge, by root */
   Int      nr;              /* nodes reached */
   Int*     order;           /* by k: the node */
   Int*     idom;            /* by k: k of the immediate dominator */
   Int*     dfn;             /* by node: k, or -1 */
   Int*     top;             /* by k: the child of the super-root above */
   SizeT*   ret_bytes;       /* by k: of its dominator subtree */
   UInt*    ret_blocks;
   SizeT    live_bytes;      /* of every block of the search */
   UInt     live_blocks;
} Attribution;

static Int node_of_root(UInt r)                    { return 1 + r; }
static Int node_of_block(const Attribution* a, Int i) { return 1 + a->n_roots + i; }
static Bool node_is_block(const Attribution* a, Int v) { return v > a->n_roots; }
static Int block_of_node(const Attribution* a, Int v)  { return v - 1 - a->n_roots; }

/*------------------------------------------------------------*/
/*--- Building the graph                                    ---*/
/*------------------------------------------------------------*/

static Int* adj;
static Int  adj_n, adj_cap;

static void push_edge(Int target)
{
   if (adj_n == adj_cap) {
      adj_cap = adj_cap ? 2 * adj_cap : 1024;
      adj = VG_(realloc)("memroot.retain.adj", adj, adj_cap * sizeof(Int));
   }
   adj[adj_n++] = target;
}

static void collect_root_word(Addr where, Addr v, void* opaque)
{
   XArray*  edges = opaque;
   Int      t = MR_(lc_held_target)(v);
   RootEdge e;
   if (t == -1)
      return;
   e.root   = MR_(root_of_word)(where)->index;
   e.where  = where;
   e.target = t;
   VG_(addToXA)(edges, &e);
}

static XArray* register_edges;     /* apply_to_GP_regs takes no closure */

static void collect_register(ThreadId tid, const HChar* regname, Addr v)
{
   Int      t = MR_(lc_held_target)(v);
   RootEdge e;
   if (t == -1)
      return;
   e.root   = MR_(root_of_register)(tid, regname)->index;
   e.where  = 0;
   e.target = t;
   VG_(addToXA)(register_edges, &e);
}

static void collect_block_word(Addr where, Addr v, void* opaque)
{
   const Attribution* a = opaque;
   Int t = MR_(lc_held_target)(v);
   if (t != -1)
      push_edge(node_of_block(a, t));
}

static Int cmp_root_edge(const void* va, const void* vb)
{
   const RootEdge* x = va;
   const RootEdge* y = vb;
   if (x->root != y->root)
      return x->root < y->root ? -1 : 1;
   return x->where < y->where ? -1 : x->where > y->where ? 1 : 0;
}

static void build_graph(Attribution* a)
{
   Int i, v;
   UInt r;

   a->root_edges = VG_(newXA)(VG_(malloc), "memroot.retain.redges",
                              VG_(free), sizeof(RootEdge));
   MR_(lc_scan_root_memory)(collect_root_word, a->root_edges);
   register_edges = a->root_edges;
   VG_(apply_to_GP_regs)(collect_register);
   register_edges = NULL;
   VG_(setCmpFnXA)(a->root_edges, cmp_root_edge);
   VG_(sortXA)(a->root_edges);

   a->n_roots  = MR_(roots_n)();
   a->n_blocks = MR_(lc_n_blocks)();
   a->n_nodes  = 1 + a->n_roots + a->n_blocks;
   a->succ.n_nodes = a->n_nodes;
   a->succ.off = VG_(malloc)("memroot.retain.off",
                             (a->n_nodes + 1) * sizeof(Int));
   adj = NULL;
   adj_n = adj_cap = 0;
   a->succ.off[0] = 0;
   for (r = 0; r < a->n_roots; r++)
      push_edge(node_of_root(r));
   a->succ.off[1] = adj_n;
   i = 0;
   for (r = 0; r < a->n_roots; r++) {
      for (; i < VG_(sizeXA)(a->root_edges); i++) {
         const RootEdge* e = VG_(indexXA)(a->root_edges, i);
         if (e->root != r)
            break;
         push_edge(node_of_block(a, e->target));
      }
      a->succ.off[node_of_root(r) + 1] = adj_n;
   }
   for (i = 0; i < a->n_blocks; i++) {
      v = node_of_block(a, i);
      if (MR_(lc_state)(i) <= MR_Possible)
         MR_(lc_scan_block)(i, collect_block_word, a);
      a->succ.off[v + 1] = adj_n;
   }
   a->succ.adj = adj;
   adj = NULL;
   MR_(graph_transpose)(&a->succ, &a->pred);
}

/*------------------------------------------------------------*/
/*--- Dominators and sizes                                  ---*/
/*------------------------------------------------------------*/

static void attribute(Attribution* a)
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
      if (node_is_block(a, v)) {
         a->ret_bytes[k] += MR_(lc_block)(block_of_node(a, v))->szB;
         a->ret_blocks[k]++;
      }
      a->ret_bytes[a->idom[k]]  += a->ret_bytes[k];
      a->ret_blocks[a->idom[k]] += a->ret_blocks[k];
   }
   a->top = VG_(malloc)("memroot.retain.top", a->nr * sizeof(Int));
   a->top[0] = 0;
   for (k = 1; k < a->nr; k++)
      a->top[k] = a->idom[k] == 0 ? k : a->top[a->idom[k]];

   a->live_bytes = 0;
   a->live_blocks = a->n_blocks;
   for (i = 0; i < a->n_blocks; i++)
      a->live_bytes += MR_(lc_block)(i)->szB;
}

/* What each child of the super-root reaches: the subtrees of the shared
   blocks it reaches, besides its own.  The graph of those subtrees is
   small; it is walked once per root. */
typedef struct {
   SizeT bytes;
   UInt  blocks;
} Size;

/* The edges between subtrees under the super-root, as (top, top) over
   preorder numbers: each leads to a shared block. */
static void subtree_edges(void* source, MR_EdgeFn emit, void* opaque)
{
   const Attribution* a = source;
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

static void reachable_sizes(const Attribution* a, Size* reach,
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
      Int kr = a->dfn[node_of_root(i)], top = 0;
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

/*------------------------------------------------------------*/
/*--- Paths                                                 ---*/
/*------------------------------------------------------------*/

/* Breadth first from the target against the edges: next[v] is the node
   after v on a shortest path from v to the target.  Stops once max_roots
   roots are found, which go to roots[] nearest first. */
static Int paths_to(const Attribution* a, Int target, Int* next,
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
         if (node_is_block(a, v)) {
            queue[tail++] = v;
         } else if (n_roots < max_roots) {
            roots[n_roots++] = v;
         }
      }
   }
   VG_(free)(queue);
   return n_roots;
}

typedef struct { Int target; Addr where; } WordSearch;

static void find_word_to(Addr where, Addr v, void* opaque)
{
   WordSearch* ws = opaque;
   if (ws->where == 0 && MR_(lc_held_target)(v) == ws->target)
      ws->where = where;
}

/* The word of root r that points to block i. */
static Addr root_word_to(const Attribution* a, UInt r, Int i)
{
   Word k;
   for (k = 0; k < VG_(sizeXA)(a->root_edges); k++) {
      const RootEdge* e = VG_(indexXA)(a->root_edges, k);
      if (e->root == r && e->target == i)
         return e->where;
   }
   tl_assert(0);
}

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

static void pp_allocated_at(const MR_Block* b, const HChar* indent)
{
   FirstFrame ff = { 0 };
   VG_(apply_ExeContext)(first_client_frame, &ff, b->where);
   if (ff.ip != 0)
      VG_(umsg)("%sallocated at %s\n", indent,
                VG_(describe_IP)(VG_(current_DiEpoch)(), ff.ip, NULL));
}

/* One hop: the pointer from node v (a root or a block) to block node w. */
static void pp_hop(const Attribution* a, Int v, Int w, const HChar* indent)
{
   const MR_Block* to = MR_(lc_block)(block_of_node(a, w));
   HChar  sub[32];
   Addr   where;

   if (node_is_block(a, v)) {
      const MR_Block* from = MR_(lc_block)(block_of_node(a, v));
      WordSearch ws = { block_of_node(a, w), 0 };
      MR_(lc_scan_block)(block_of_node(a, v), find_word_to, &ws);
      tl_assert(ws.where != 0);
      where = ws.where;
      VG_(umsg)("%sits word at +%lu points to block %#lx (%'lu bytes)\n",
                indent, where - from->data, to->data, (SizeT)to->szB);
   } else {
      HChar word[256];
      where = root_word_to(a, v - 1, block_of_node(a, w));
      MR_(root_word_text)(MR_(roots_get)(v - 1), where, word, sizeof(word));
      VG_(umsg)("%s%s points to block %#lx (%'lu bytes)\n", indent, word,
                to->data, (SizeT)to->szB);
   }
   VG_(snprintf)(sub, sizeof(sub), "%s   ", indent);
   if (where != 0)
      MR_(pp_slot_site)(sub, MR_(slot_site)(where));
   pp_allocated_at(to, sub);
}

/* The path from root node v along next[], long ones shortened in the
   middle. */
static void pp_path(const Attribution* a, Int v, const Int* next,
                    const HChar* indent)
{
   const Int head = 5, tail = 2;
   Int hops = 0, w, h = 0;
   for (w = v; next[w] != -1; w = next[w])
      hops++;
   for (w = v; next[w] != -1; w = next[w], h++) {
      if (hops > head + tail + 1 && h == head)
         VG_(umsg)("%s... %'d more hops ...\n", indent, hops - head - tail);
      if (hops > head + tail + 1 && h >= head && h < hops - tail)
         continue;
      pp_hop(a, w, next[w], indent);
   }
}

/* Down the dominator tree from root k, to where what it retains stops
   being mostly in one child: the block the representative path leads
   to. */
static Int heaviest_descendant(const Attribution* a, const MR_Graph* kids,
                               Int k)
{
   for (;;) {
      Int e, best = -1;
      for (e = kids->off[k]; e < kids->off[k + 1]; e++) {
         Int c = kids->adj[e];
         if (best == -1 || a->ret_bytes[c] > a->ret_bytes[best])
            best = c;
      }
      if (best == -1
          || (node_is_block(a, a->order[k])
              && 2 * a->ret_bytes[best] < a->ret_bytes[k]))
         return k;
      k = best;
   }
}

/*------------------------------------------------------------*/
/*--- Growth between reports                                ---*/
/*------------------------------------------------------------*/

typedef struct {
   MR_Root root;            /* a copy: its key, and what names it */
   Size    retained;
   Bool    seen;            /* in this report */
} PrevRoot;

static OSet* prev_roots;    /* of the last report, by key */
static UInt  n_reports;

static Word cmp_key_prev(const void* key, const void* elem)
{
   return MR_(cmp_root_key)(key, &((const PrevRoot*)elem)->root.key);
}

/*------------------------------------------------------------*/
/*--- The report                                            ---*/
/*------------------------------------------------------------*/

/* A line of the report: a root (or, with root == NULL, a root gone since
   the last report). */
typedef struct {
   const MR_Root* root;
   Int            k;          /* preorder number; -1 when gone */
   Size           retained, reach, old;
} Line;

static Int cmp_line_size(const void* va, const void* vb)
{
   const Line* x = va;
   const Line* y = vb;
   if (x->retained.bytes != y->retained.bytes)
      return x->retained.bytes > y->retained.bytes ? -1 : 1;
   if (x->reach.bytes != y->reach.bytes)
      return x->reach.bytes > y->reach.bytes ? -1 : 1;
   if (x->root->index != y->root->index)
      return x->root->index < y->root->index ? -1 : 1;
   return 0;
}

static Long growth(const Line* l)
{
   return (Long)l->retained.bytes - (Long)l->old.bytes;
}

static Int cmp_line_growth(const void* va, const void* vb)
{
   Long gx = growth(va), gy = growth(vb);
   if (gx != gy)
      return gx > gy ? -1 : 1;
   return cmp_line_size(va, vb);
}

/* v with its sign, "+1,024" or "-8" (the core's printf has no '+'). */
static const HChar* signed_str(Long v, HChar* buf, SizeT n)
{
   VG_(snprintf)(buf, n, "%s%'llu", v < 0 ? "-" : "+",
                 (ULong)(v < 0 ? -v : v));
   return buf;
}

/* Parts per thousand as "12.3%". */
static void pp_share(SizeT part, SizeT whole, HChar* buf, SizeT n)
{
   ULong ppt = whole ? (ULong)part * 1000 / whole : 0;
   VG_(snprintf)(buf, n, "%llu.%llu%%", ppt / 10, ppt % 10);
}

typedef struct {
   Int         k;        /* top */
   ExeContext* where;
   Size        size;
} Site;

static Word cmp_site(const void* key, const void* elem)
{
   const Site* x = key;
   const Site* y = elem;
   if (x->k != y->k)
      return x->k < y->k ? -1 : 1;
   if (x->where != y->where)
      return x->where < y->where ? -1 : 1;
   return 0;
}

/* Allocation sites of the blocks under each selected top. */
static OSet* tally_sites(const Attribution* a, const Bool* selected)
{
   OSet* sites = VG_(OSetGen_Create)(0, cmp_site, VG_(malloc),
                                     "memroot.retain.sites", VG_(free));
   Int k;
   for (k = 1; k < a->nr; k++) {
      Int v = a->order[k];
      const MR_Block* b;
      Site key, *s;
      if (!node_is_block(a, v) || !selected[a->top[k]])
         continue;
      b = MR_(lc_block)(block_of_node(a, v));
      key.k = a->top[k];
      key.where = b->where;
      s = VG_(OSetGen_Lookup)(sites, &key);
      if (s == NULL) {
         s = VG_(OSetGen_AllocNode)(sites, sizeof(Site));
         *s = key;
         s->size.bytes = s->size.blocks = 0;
         VG_(OSetGen_Insert)(sites, s);
      }
      s->size.bytes += b->szB;
      s->size.blocks++;
   }
   return sites;
}

static Int cmp_site_size(const void* va, const void* vb)
{
   const Site* x = *(const Site* const*)va;
   const Site* y = *(const Site* const*)vb;
   if (x->size.bytes != y->size.bytes)
      return x->size.bytes > y->size.bytes ? -1 : 1;
   {
      UInt ex = VG_(get_ECU_from_ExeContext)(x->where);
      UInt ey = VG_(get_ECU_from_ExeContext)(y->where);
      return ex < ey ? -1 : ex > ey ? 1 : 0;
   }
}

/* The biggest max sites of top k, into out[]; returns how many. */
static UInt top_sites(OSet* sites, Int k, Site** out, UInt max)
{
   XArray* xs = VG_(newXA)(VG_(malloc), "memroot.retain.topsites", VG_(free),
                           sizeof(Site*));
   Site* s;
   UInt  i, n;
   VG_(OSetGen_ResetIter)(sites);
   while ((s = VG_(OSetGen_Next)(sites)) != NULL)
      if (s->k == k)
         VG_(addToXA)(xs, &s);
   n = VG_(sizeXA)(xs);
   if (n > 0)
      VG_(ssort)(VG_(indexXA)(xs, 0), n, sizeof(Site*), cmp_site_size);
   for (i = 0; i < n && i < max; i++)
      out[i] = *(Site**)VG_(indexXA)(xs, i);
   VG_(deleteXA)(xs);
   return i;
}

static void pp_sites(OSet* sites, Int k, UInt max_sites)
{
   Site* top[max_sites ? max_sites : 1];
   UInt  i, n = top_sites(sites, k, top, max_sites);
   for (i = 0; i < n; i++) {
      VG_(umsg)(" %'lu bytes in %'u blocks allocated at\n",
                top[i]->size.bytes, top[i]->size.blocks);
      VG_(pp_ExeContext)(top[i]->where);
   }
}

static void pp_root_lines(const Attribution* a, const Line* l, UInt nth,
                          UInt n_roots, OSet* sites, const MR_Graph* kids,
                          const MR_RetentionParams* p, Int* next)
{
   HChar share[16], name[MR_ROOT_NAME_LEN];
   pp_share(l->retained.bytes, a->live_bytes, share, sizeof(share));
   VG_(umsg)("%'lu bytes in %'u blocks (%s of the live heap) are retained by"
             " root %u of %u: %s%s\n", l->retained.bytes, l->retained.blocks,
             share, nth, n_roots, MR_(root_name)(l->root, name, sizeof(name)),
             l->k == -1 ? " (gone)" : "");
   MR_(pp_root_declaration)(l->root, " ");
   if (l->k != -1) {
      pp_share(l->reach.bytes, a->live_bytes, share, sizeof(share));
      VG_(umsg)(" It reaches %'lu bytes in %'u blocks (%s), shared blocks"
                " included.\n", l->reach.bytes, l->reach.blocks, share);
   }
   if (n_reports > 0) {
      Long  d_blocks = (Long)l->retained.blocks - (Long)l->old.blocks;
      HChar s1[32], s2[32];
      VG_(umsg)(" Since the last retention report: %s bytes, %s blocks.\n",
                signed_str(growth(l), s1, sizeof(s1)),
                signed_str(d_blocks, s2, sizeof(s2)));
   }
   if (l->k == -1 || l->retained.blocks == 0) {
      VG_(umsg)("\n");
      return;
   }
   pp_sites(sites, l->k, p->max_sites);
   {
      Int target = a->order[heaviest_descendant(a, kids, l->k)];
      Int root, v = a->order[l->k];
      if (target != v) {
         paths_to(a, target, next, &root, 1);
         tl_assert(root == v);
         VG_(umsg)(" Path to the most of it:\n");
         pp_path(a, v, next, "   ");
      }
   }
   VG_(umsg)("\n");
}

static void idom_edges(void* source, MR_EdgeFn emit, void* opaque)
{
   const Attribution* a = source;
   Int k;
   for (k = 1; k < a->nr; k++)
      emit(a->idom[k], k, opaque);
}

/* The dominator tree's children lists, by preorder number. */
static void dominator_children(const Attribution* a, MR_Graph* kids)
{
   MR_(graph_build)(a->nr, idom_edges, (void*)a, kids);
}

static const Attribution* cmp_attr;   /* for VG_(ssort) of tops */

static Int cmp_top_size(const void* va, const void* vb)
{
   Int x = *(const Int*)va, y = *(const Int*)vb;
   if (cmp_attr->ret_bytes[x] != cmp_attr->ret_bytes[y])
      return cmp_attr->ret_bytes[x] > cmp_attr->ret_bytes[y] ? -1 : 1;
   return x < y ? -1 : x > y ? 1 : 0;
}

/* The shared blocks heading subtrees, biggest first; returns how many. */
static Int shared_tops(const Attribution* a, Int** tops, Size* total)
{
   Int k, n = 0;
   *tops = VG_(malloc)("memroot.retain.shared", a->nr * sizeof(Int));
   total->bytes = total->blocks = 0;
   for (k = 1; k < a->nr; k++)
      if (a->idom[k] == 0 && node_is_block(a, a->order[k])) {
         (*tops)[n++] = k;
         total->bytes  += a->ret_bytes[k];
         total->blocks += a->ret_blocks[k];
      }
   cmp_attr = a;
   VG_(ssort)(*tops, n, sizeof(Int), cmp_top_size);
   return n;
}

static void pp_shared(const Attribution* a, const Int* tops, Int n_tops,
                      Size total, OSet* sites, XArray** sharers,
                      UInt max_shown)
{
   const Word max_sharers = 5;
   HChar share[16];
   Int   i;
   Word  e;

   if (n_tops == 0)
      return;
   pp_share(total.bytes, a->live_bytes, share, sizeof(share));
   VG_(umsg)("%'lu bytes in %'u blocks (%s of the live heap) are shared:"
             " reachable from several roots, retained by none alone\n",
             total.bytes, total.blocks, share);
   for (i = 0; i < n_tops && i < (Int)max_shown; i++) {
      Int k = tops[i];
      const MR_Block* b = MR_(lc_block)(block_of_node(a, a->order[k]));
      Word n_sharers = VG_(sizeXA)(sharers[k]);
      VG_(umsg)(" Block %#lx (%'lu bytes) holds %'lu bytes in %'u blocks;"
                " %'ld roots reach it:\n", b->data, (SizeT)b->szB,
                a->ret_bytes[k], a->ret_blocks[k], n_sharers);
      for (e = 0; e < n_sharers && e < max_sharers; e++) {
         HChar name[MR_ROOT_NAME_LEN];
         VG_(umsg)("   %s\n", MR_(root_name)(MR_(roots_get)(
            *(Int*)VG_(indexXA)(sharers[k], e)), name, sizeof(name)));
      }
      if (n_sharers > max_sharers)
         VG_(umsg)("   and %'ld more\n", n_sharers - max_sharers);
      pp_sites(sites, k, 1);
   }
   if (n_tops > (Int)max_shown)
      VG_(umsg)(" and %'d more shared blocks\n", n_tops - (Int)max_shown);
   VG_(umsg)("\n");
}

static void pp_report(const Attribution* a, const MR_RetentionParams* p,
                      const Line* lines, UInt n_lines, UInt n_listed,
                      Size others, const Int* tops, Int n_tops, Size shared,
                      OSet* sites, XArray** sharers, const MR_Graph* kids,
                      Int* next)
{
   HChar share[16];
   UInt  i;
   if (a->ret_blocks[0] == 0) {
      VG_(umsg)("RETENTION BY ROOT: no block is held by a root\n\n");
      return;
   }
   pp_share(a->ret_bytes[0], a->live_bytes, share, sizeof(share));
   VG_(umsg)("RETENTION BY ROOT: %'lu bytes in %'u blocks (%s of the live"
             " heap) are held by %'d roots\n\n",
             a->ret_bytes[0], a->ret_blocks[0], share, a->n_roots);
   if (n_listed == 0 && p->deltamode != MR_LCD_Any)
      VG_(umsg)("No root's retained memory %s since the last retention"
                " report\n\n", p->deltamode == MR_LCD_Increased
                                ? "grew" : "changed");
   for (i = 0; i < n_listed; i++)
      pp_root_lines(a, &lines[i], i + 1, n_lines, sites, kids, p, next);
   if (others.blocks > 0)
      VG_(umsg)("%'lu bytes in %'u blocks are retained by the %'u roots"
                " not listed (--retention-roots=%u, --retention-threshold)"
                "\n\n", others.bytes, others.blocks, n_lines - n_listed,
                p->max_roots);
   pp_shared(a, tops, n_tops, shared, sites, sharers, p->max_roots);
}

static void xml_size(const HChar* indent, const HChar* tag, Long bytes,
                     Long blocks)
{
   VG_(printf_xml)("%s<%s><bytes>%lld</bytes><blocks>%lld</blocks></%s>\n",
                   indent, tag, bytes, blocks, tag);
}

/* The report as one element after the errors; Memcheck's readers skip
   elements they do not know (docs/xml.md). */
static void pp_report_xml(const Attribution* a, const MR_RetentionParams* p,
                          const Line* lines, UInt n_listed, Size others,
                          Size shared, OSet* sites)
{
   UInt i, j;
   VG_(printf_xml)("<memroot_retention>\n");
   xml_size("  ", "live", a->live_bytes, a->live_blocks);
   xml_size("  ", "reachable", a->ret_bytes[0], a->ret_blocks[0]);
   for (i = 0; i < n_listed; i++) {
      const Line* l = &lines[i];
      HChar name[MR_ROOT_NAME_LEN];
      VG_(printf_xml)("  <root>\n    <kind>%s</kind>\n    <name>%pS</name>\n",
                      MR_(str_root_kind)(l->root->key.kind),
                      MR_(root_name)(l->root, name, sizeof(name)));
      xml_size("    ", "retained", l->retained.bytes, l->retained.blocks);
      xml_size("    ", "reaches", l->reach.bytes, l->reach.blocks);
      if (n_reports > 0)
         xml_size("    ", "growth", growth(l),
                  (Long)l->retained.blocks - (Long)l->old.blocks);
      if (l->k != -1) {
         Site* top[p->max_sites ? p->max_sites : 1];
         UInt  n = top_sites(sites, l->k, top, p->max_sites);
         for (j = 0; j < n; j++) {
            VG_(printf_xml)("    <site>\n");
            xml_size("      ", "size", top[j]->size.bytes, top[j]->size.blocks);
            VG_(pp_ExeContext)(top[j]->where);
            VG_(printf_xml)("    </site>\n");
         }
      }
      VG_(printf_xml)("  </root>\n");
   }
   xml_size("  ", "others", others.bytes, others.blocks);
   xml_size("  ", "shared", shared.bytes, shared.blocks);
   VG_(printf_xml)("</memroot_retention>\n");
}

/*------------------------------------------------------------*/
/*--- JSON                                                  ---*/
/*------------------------------------------------------------*/

static void json_size(VgFile* fp, const HChar* name, Size s)
{
   VG_(fprintf)(fp, "\"%s\": {\"bytes\": %lu, \"blocks\": %u}", name,
                s.bytes, s.blocks);
}

static void json_frame(UInt i, DiEpoch ep, Addr ip, void* opaque)
{
   VgFile*      fp = opaque;
   const HChar *fn, *file, *dir;
   UInt         line;
   VG_(fprintf)(fp, "%s{\"ip\": \"%#lx\", \"function\": ", i ? ", " : "",
                ip);
   MR_(json_string)(fp, VG_(get_fnname)(ep, ip, &fn) ? fn : NULL);
   if (VG_(get_filename_linenum)(ep, ip, &file, &dir, &line)) {
      VG_(fprintf)(fp, ", \"file\": ");
      MR_(json_string)(fp, file);
      VG_(fprintf)(fp, ", \"line\": %u", line);
   }
   VG_(fprintf)(fp, "}");
}

static void json_stack(VgFile* fp, ExeContext* where)
{
   VG_(fprintf)(fp, "[");
   VG_(apply_ExeContext)(json_frame, fp, where);
   VG_(fprintf)(fp, "]");
}

static void json_sites(VgFile* fp, OSet* sites, Int k, UInt max_sites)
{
   Site* top[max_sites ? max_sites : 1];
   UInt  i, n = top_sites(sites, k, top, max_sites);
   VG_(fprintf)(fp, "\"sites\": [");
   for (i = 0; i < n; i++) {
      VG_(fprintf)(fp, "%s{", i ? ", " : "");
      json_size(fp, "size", top[i]->size);
      VG_(fprintf)(fp, ", \"stack\": ");
      json_stack(fp, top[i]->where);
      VG_(fprintf)(fp, "}");
   }
   VG_(fprintf)(fp, "]");
}

static void write_json(const MR_RetentionParams* p, const Attribution* a,
                       const Line* lines, UInt n_listed, Size others,
                       const Int* tops, Int n_tops, Size shared, OSet* sites,
                       XArray** sharers)
{
   HChar*  name = VG_(expand_file_name)("--retention-file", p->json_file);
   VgFile* fp = VG_(fopen)(name, VKI_O_CREAT | VKI_O_TRUNC | VKI_O_WRONLY,
                           VKI_S_IRUSR | VKI_S_IWUSR | VKI_S_IRGRP
                           | VKI_S_IROTH);
   UInt    i;
   Int     t;
   Word    e;

   if (fp == NULL) {
      VG_(umsg)("Error: can't open the retention file '%s'\n", name);
      VG_(free)(name);
      return;
   }
   VG_(fprintf)(fp, "{\"memroot_retention\": 1, \"pid\": %d, \"report\": %u,"
                " ", VG_(getpid)(), n_reports);
   json_size(fp, "live", (Size){ a->live_bytes, a->live_blocks });
   VG_(fprintf)(fp, ", ");
   json_size(fp, "reachable", (Size){ a->ret_bytes[0], a->ret_blocks[0] });
   VG_(fprintf)(fp, ",\n \"roots\": [");
   for (i = 0; i < n_listed; i++) {
      const Line* l = &lines[i];
      VG_(fprintf)(fp, "%s\n  {\"root\": ", i ? "," : "");
      MR_(root_json)(fp, l->root);
      VG_(fprintf)(fp, ", ");
      json_size(fp, "retained", l->retained);
      VG_(fprintf)(fp, ", ");
      json_size(fp, "reachable", l->reach);
      VG_(fprintf)(fp, ", ");
      VG_(fprintf)(fp, "\"growth\": {\"bytes\": %lld, \"blocks\": %lld}, "
                   "\"gone\": %s, ", growth(l),
                   (Long)l->retained.blocks - (Long)l->old.blocks,
                   l->k == -1 ? "true" : "false");
      if (l->k != -1)
         json_sites(fp, sites, l->k, p->max_sites);
      else
         VG_(fprintf)(fp, "\"sites\": []");
      VG_(fprintf)(fp, "}");
   }
   VG_(fprintf)(fp, "],\n ");
   json_size(fp, "others", others);
   VG_(fprintf)(fp, ",\n ");
   json_size(fp, "shared", shared);
   VG_(fprintf)(fp, ",\n \"shared_blocks\": [");
   for (t = 0; t < n_tops && t < (Int)p->max_roots; t++) {
      Int k = tops[t];
      const MR_Block* b = MR_(lc_block)(block_of_node(a, a->order[k]));
      VG_(fprintf)(fp, "%s\n  {\"address\": \"%#lx\", \"size\": %lu, ",
                   t ? "," : "", b->data, (SizeT)b->szB);
      json_size(fp, "retained", (Size){ a->ret_bytes[k], a->ret_blocks[k] });
      VG_(fprintf)(fp, ", \"reached_from\": [");
      for (e = 0; e < VG_(sizeXA)(sharers[k]); e++) {
         VG_(fprintf)(fp, "%s", e ? ", " : "");
         MR_(root_json)(fp, MR_(roots_get)(*(Int*)VG_(indexXA)(sharers[k], e)));
      }
      VG_(fprintf)(fp, "], ");
      json_sites(fp, sites, k, p->max_sites);
      VG_(fprintf)(fp, "}");
   }
   VG_(fprintf)(fp, "]}\n");
   VG_(fclose)(fp);
   VG_(free)(name);
}

/*------------------------------------------------------------*/
/*--- Entry points                                          ---*/
/*------------------------------------------------------------*/

static void attribution_free(Attribution* a)
{
   MR_(graph_free)(&a->succ);
   MR_(graph_free)(&a->pred);
   VG_(deleteXA)(a->root_edges);
   VG_(free)(a->order);
   VG_(free)(a->idom);
   VG_(free)(a->dfn);
   VG_(free)(a->top);
   VG_(free)(a->ret_bytes);
   VG_(free)(a->ret_blocks);
}

static Bool line_considered(const Line* l, MR_DeltaMode mode)
{
   switch (mode) {
   case MR_LCD_Any:
      return l->k != -1;
   case MR_LCD_Increased:
      return l->retained.bytes > l->old.bytes
             || l->retained.blocks > l->old.blocks;
   case MR_LCD_Changed:
      return l->retained.bytes != l->old.bytes
             || l->retained.blocks != l->old.blocks;
   }
   tl_assert(0);
}

/* This report's roots become the last report's. */
static void remember_roots(const Line* lines, UInt n)
{
   UInt i;
   if (prev_roots != NULL)
      VG_(OSetGen_Destroy)(prev_roots);
   prev_roots = VG_(OSetGen_Create)(offsetof(PrevRoot, root.key),
                                    cmp_key_prev, VG_(malloc),
                                    "memroot.retain.prev", VG_(free));
   for (i = 0; i < n; i++) {
      PrevRoot* pr;
      if (lines[i].k == -1)
         continue;
      pr = VG_(OSetGen_AllocNode)(prev_roots, sizeof(PrevRoot));
      pr->root = *lines[i].root;
      pr->retained = lines[i].retained;
      pr->seen = False;
      VG_(OSetGen_Insert)(prev_roots, pr);
   }
}

/* Every root of this report, and with growth asked, the roots of the
   last report that are gone. */
static Line* make_lines(const Attribution* a, const Size* reach,
                        MR_DeltaMode mode, UInt* n_lines)
{
   Line*     lines;
   UInt      i, n = 0, n_prev = prev_roots ? VG_(OSetGen_Size)(prev_roots) : 0;
   PrevRoot* pr;

   lines = VG_(malloc)("memroot.retain.lines",
                       (a->n_roots + n_prev + 1) * sizeof(Line));
   for (i = 0; i < (UInt)a->n_roots; i++) {
      Line* l = &lines[n++];
      l->root = MR_(roots_get)(i);
      l->k = a->dfn[node_of_root(i)];
      tl_assert(l->k != -1);
      l->retained.bytes  = a->ret_bytes[l->k];
      l->retained.blocks = a->ret_blocks[l->k];
      l->reach = reach[i];
      l->old.bytes = l->old.blocks = 0;
      pr = prev_roots ? VG_(OSetGen_Lookup)(prev_roots, &l->root->key) : NULL;
      if (pr != NULL) {
         l->old = pr->retained;
         pr->seen = True;
      }
   }
   if (mode != MR_LCD_Any && prev_roots != NULL) {
      VG_(OSetGen_ResetIter)(prev_roots);
      while ((pr = VG_(OSetGen_Next)(prev_roots)) != NULL) {
         Line* l;
         if (pr->seen)
            continue;
         l = &lines[n++];
         l->root = &pr->root;
         l->k = -1;
         l->retained.bytes = l->retained.blocks = 0;
         l->reach = l->retained;
         l->old = pr->retained;
      }
   }
   *n_lines = n;
   return lines;
}

void MR_(retention_report)(const MR_RetentionParams* p)
{
   Attribution a;
   Size*    reach;
   XArray** sharers;
   Line*    lines;
   UInt     n_lines, n_listed = 0, i;
   Int      k, n_tops, *tops, *next;
   Size     others = { 0, 0 }, shared;
   Bool*    selected;
   OSet*    sites;
   MR_Graph kids;

   MR_(roots_begin)();
   build_graph(&a);
   attribute(&a);

   reach   = VG_(malloc)("memroot.retain.reach",
                         (a.n_roots ? a.n_roots : 1) * sizeof(Size));
   sharers = VG_(calloc)("memroot.retain.sharers", a.nr, sizeof(XArray*));
   n_tops  = shared_tops(&a, &tops, &shared);
   for (i = 0; i < (UInt)n_tops; i++)
      sharers[tops[i]] = VG_(newXA)(VG_(malloc), "memroot.retain.sharer",
                                    VG_(free), sizeof(Int));
   reachable_sizes(&a, reach, sharers);

   lines = make_lines(&a, reach, p->deltamode, &n_lines);
   /* Listed: the roots the mode considers, biggest (or fastest growing)
      first, down to the limit and the threshold; the rest are summed. */
   VG_(ssort)(lines, n_lines, sizeof(Line),
              p->deltamode == MR_LCD_Any ? cmp_line_size : cmp_line_growth);
   {
      Line* kept = lines;
      UInt  n_kept = 0;
      for (i = 0; i < n_lines; i++) {
         const Line* l = &lines[i];
         Bool big = (ULong)l->retained.bytes * 1000000
                    >= (ULong)p->threshold_ppm * a.live_bytes;
         if (!line_considered(l, p->deltamode))
            continue;
         if (n_kept < p->max_roots && (big || p->deltamode != MR_LCD_Any)) {
            kept[n_kept++] = *l;
         } else {
            others.bytes  += l->retained.bytes;
            others.blocks += l->retained.blocks;
         }
      }
      n_listed = n_kept;
   }

   selected = VG_(calloc)("memroot.retain.selected", a.nr, sizeof(Bool));
   for (i = 0; i < n_listed; i++)
      if (lines[i].k != -1)
         selected[lines[i].k] = True;
   for (k = 0; k < n_tops; k++)
      selected[tops[k]] = True;
   sites = tally_sites(&a, selected);
   dominator_children(&a, &kids);
   next = VG_(malloc)("memroot.retain.next", a.n_nodes * sizeof(Int));

   if (VG_(clo_xml))
      pp_report_xml(&a, p, lines, n_listed, others, shared, sites);
   else if (VG_(clo_verbosity) > 0)
      pp_report(&a, p, lines, n_lines, n_listed, others, tops, n_tops, shared,
                sites, sharers, &kids, next);
   if (p->json_file != NULL)
      write_json(p, &a, lines, n_listed, others, tops, n_tops, shared, sites,
                 sharers);

   n_reports++;
   {
      /* Every root of this report, listed or not, for the next growth. */
      UInt  n_all;
      Line* all = make_lines(&a, reach, MR_LCD_Any, &n_all);
      remember_roots(all, n_all);
      VG_(free)(all);
   }

   for (i = 0; i < (UInt)n_tops; i++)
      VG_(deleteXA)(sharers[tops[i]]);
   VG_(free)(sharers);
   VG_(free)(tops);
   VG_(free)(reach);
   VG_(free)(lines);
   VG_(free)(selected);
   VG_(OSetGen_Destroy)(sites);
   MR_(graph_free)(&kids);
   VG_(free)(next);
   attribution_free(&a);
   MR_(roots_end)();
}

void MR_(retention_paths)(Addr addr, UInt max_paths)
{
   Attribution a;
   Int  i = MR_(lc_find_block)(addr), target, n, j, *next, *roots;

   if (i == -1) {
      VG_(umsg)("%#lx is not in a live heap block\n", addr);
      return;
   }
   if (MR_(lc_state)(i) > MR_Possible) {
      VG_(umsg)("Block %#lx (%'lu bytes) is %s: no root retains it\n",
                MR_(lc_block)(i)->data, (SizeT)MR_(lc_block)(i)->szB,
                MR_(str_reachedness)(MR_(lc_state)(i)));
      return;
   }
   MR_(roots_begin)();
   build_graph(&a);
   attribute(&a);
   next   = VG_(malloc)("memroot.retain.next", a.n_nodes * sizeof(Int));
   roots  = VG_(malloc)("memroot.retain.roots", max_paths * sizeof(Int));
   target = node_of_block(&a, i);
   n = paths_to(&a, target, next, roots, max_paths);
   VG_(umsg)("Block %#lx (%'lu bytes) is retained through %s%d shortest"
             " path%s:\n", MR_(lc_block)(i)->data,
             (SizeT)MR_(lc_block)(i)->szB, n == (Int)max_paths ? "at least " : "",
             n, n == 1 ? "" : "s");
   for (j = 0; j < n; j++) {
      HChar name[MR_ROOT_NAME_LEN];
      VG_(umsg)(" From %s%s:\n",
                MR_(root_name)(MR_(roots_get)(roots[j] - 1), name, sizeof(name)),
                a.top[a.dfn[target]] == a.dfn[roots[j]]
                   ? " (which alone retains it)" : "");
      pp_path(&a, roots[j], next, "   ");
   }
   VG_(free)(next);
   VG_(free)(roots);
   attribution_free(&a);
   MR_(roots_end)();
}

Bool MR_(retention_handle_client_request)(ThreadId tid, UWord* arg,
                                          UWord* ret)
{
   MR_RetentionParams p;
   if (arg[0] != VG_USERREQ__MEMROOT_RETENTION_REPORT)
      return False;
   MR_(clo_retention_params)(&p);
   if (!MR_(deltamode_of_request)(arg[1], &p.deltamode))
      VG_(umsg)("Warning: unknown memroot retention report mode %lu; "
                "listing every root\n", arg[1]);
   MR_(leak_search)(MR_(clo_leak_check_heuristics));
   MR_(retention_report)(&p);
   *ret = 0;
   return True;
}
