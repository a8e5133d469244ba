/* memroot retain text: RETENTION BY ROOT on the log, and paths from
   roots to a block.  Each root: what it retains and reaches, its growth,
   its biggest allocation sites and a path to where most of its memory is,
   every pointer of the path with the line that stored it.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

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

static Addr allocation_ip(const MR_Block* b)
{
   return MR_(allocation_ip)(b->allocated_at);
}

/* What the last hop printed: a hop says where its pointer was stored and
   where its block was allocated only when that differs from the hop
   before (a list's hops repeat both). */
typedef struct {
   Bool any;
   UInt store_id;
   Addr alloc_ip;
} LastHop;

/* One hop: the pointer from node v (a root or a block) to block node w. */
static void pp_hop(MR_Retention* a, Int v, Int w, const HChar* indent,
                   LastHop* last)
{
   const MR_Search* s  = a->search;
   const MR_Block*  to = s->blocks[MR_(block_of_node)(a, w)];
   HChar  sub[32];
   Addr   where, alloc_ip;
   UInt   store_id;

   where = MR_(retention_hop_word)(a, v, w);
   if (MR_(node_is_block)(a, v)) {
      const MR_Block* from = s->blocks[MR_(block_of_node)(a, v)];
      VG_(umsg)("%sits word at +%'lu points to block %#lx (%'lu bytes)\n",
                indent, where - from->data, to->data, (SizeT)to->szB);
   } else {
      HChar word[256];
      MR_(root_word_text)(MR_(roots_get)(v - 1), where, word, sizeof(word));
      VG_(umsg)("%s%s points to block %#lx (%'lu bytes)\n", indent, word,
                to->data, (SizeT)to->szB);
   }
   VG_(snprintf)(sub, sizeof(sub), "%s   ", indent);
   store_id = where != 0 ? MR_(slot_store_id)(where) : MR_STORE_NONE;
   if (where != 0 && (!last->any || store_id != last->store_id))
      MR_(pp_store_site)(sub, store_id);
   alloc_ip = allocation_ip(to);
   if (alloc_ip != 0 && (!last->any || alloc_ip != last->alloc_ip))
      VG_(umsg)("%sallocated at %s\n", sub,
                VG_(describe_IP)(VG_(current_DiEpoch)(), alloc_ip, NULL));
   last->any = where != 0;
   last->store_id = store_id;
   last->alloc_ip = alloc_ip;
}

/* The path MR_(retention_paths_to) found from root node v, long ones
   shortened in the middle. */
static void pp_path(MR_Retention* a, Int v, const HChar* indent)
{
   const Int head = 5, tail = 2;
   Int hops = 0, w, h = 0;
   LastHop last = { False, 0, 0 };
   for (w = v; MR_(retention_path_next)(a, w) != -1;
        w = MR_(retention_path_next)(a, w))
      hops++;
   for (w = v; MR_(retention_path_next)(a, w) != -1;
        w = MR_(retention_path_next)(a, w), h++) {
      if (hops > head + tail + 1 && h == head) {
         VG_(umsg)("%s... %'d more hops ...\n", indent, hops - head - tail);
         last.any = False;
      }
      if (hops > head + tail + 1 && h >= head && h < hops - tail)
         continue;
      pp_hop(a, w, MR_(retention_path_next)(a, w), indent, &last);
   }
}

void MR_(retention_pp_paths)(MR_Retention* a, Int target, const Int* roots,
                             Int n, UInt max_paths)
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
                MR_(top_of)(a, a->dfn[target]) == a->dfn[roots[j]]
                   ? " (which alone retains it)" : "");
      pp_path(a, roots[j], "   ");
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

static void pp_root(MR_Retention* a, const MR_RetainedRoot* l, UInt nth)
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
      Int kt = MR_(retention_heaviest_descendant)(a, l->k);
      Int root, v = a->order[l->k];
      if (kt != l->k) {
         if (!MR_(retention_path_down)(a, l->k, kt)) {
            Int n = MR_(retention_paths_to)(a, a->order[kt], &root, 1);
            tl_assert(n == 1 && root == v);
         }
         VG_(umsg)(" Path to the most of it:\n");
         pp_path(a, v, "   ");
      }
   }
   VG_(umsg)("\n");
}

