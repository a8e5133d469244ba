/* memroot retain text: RETENTION BY ROOT on the log, and paths from
   roots to a block.  Each root: what it retains and reaches, its growth,
   its biggest allocation sites and a path to where most of its memory is,
   every pointer of the path with the line that stored it.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the GNU General Public
   License, version 2 or (at your option) any later version; see COPYING. */

#include "pub_tool_debuginfo.h"
#include "pub_tool_execontext.h"
#include "mr_retain_render.h"
#include "mr_slots.h"
#include "mr_storesites.h"

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

/*------------------------------------------------------------*/
/*--- Paths                                                 ---*/
/*------------------------------------------------------------*/

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
   VG_(apply_ExeContext)(first_client_frame, &ff, b->allocated_at);
   if (ff.ip != 0)
      VG_(umsg)("%sallocated at %s\n", indent,
                VG_(describe_IP)(VG_(current_DiEpoch)(), ff.ip, NULL));
}

/* One hop: the pointer from node v (a root or a block) to block node w. */
static void pp_hop(const MR_Retention* a, Int v, Int w, const HChar* indent)
{
   const MR_Search* s  = a->search;
   const MR_Block*  to = s->blocks[MR_(block_of_node)(a, w)];
   HChar  sub[32];
   Addr   where;

   if (MR_(node_is_block)(a, v)) {
      const MR_Block* from = s->blocks[MR_(block_of_node)(a, v)];
      WordSearch ws = { s, MR_(block_of_node)(a, w), 0 };
      MR_(search_scan_block)(s, MR_(block_of_node)(a, v), find_word_to, &ws);
      tl_assert(ws.where != 0);
      where = ws.where;
      VG_(umsg)("%sits word at +%'lu points to block %#lx (%'lu bytes)\n",
                indent, where - from->data, to->data, (SizeT)to->szB);
   } else {
      HChar word[256];
      where = MR_(retention_root_word_to)(a, v - 1, MR_(block_of_node)(a, w));
      MR_(root_word_text)(MR_(roots_get)(v - 1), where, word, sizeof(word));
      VG_(umsg)("%s%s points to block %#lx (%'lu bytes)\n", indent, word,
                to->data, (SizeT)to->szB);
   }
   VG_(snprintf)(sub, sizeof(sub), "%s   ", indent);
   if (where != 0)
      MR_(pp_store_site)(sub, MR_(slot_store_id)(where));
   pp_allocated_at(to, sub);
}

/* The path from root node v along next[], long ones shortened in the
   middle. */