static void pp_shared(const MR_Retention* a)
{
   const UInt max_sharers = 5;
   HChar share[16];
   Int   i;
   UInt  e;

   if (a->n_shared == 0)
      return;
   pp_share(a->shared_total.bytes, a->live.bytes, share, sizeof(share));
   VG_(umsg)("%'lu bytes in %'u blocks (%s of the live heap) are shared:"
             " reachable from several roots, retained by none alone\n",
             a->shared_total.bytes, a->shared_total.blocks, share);
   for (i = 0; i < a->n_shared_listed; i++) {
      const MR_SharedBlock* sb = &a->shared[i];
      const MR_Block* b =
         a->search->blocks[MR_(block_of_node)(a, a->order[sb->k])];
      VG_(umsg)(" Block %#lx (%'lu bytes) holds %'lu bytes in %'u blocks;"
                " %'u roots reach it:\n", b->data, (SizeT)b->szB,
                sb->retained.bytes, sb->retained.blocks, sb->n_sharers);
      for (e = 0; e < sb->n_sharers && e < max_sharers; e++) {
         HChar name[MR_ROOT_NAME_LEN];
         VG_(umsg)("   %s\n", MR_(root_name)(MR_(roots_get)(sb->sharers[e]),
                                             name, sizeof(name)));
      }
      if (sb->n_sharers > max_sharers)
         VG_(umsg)("   and %'u more\n", sb->n_sharers - max_sharers);
      pp_sites(a, sb->k, 1);
   }
   if (a->n_shared > a->n_shared_listed)
      VG_(umsg)(" and %'d more shared blocks\n",
                a->n_shared - a->n_shared_listed);
   VG_(umsg)("\n");
}

/*------------------------------------------------------------*/
/*--- The stack view                                        ---*/
/*------------------------------------------------------------*/

/* "retains 1,200 bytes in 50 blocks (3.1%), reaches ..."; "retain" for
   a plural subject. */
static const HChar* sizes_text(const MR_Retention* a, MR_Size retained,
                               MR_Size reach, Bool plural, HChar* buf,
                               SizeT n)
{
   HChar s1[16], s2[16];
   pp_share(retained.bytes, a->live.bytes, s1, sizeof(s1));
   pp_share(reach.bytes, a->live.bytes, s2, sizeof(s2));
   VG_(snprintf)(buf, n, "retain%s %'lu bytes in %'u blocks (%s), reach%s"
                 " %'lu bytes in %'u blocks (%s)", plural ? "" : "s",
                 retained.bytes, retained.blocks, s1, plural ? "" : "es",
                 reach.bytes, reach.blocks, s2);
   return buf;
}

static MR_Size root_retained(const MR_Retention* a, UInt r)
{
   Int k = a->dfn[MR_(node_of_root)(r)];
   MR_Size s = { a->ret_bytes[k], a->ret_blocks[k] };
   return s;
}

/* Frames [from, to] of t hold nothing: one line, with their functions. */
static void pp_empty_frames(const MR_ThreadSnap* t, UInt from, UInt to)
{
   const UInt max_names = 4;
   HChar names[400];
   UInt  f, len = 0;
   names[0] = '\0';
   for (f = from; f <= to && f < from + max_names; f++) {
      const HChar* fn = MR_(ip_function)(t->ips[f]);
      VG_(snprintf)(names + len, sizeof(names) - len, "%s%s",
                    f > from ? ", " : "", fn ? fn : "???");
      len = VG_(strlen)(names);
   }
   if (to - from + 1 > max_names)
      VG_(snprintf)(names + len, sizeof(names) - len, ", and %'u more",
                    to - from + 1 - max_names);
   if (from == to)
      VG_(umsg)("   frame #%u holds nothing: %s\n", from, names);
   else
      VG_(umsg)("   frames #%u-#%u hold nothing: %s\n", from, to, names);
}

static void pp_frame(const MR_Retention* a, const MR_ThreadSnap* t,
                     UInt f, UInt g)
{
   const MR_StackView* v = a->stacks;
   HChar where[300], sizes[200], name[MR_ROOT_NAME_LEN];
   UInt  j;
   Bool  named = False;

   VG_(umsg)("   frame #%u, %s %s\n", f, MR_(ip_text)(t->ips[f], where,
                                                     sizeof(where)),
             sizes_text(a, v->frame_retained[g], v->frame_reach[g], False,
                        sizes, sizeof(sizes)));
   for (j = v->frame_root_start[g]; j < v->frame_root_start[g + 1]; j++)
      named |= MR_(roots_get)(v->frame_roots[j])->key.name != NULL;
   if (!named)
      return;
   for (j = v->frame_root_start[g]; j < v->frame_root_start[g + 1]; j++) {
      UInt r = v->frame_roots[j];
      const MR_Root* root = MR_(roots_get)(r);
      if (root->key.name != NULL)
         VG_(snprintf)(name, sizeof(name), "local %s", root->key.name);
      else
         VG_(strcpy)(name, "words in no local variable");
      VG_(umsg)("      %s %s\n", name,
                sizes_text(a, root_retained(a, r), a->root_reach[r],
                           root->key.name == NULL, sizes, sizeof(sizes)));
   }
}

static void pp_thread_stack(const MR_Retention* a, UInt i)
{
   const MR_StackView*  v = a->stacks;
   const MR_ThreadSnap* t = MR_(roots_thread)(i);
   HChar sizes[200], part[64];
   UInt  f, j, empty_from = 0;
   Bool  in_empty = False;

   VG_(umsg)("Thread %u%s%s%s %s\n", t->tid,
             t->fate != MR_ThreadLive ? " (" : "", MR_(str_thread_fate)(t->fate),
             t->fate != MR_ThreadLive ? ")" : "",
             sizes_text(a, v->thread_retained[i], v->thread_reach[i], False,
                        sizes, sizeof(sizes)));
   for (f = 0; f < t->n_frames; f++) {
      UInt g = v->frame_base[i] + f;
      Bool holds = v->frame_root_start[g + 1] > v->frame_root_start[g];
      if (!holds) {
         if (!in_empty)
            empty_from = f;
         in_empty = True;
         continue;
      }
      if (in_empty)
         pp_empty_frames(t, empty_from, f - 1);
      in_empty = False;
      pp_frame(a, t, f, g);
   }
   if (in_empty)
      pp_empty_frames(t, empty_from, t->n_frames - 1);
   for (j = v->rest_start[i]; j < v->rest_start[i + 1]; j++) {
      UInt r = v->rest_roots[j];
      VG_(umsg)("   %s %s\n", MR_(root_part_name)(MR_(roots_get)(r), part, sizeof(part)),
                sizes_text(a, root_retained(a, r), a->root_reach[r], False,
                           sizes, sizeof(sizes)));
   }
   VG_(umsg)("\n");
}

static void pp_stacks(const MR_Retention* a)
{
   const MR_StackView* v = a->stacks;
   HChar share[16];
   UInt  i;
   pp_share(v->retained.bytes, a->live.bytes, share, sizeof(share));
   VG_(umsg)("RETENTION BY THREAD STACK: the stacks of %'u threads retain"
             " %'lu bytes in %'u blocks (%s of the live heap)\n\n",
             v->n_threads, v->retained.bytes, v->retained.blocks, share);
   for (i = 0; i < v->n_threads; i++)
      pp_thread_stack(a, v->thread_order[i]);
}