static void pp_path(const MR_Retention* a, Int v, const Int* next,
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

void MR_(retention_pp_paths)(const MR_Retention* a, Int target,
                             const Int* next, const Int* roots, Int n,
                             UInt max_paths)
{
   const MR_Block* b = a->search->blocks[MR_(block_of_node)(a, target)];
   Int j;

   VG_(umsg)("Block %#lx (%'lu bytes) is retained through %s%'d shortest"
             " path%s:\n", b->data, (SizeT)b->szB,
             n == (Int)max_paths ? "at least " : "", n, n == 1 ? "" : "s");
   for (j = 0; j < n; j++) {
      HChar name[MR_ROOT_NAME_LEN];
      VG_(umsg)(" From %s%s:\n",
                MR_(root_name)(MR_(roots_get)(roots[j] - 1), name, sizeof(name)),
                a->top[a->dfn[target]] == a->dfn[roots[j]]
                   ? " (which alone retains it)" : "");
      pp_path(a, roots[j], next, "   ");
   }
}

/*------------------------------------------------------------*/
/*--- The report                                            ---*/
/*------------------------------------------------------------*/

static void pp_sites(const MR_Retention* a, Int k, UInt max_sites)
{
   const MR_AllocSiteSize* top[max_sites ? max_sites : 1];
   UInt i, n = MR_(retention_top_sites)(a, k, top, max_sites);
   for (i = 0; i < n; i++) {
      VG_(umsg)(" %'lu bytes in %'u blocks allocated at\n",
                top[i]->size.bytes, top[i]->size.blocks);
      VG_(pp_ExeContext)(top[i]->allocated_at);
   }
}

static void pp_root(const MR_Retention* a, const MR_RetainedRoot* l,
                    UInt nth, Int* next)
{
   HChar share[16], name[MR_ROOT_NAME_LEN];
   pp_share(l->retained.bytes, a->live.bytes, share, sizeof(share));
   VG_(umsg)("%'lu bytes in %'u blocks (%s of the live heap) are retained by"
             " root %'u of %'u: %s%s\n", l->retained.bytes, l->retained.blocks,
             share, nth, a->n_considered,
             MR_(root_name)(l->root, name, sizeof(name)),
             l->k == -1 ? " (gone)" : "");
   MR_(pp_root_declaration)(l->root, " ");
   if (l->k != -1) {
      pp_share(l->reach.bytes, a->live.bytes, share, sizeof(share));
      VG_(umsg)(" It reaches %'lu bytes in %'u blocks (%s), shared blocks"
                " included.\n", l->reach.bytes, l->reach.blocks, share);
   }
   if (a->report_no > 0) {
      Long  d_bytes  = (Long)l->retained.bytes - (Long)l->before.bytes;
      Long  d_blocks = (Long)l->retained.blocks - (Long)l->before.blocks;
      HChar s1[32], s2[32];
      VG_(umsg)(" Since the last retention report: %s bytes, %s blocks.\n",
                signed_str(d_bytes, s1, sizeof(s1)),
                signed_str(d_blocks, s2, sizeof(s2)));
   }
   if (l->k == -1 || l->retained.blocks == 0) {
      VG_(umsg)("\n");
      return;
   }
   pp_sites(a, l->k, a->params->max_sites);
   {
      Int target = a->order[MR_(retention_heaviest_descendant)(a, l->k)];
      Int root, v = a->order[l->k];
      if (target != v) {
         MR_(retention_paths_to)(a, target, next, &root, 1);
         tl_assert(root == v);
         VG_(umsg)(" Path to the most of it:\n");
         pp_path(a, v, next, "   ");
      }
   }
   VG_(umsg)("\n");
}

static void pp_shared(const MR_Retention* a)
{
   const Word max_sharers = 5;
   const Int  max_shown = a->params->max_roots;
   HChar share[16];
   Int   i;
   Word  e;

   if (a->n_shared == 0)
      return;
   pp_share(a->shared_total.bytes, a->live.bytes, share, sizeof(share));
   VG_(umsg)("%'lu bytes in %'u blocks (%s of the live heap) are shared:"
             " reachable from several roots, retained by none alone\n",
             a->shared_total.bytes, a->shared_total.blocks, share);
   for (i = 0; i < a->n_shared && i < max_shown; i++) {
      const MR_SharedBlock* sb = &a->shared[i];
      const MR_Block* b =
         a->search->blocks[MR_(block_of_node)(a, a->order[sb->k])];
      Word n_sharers = VG_(sizeXA)(sb->sharers);
      VG_(umsg)(" Block %#lx (%'lu bytes) holds %'lu bytes in %'u blocks;"
                " %'ld roots reach it:\n", b->data, (SizeT)b->szB,
                sb->retained.bytes, sb->retained.blocks, n_sharers);
      for (e = 0; e < n_sharers && e < max_sharers; e++) {
         HChar name[MR_ROOT_NAME_LEN];
         VG_(umsg)("   %s\n", MR_(root_name)(MR_(roots_get)(
            *(Int*)VG_(indexXA)(sb->sharers, e)), name, sizeof(name)));
      }
      if (n_sharers > max_sharers)
         VG_(umsg)("   and %'ld more\n", n_sharers - max_sharers);
      pp_sites(a, sb->k, 1);
   }
   if (a->n_shared > max_shown)
      VG_(umsg)(" and %'d more shared blocks\n", a->n_shared - max_shown);
   VG_(umsg)("\n");
}

void MR_(retention_pp_text)(const MR_Retention* a)
{
   const MR_RetentionParams* p = a->params;
   HChar share[16];
   UInt  i;
   Int*  next;

   if (a->ret_blocks[0] == 0) {
      VG_(umsg)("RETENTION BY ROOT: no block is held by a root\n\n");
      return;
   }
   pp_share(a->ret_bytes[0], a->live.bytes, share, sizeof(share));
   VG_(umsg)("RETENTION BY ROOT: %'lu bytes in %'u blocks (%s of the live"
             " heap) are held by %'d roots\n\n",
             a->ret_bytes[0], a->ret_blocks[0], share, a->n_roots);
   if (a->n_listed == 0 && p->deltamode != MR_LCD_Any)
      VG_(umsg)("No root's retained memory %s since the last retention"
                " report\n\n", p->deltamode == MR_LCD_Increased
                                ? "grew" : "changed");
   next = VG_(malloc)("memroot.retain.next", a->n_nodes * sizeof(Int));
   for (i = 0; i < a->n_listed; i++)
      pp_root(a, &a->roots[i], i + 1, next);
   VG_(free)(next);
   if (a->others.blocks > 0)
      VG_(umsg)("%'lu bytes in %'u blocks are retained by the %'u roots"
                " not listed (--retention-roots=%'u, --retention-threshold)"
                "\n\n", a->others.bytes, a->others.blocks,
                a->n_considered - a->n_listed, p->max_roots);
   pp_shared(a);
}