void MR_(retention_pp_text)(MR_Retention* a)
{
   const MR_RetentionParams* p = a->params;
   HChar share[16];
   UInt  i;

   if (a->ret_blocks[0] == 0) {
      VG_(umsg)("RETENTION BY ROOT: no block is held by a root\n\n");
      /* Only roots gone since the last report can be listed. */
      if (a->n_listed == 0)
         return;
   } else {
      pp_share(a->ret_bytes[0], a->live.bytes, share, sizeof(share));
      VG_(umsg)("RETENTION BY ROOT: %'lu bytes in %'u blocks (%s of the live"
                " heap) are held by %'d roots\n\n",
                a->ret_bytes[0], a->ret_blocks[0], share, a->n_roots);
   }
   if (a->n_listed == 0 && p->deltamode != MR_LCD_Any)
      VG_(umsg)("No root's retained memory %s since the last retention"
                " report\n\n", p->deltamode == MR_LCD_Increased
                                ? "grew" : "changed");
   for (i = 0; i < a->n_listed; i++)
      pp_root(a, &a->roots[i], i + 1);
   if (a->others.blocks > 0)
      VG_(umsg)("%'lu bytes in %'u blocks are retained by the %'u roots"
                " not listed (--retention-roots=%'u, --retention-threshold)"
                "\n\n", a->others.bytes, a->others.blocks,
                a->n_considered - a->n_listed, p->max_roots);
   pp_shared(a);
   if (a->stacks != NULL)
      pp_stacks(a);
}

/*------------------------------------------------------------*/
/*--- Leak suspects                                         ---*/
/*------------------------------------------------------------*/

/* "block 0x4a3a040 (32,768 bytes)" */
static const HChar* block_text(const MR_Retention* a, Int k, HChar* buf,
                               SizeT n)
{
   const MR_Block* b = a->search->blocks[MR_(block_of_node)(a, a->order[k])];
   VG_(snprintf)(buf, n, "block %#lx (%'lu bytes)", b->data, (SizeT)b->szB);
   return buf;
}

/* The name of node v, a root or a block, for "held by". */
static void pp_holder(MR_Retention* a, Int v)
{
   HChar name[MR_ROOT_NAME_LEN];
   if (MR_(node_is_block)(a, v)) {
      const MR_Block* b = a->search->blocks[MR_(block_of_node)(a, v)];
      Addr ip = allocation_ip(b);
      VG_(umsg)(" It is held by %s%s%s.\n",
                block_text(a, a->dfn[v], name, sizeof(name)),
                ip != 0 ? " allocated at " : "",
                ip != 0 ? VG_(describe_IP)(VG_(current_DiEpoch)(), ip, NULL)
                        : "");
   } else {
      VG_(umsg)(" It is held by %s.\n",
                MR_(root_name)(MR_(roots_get)(v - 1), name, sizeof(name)));
   }
}

static void pp_suspect_where(MR_Retention* a, const MR_Suspects* x, UInt i)
{
   const MR_Suspect* s = &x->list[i];
   MR_SuspectSite top[x->params.max_sites ? x->params.max_sites : 1];
   HChar share[16], name[64];
   Int   v, w, target = a->order[s->acc];
   UInt  j, n;

   if (!MR_(node_is_block)(a, target)) {
      VG_(umsg)(" The memory does not accumulate in one block: no block"
                " under the root retains 70%% of it.\n");
   } else {
      const MR_Block* b = a->search->blocks[MR_(block_of_node)(a, target)];
      pp_share(s->acc_size.bytes, a->live.bytes, share, sizeof(share));
      VG_(umsg)(" The memory accumulates in %s, which retains %'lu bytes in"
                " %'u blocks (%s), allocated at\n",
                block_text(a, s->acc, name, sizeof(name)), s->acc_size.bytes,
                s->acc_size.blocks, share);
      VG_(pp_ExeContext)(b->allocated_at);
      v = MR_(suspect_path)(a, x, i);
      for (w = v; MR_(retention_path_next)(a, w) != target;
           w = MR_(retention_path_next)(a, w))
         ;
      pp_holder(a, w);
      VG_(umsg)(" Shortest path from a root:\n");
      pp_path(a, v, "   ");
   }
   n = MR_(suspect_sites)(x, i, top, x->params.max_sites);
   if (n > 0)
      VG_(umsg)(" Accumulated blocks by allocation site:\n");
   for (j = 0; j < n; j++) {
      if (top[j].n_stacks == 1)
         VG_(umsg)("  %'lu bytes in %'u blocks allocated at\n",
                   top[j].size.bytes, top[j].size.blocks);
      else
         VG_(umsg)("  %'lu bytes in %'u blocks allocated at %s, from %'u"
                   " stacks; the biggest:\n", top[j].size.bytes,
                   top[j].size.blocks,
                   VG_(describe_IP)(VG_(current_DiEpoch)(), top[j].ip, NULL),
                   top[j].n_stacks);
      VG_(pp_ExeContext)(top[j].stack);
   }
}

static void pp_lost_suspect(const MR_Retention* a, const MR_Suspects* x,
                            const MR_Suspect* s)
{
   const UInt max_records = 5;
   HChar share[16];
   UInt  j;
   pp_share(s->size.bytes, a->live.bytes, share, sizeof(share));
   VG_(umsg)("%'lu bytes (%s of the live heap) are definitely lost, in %'u"
             " blocks and what they lose with them; the loss records"
             " responsible, the largest first:\n", s->size.bytes, share,
             s->size.blocks);
   for (j = 0; j < x->n_lost_records && j < max_records; j++) {
      const MR_LostRecord* r = &x->lost_records[j];
      /* Not in the words of Memcheck's loss records, which tools read. */
      VG_(umsg)(" %'lu bytes (%'lu direct, %'lu indirect) lost in %'u"
                " blocks allocated at\n",
                r->direct.bytes + r->indirect_bytes, r->direct.bytes,
                r->indirect_bytes, r->direct.blocks);
      VG_(pp_ExeContext)(r->allocated_at);
   }
   if (x->n_lost_records > max_records)
      VG_(umsg)(" and %'u more loss records\n",
                x->n_lost_records - max_records);
}

static void pp_suspects_now(MR_Retention* a, const MR_Suspects* x);

static void pp_growth_suspect(MR_Retention* a, const MR_Suspects* x,
                              UInt i)
{
   const MR_GrowthSuspect* g = &x->growth[i];
   HChar share[16], name[MR_ROOT_NAME_LEN], steps[MR_GROWTH_KEEP * 32];
   UInt  j, len = 0;

   pp_share(g->now.bytes, a->live.bytes, share, sizeof(share));
   VG_(umsg)("Growth suspect %'u of %'u: %s retains %'lu bytes in %'u blocks"
             " (%s of the live heap), %'lld bytes more at each snapshot\n",
             i + 1, x->n_growth,
             MR_(root_name)(MR_(roots_get)(MR_(root_of_node)(a->order[g->k])), name,
                            sizeof(name)),
             g->now.bytes, g->now.blocks, share, g->per_step);
   steps[0] = '\0';
   for (j = 0; j < g->n_steps; j++) {
      HChar one[32];
      VG_(snprintf)(steps + len, sizeof(steps) - len, "%s%s", j ? ", " : "",
                    signed_str(g->step[j], one, sizeof(one)));
      len = VG_(strlen)(steps);
   }
   VG_(umsg)(" Growth at each of its last %'u snapshots, in bytes: %s\n",
             g->n_steps, steps);
   if (MR_(node_is_block)(a, a->order[g->acc])) {
      const MR_Block* b = a->search->blocks[MR_(block_of_node)(a, a->order[g->acc])];
      pp_share(a->ret_bytes[g->acc], a->live.bytes, share, sizeof(share));
      VG_(umsg)(" The memory accumulates in %s, which retains %'lu bytes in"
                " %'u blocks (%s), allocated at\n",
                block_text(a, g->acc, name, sizeof(name)),
                a->ret_bytes[g->acc], a->ret_blocks[g->acc], share);
      VG_(pp_ExeContext)(b->allocated_at);
   }
   if (g->n_sites > 0)
      VG_(umsg)(" Allocation sites that grew since the last snapshot:\n");
   for (j = 0; j < g->n_sites; j++) {
      HChar s1[32], s2[32];
      VG_(umsg)("  %s bytes in %s blocks allocated at\n",
                signed_str(g->site_bytes[j], s1, sizeof(s1)),
                signed_str(g->site_blocks[j], s2, sizeof(s2)));
      VG_(pp_ExeContext)(g->site[j]);
   }
   VG_(umsg)("\n");
}

static void pp_growth(MR_Retention* a, const MR_Suspects* x)
{
   UInt i;
   if (x->n_snapshots == 0) {
      VG_(umsg)("LEAK SUSPECTS BY GROWTH: no snapshot before this one to"
                " compare with\n\n");
      return;
   }
   if (x->n_growth == 0) {
      VG_(umsg)("LEAK SUSPECTS BY GROWTH: no root grew at each of the last"
                " %'u snapshots\n\n", x->n_snapshots < MR_GROWTH_KEEP
                                       ? x->n_snapshots : MR_GROWTH_KEEP);
      return;
   }
   VG_(umsg)("LEAK SUSPECTS BY GROWTH: %'u root%s grew at each snapshot, the"
             " fastest first (%'u snapshots taken)\n\n", x->n_growth,
             x->n_growth == 1 ? "" : "s", x->n_snapshots);
   for (i = 0; i < x->n_growth; i++)
      pp_growth_suspect(a, x, i);
}

void MR_(suspects_pp_text)(MR_Retention* a, const MR_Suspects* x)
{
   if (x->params.now)
      pp_suspects_now(a, x);
   if (x->params.growth)
      pp_growth(a, x);
}

static void pp_suspects_now(MR_Retention* a, const MR_Suspects* x)
{
   HChar share[16], thr[16], name[MR_ROOT_NAME_LEN];
   UInt  i;

   /* "10.0%", or "0.05%" for a threshold below a tenth of a percent. */
   if (x->params.threshold_ppm % 1000 == 0)
      VG_(snprintf)(thr, sizeof(thr), "%u.%u%%",
                    x->params.threshold_ppm / 10000,
                    x->params.threshold_ppm / 1000 % 10);
   else
      VG_(snprintf)(thr, sizeof(thr), "%u.%02u%%",
                    x->params.threshold_ppm / 10000,
                    x->params.threshold_ppm / 100 % 100);
   if (x->n == 0) {
      VG_(umsg)("LEAK SUSPECTS: none: no root, block or allocation site"
                " retains %s of the live heap (%'lu bytes), nor is that"
                " much definitely lost\n\n", thr, x->threshold_bytes);
      return;
   }
   VG_(umsg)("LEAK SUSPECTS: %'u suspect%s, each retaining or losing at"
             " least %s of the live heap (%'lu of %'lu bytes)\n\n", x->n,
             x->n == 1 ? "" : "s", thr, x->threshold_bytes, a->live.bytes);
   for (i = 0; i < x->n; i++) {
      const MR_Suspect* s = &x->list[i];
      VG_(umsg)("Suspect %'u of %'u: ", i + 1, x->n);
      pp_share(s->size.bytes, a->live.bytes, share, sizeof(share));
      switch (s->kind) {
      case MR_SuspectSingle:
         if (!MR_(node_is_block)(a, a->order[s->k]))
            MR_(root_name)(MR_(roots_get)(MR_(root_of_node)(a->order[s->k])), name,
                           sizeof(name));
         else
            block_text(a, s->k, name, sizeof(name));
         VG_(umsg)("%s%s retains %'lu bytes in %'u blocks (%s of the live"
                   " heap)\n", name,
                   a->idom[s->k] == 0 && MR_(node_is_block)(a, a->order[s->k])
                      ? ", shared by several roots," : "",
                   s->size.bytes, s->size.blocks, share);
         pp_suspect_where(a, x, i);
         break;
      case MR_SuspectGroup:
         VG_(umsg)("%'u blocks allocated at %s, held by %'u different"
                   " parents, retain %'lu bytes in %'u blocks (%s of the"
                   " live heap); the most common stack:\n", s->n_members,
                   VG_(describe_IP)(VG_(current_DiEpoch)(),
                                    MR_(allocation_ip)(s->site), NULL),
                   s->n_parents, s->size.bytes, s->size.blocks, share);
         VG_(pp_ExeContext)(s->site);
         pp_share(a->ret_bytes[s->k], a->live.bytes, share, sizeof(share));
         VG_(umsg)(" The biggest of them is %s, which retains %'lu bytes in"
                   " %'u blocks (%s).\n", block_text(a, s->k, name, sizeof(name)),
                   a->ret_bytes[s->k], a->ret_blocks[s->k], share);
         pp_suspect_where(a, x, i);
         break;
      case MR_SuspectLost:
         pp_lost_suspect(a, x, s);
         break;
      }
      VG_(umsg)("\n");
   }
}
