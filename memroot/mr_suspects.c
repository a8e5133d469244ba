/* memroot suspects: leak suspects found in a retention analysis.

   Single suspects: the children of the super-root (roots, shared blocks)
   retaining at least the threshold.  From each, the accumulation point is
   found by walking down the dominator tree while the heaviest child
   retains at least 70% of its parent, stopping at the head of a run of
   one allocation site (a list's first node, not its last).  When two or
   more children of an accumulation point each pass the threshold, the
   memory splits there: each child is a suspect of its own instead.

   Group suspects: outside the singles' accumulation points, the blocks
   allocated at one line (the first frame outside the allocator), each
   counted with what it retains (a block whose parent in the dominator
   tree comes from the same line is counted in its parent), under at
   least two distinct parents, together at least the threshold; the
   biggest first, each taking its members' subtrees from the next.

   Lost memory: the definitely lost blocks, by allocation stack, when
   they and what they lose with them pass the threshold.

   Growth suspects: the roots whose retained size grew at each report or
   snapshot retain remembers, and now, with the sites under them that
   grew since the last.

   Every step is a pass over the dominator tree's arrays; none recurses.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_execontext.h"
#include "mr_suspects.h"

static ExeContext* stack_of(const MR_Retention* a, Int k)
{
   return a->search->blocks[MR_(block_of_node)(a, a->order[k])]->allocated_at;
}

/* Where block k was allocated, for groups and runs: the line calling
   the allocator, whoever called that function. */
static Addr site_of(const MR_Retention* a, Int k)
{
   return MR_(allocation_ip)(stack_of(a, k));
}

static Bool is_block(const MR_Retention* a, Int k)
{
   return MR_(node_is_block)(a, a->order[k]);
}

static MR_Size retained(const MR_Retention* a, Int k)
{
   MR_Size s = { a->ret_bytes[k], a->ret_blocks[k] };
   return s;
}

/*------------------------------------------------------------*/
/*--- Single suspects                                       ---*/
/*------------------------------------------------------------*/

static Int accumulation_point(const MR_Retention* a, Int k)
{
   for (;;) {
      Int c = a->heaviest_child[k];
      if (c == -1 || (ULong)a->ret_bytes[c] * 10 < (ULong)a->ret_bytes[k] * 7)
         return k;
      /* A list or a tree of one site: its head is where it piles up. */
      if (is_block(a, k) && site_of(a, c) == site_of(a, k))
         return k;
      k = c;
   }
}

/* Index of v in sorted[0..n), or -1. */
static Int find_sorted(const Int* sorted, Int n, Int v)
{
   Int lo = 0, hi = n - 1;
   while (lo <= hi) {
      Int mid = lo + (hi - lo) / 2;
      if (sorted[mid] == v)
         return mid;
      if (sorted[mid] < v)
         lo = mid + 1;
      else
         hi = mid - 1;
   }
   return -1;
}

static void add_suspect(XArray* list, MR_SuspectKind kind, Int k, Int acc,
                        MR_Size size, MR_Size acc_size)
{
   MR_Suspect s;
   VG_(memset)(&s, 0, sizeof(s));
   s.kind = kind;
   s.k = k;
   s.acc = acc;
   s.size = size;
   s.acc_size = acc_size;
   s.label = VG_(sizeXA)(list);
   VG_(addToXA)(list, &s);
}

/* Rounds of candidates: each round finds the accumulation points of its
   candidates, then in one pass over the tree the children passing the
   threshold of each; a point with two or more gives them to the next
   round.  Candidates are disjoint subtrees each passing the threshold,
   so a round has at most 1/threshold of them. */
static void find_singles(const MR_Retention* a, SizeT thr, XArray* list)
{
   XArray* cand = VG_(newXA)(VG_(malloc), "memroot.suspects.cand", VG_(free),
                             sizeof(Int));
   Int t, k;
   for (t = 0; t < a->n_tops; t++)
      if (a->ret_bytes[a->tops[t]] >= thr)
         VG_(addToXA)(cand, &a->tops[t]);
   while (VG_(sizeXA)(cand) > 0) {
      Int     n = VG_(sizeXA)(cand), j;
      Int*    accs   = VG_(malloc)("memroot.suspects.accs", n * sizeof(Int));
      Int*    sorted = VG_(malloc)("memroot.suspects.sorted", n * sizeof(Int));
      UInt*   n_big  = VG_(calloc)("memroot.suspects.nbig", n, sizeof(UInt));
      XArray* next   = VG_(newXA)(VG_(malloc), "memroot.suspects.cand",
                                  VG_(free), sizeof(Int));
      for (j = 0; j < n; j++)
         sorted[j] = accs[j] = accumulation_point(
                                  a, *(Int*)VG_(indexXA)(cand, j));
      VG_(ssort)(sorted, n, sizeof(Int), MR_(cmp_Int));
      for (k = 1; k < a->nr; k++) {
         Int at;
         if (a->ret_bytes[k] < thr
             || (at = find_sorted(sorted, n, a->idom[k])) == -1)
            continue;
         n_big[at]++;
      }
      for (j = 0; j < n; j++) {
         Int c = *(Int*)VG_(indexXA)(cand, j);
         Int at = find_sorted(sorted, n, accs[j]);
         if (n_big[at] < 2) {
            add_suspect(list, MR_SuspectSingle, c, accs[j], retained(a, c),
                        retained(a, accs[j]));
            continue;
         }
         /* It splits here: its big children are the suspects. */
         for (k = accs[j] + 1; k < a->nr; k++)
            if (a->idom[k] == accs[j] && a->ret_bytes[k] >= thr)
               VG_(addToXA)(next, &k);
      }
      VG_(free)(accs);
      VG_(free)(sorted);
      VG_(free)(n_big);
      VG_(deleteXA)(cand);
      cand = next;
   }
   VG_(deleteXA)(cand);
}

/* Every node under a suspect's accumulation point gets its label: the
   points are disjoint subtrees, and idom[k] < k. */
static void propagate_labels(const MR_Retention* a, Int* label)
{
   Int k;
   for (k = 1; k < a->nr; k++)
      if (label[k] < 0 && label[a->idom[k]] >= 0)
         label[k] = label[a->idom[k]];
}

/*------------------------------------------------------------*/
/*--- Group suspects                                        ---*/
/*------------------------------------------------------------*/

typedef struct {
   Addr        site;          /* the key: the allocation point */
   MR_Size     size;
   UInt        members;
   Int         first_parent;
   Bool        many_parents;
   Int         biggest;
} GroupTally;

static Word cmp_group_site(const void* key, const void* elem)
{
   Addr x = *(const Addr*)key;
   Addr y = ((const GroupTally*)elem)->site;
   return x < y ? -1 : x > y ? 1 : 0;
}

/* k heads a group's run: a block outside every single suspect, under a
   root or a block from another site. */
static Bool group_head(const MR_Retention* a, const Int* label, Int k,
                       Addr* site)
{
   Int p = a->idom[k];
   if (!is_block(a, k) || label[k] >= 0 || p == 0)
      return False;
   *site = site_of(a, k);
   return !is_block(a, p) || site_of(a, p) != *site;
}

/* The sites' runs outside every suspect so far, tallied. */
static OSet* tally_groups(const MR_Retention* a, const Int* label)
{
   OSet*       tallies = VG_(OSetGen_Create)(0, cmp_group_site, VG_(malloc),
                                             "memroot.suspects.groups",
                                             VG_(free));
   GroupTally* last = NULL, *g;
   Addr        site;
   Int         k;
   for (k = 1; k < a->nr; k++) {
      if (!group_head(a, label, k, &site))
         continue;
      g = last != NULL && last->site == site
          ? last : VG_(OSetGen_Lookup)(tallies, &site);
      if (g == NULL) {
         g = VG_(OSetGen_AllocNode)(tallies, sizeof(GroupTally));
         VG_(memset)(g, 0, sizeof(*g));
         g->site = site;
         g->first_parent = a->idom[k];
         g->biggest = k;
         VG_(OSetGen_Insert)(tallies, g);
      }
      last = g;
      g->size.bytes  += a->ret_bytes[k];
      g->size.blocks += a->ret_blocks[k];
      g->members++;
      g->many_parents |= a->idom[k] != g->first_parent;
      if (a->ret_bytes[k] > a->ret_bytes[g->biggest])
         g->biggest = k;
   }
   return tallies;
}

static Int cmp_stack(const void* va, const void* vb)
{
   const ExeContext* x = *(const ExeContext* const*)va;
   const ExeContext* y = *(const ExeContext* const*)vb;
   return x < y ? -1 : x > y ? 1 : 0;
}

/* The stack most of a group's members were allocated with (the first
   by number among equals, for the same answer every run). */
static ExeContext* most_common(XArray* stacks)
{
   Word n = VG_(sizeXA)(stacks), i, run = 0, best_run = 0;
   ExeContext* best = NULL;
   VG_(ssort)(VG_(indexXA)(stacks, 0), n, sizeof(ExeContext*), cmp_stack);
   for (i = 0; i < n; i++) {
      ExeContext* ec = *(ExeContext**)VG_(indexXA)(stacks, i);
      run = i > 0 && ec == *(ExeContext**)VG_(indexXA)(stacks, i - 1)
            ? run + 1 : 1;
      if (run > best_run
          || (run == best_run && VG_(get_ECU_from_ExeContext)(ec)
                                 < VG_(get_ECU_from_ExeContext)(best))) {
         best = ec;
         best_run = run;
      }
   }
   return best;
}

/* The biggest group first, its members and what they retain labelled;
   then the next among the rest, so that a group under another's members
   (the buffers of many sessions) is not a second suspect. */
static void find_groups(const MR_Retention* a, SizeT thr, Int* label,
                        XArray* list)
{
   for (;;) {
      OSet*       tallies = tally_groups(a, label);
      GroupTally* g, *best = NULL;
      XArray*     parents, *stacks;
      Addr        site;
      MR_Suspect* s;
      Word        n, i, distinct = 0;
      Int         k, group;

      VG_(OSetGen_ResetIter)(tallies);
      while ((g = VG_(OSetGen_Next)(tallies)) != NULL)
         if (g->size.bytes >= thr && g->many_parents
             && (best == NULL || g->size.bytes > best->size.bytes))
            best = g;
      if (best == NULL) {
         VG_(OSetGen_Destroy)(tallies);
         return;
      }
      group = VG_(sizeXA)(list);
      add_suspect(list, MR_SuspectGroup, best->biggest,
                  accumulation_point(a, best->biggest), best->size,
                  retained(a, best->biggest));
      s = VG_(indexXA)(list, group);
      s->n_members = best->members;
      parents = VG_(newXA)(VG_(malloc), "memroot.suspects.parents",
                           VG_(free), sizeof(Int));
      stacks = VG_(newXA)(VG_(malloc), "memroot.suspects.stacks",
                          VG_(free), sizeof(ExeContext*));
      for (k = 1; k < a->nr; k++) {
         if (group_head(a, label, k, &site) && site == best->site) {
            ExeContext* ec = stack_of(a, k);
            label[k] = group;
            VG_(addToXA)(parents, &a->idom[k]);
            VG_(addToXA)(stacks, &ec);
         } else if (label[k] < 0 && label[a->idom[k]] >= 0) {
            label[k] = label[a->idom[k]];
         }
      }
      n = VG_(sizeXA)(parents);
      VG_(ssort)(VG_(indexXA)(parents, 0), n, sizeof(Int), MR_(cmp_Int));
      for (i = 0; i < n; i++)
         if (i == 0 || *(Int*)VG_(indexXA)(parents, i)
                       != *(Int*)VG_(indexXA)(parents, i - 1))
            distinct++;
      s->n_parents = distinct;
      s->site = most_common(stacks);
      VG_(deleteXA)(parents);
      VG_(deleteXA)(stacks);
      VG_(OSetGen_Destroy)(tallies);
   }
}

/*------------------------------------------------------------*/
/*--- Lost memory                                           ---*/
/*------------------------------------------------------------*/

static Word cmp_lost_site(const void* key, const void* elem)
{
   const ExeContext* x = *(const ExeContext* const*)key;
   const ExeContext* y = ((const MR_LostRecord*)elem)->allocated_at;
   return x < y ? -1 : x > y ? 1 : 0;
}

static Int cmp_lost_size(const void* va, const void* vb)
{
   const MR_LostRecord* x = va;
   const MR_LostRecord* y = vb;
   SizeT bx = x->direct.bytes + x->indirect_bytes;
   SizeT by = y->direct.bytes + y->indirect_bytes;
   if (bx != by)
      return bx > by ? -1 : 1;
   if (x->direct.blocks != y->direct.blocks)
      return x->direct.blocks > y->direct.blocks ? -1 : 1;
   {
      UInt ex = VG_(get_ECU_from_ExeContext)(x->allocated_at);
      UInt ey = VG_(get_ECU_from_ExeContext)(y->allocated_at);
      return ex < ey ? -1 : ex > ey ? 1 : 0;
   }
}

static void find_lost(MR_Suspects* x, const MR_Retention* a, XArray* list)
{
   const MR_Search* s = a->search;
   OSet* recs = VG_(OSetGen_Create)(0, cmp_lost_site, VG_(malloc),
                                    "memroot.suspects.lost", VG_(free));
   MR_LostRecord* r, *last = NULL;
   UInt  n = 0;
   Int   i;

   x->lost.bytes = x->lost.blocks = 0;
   for (i = 0; i < s->n_blocks; i++) {
      const MR_Block* b = s->blocks[i];
      if (s->facts[i].state != MR_Unreached)
         continue;
      r = last != NULL && last->allocated_at == b->allocated_at
          ? last : VG_(OSetGen_Lookup)(recs, &b->allocated_at);
      if (r == NULL) {
         r = VG_(OSetGen_AllocNode)(recs, sizeof(MR_LostRecord));
         VG_(memset)(r, 0, sizeof(*r));
         r->allocated_at = b->allocated_at;
         VG_(OSetGen_Insert)(recs, r);
      }
      last = r;
      r->direct.bytes += b->szB;
      r->direct.blocks++;
      r->indirect_bytes += s->facts[i].IorC;
      x->lost.bytes += b->szB + s->facts[i].IorC;
      x->lost.blocks++;
   }
   if (x->lost.bytes >= x->threshold_bytes && x->lost.blocks > 0) {
      MR_Size none = { 0, 0 };
      x->lost_records = VG_(malloc)("memroot.suspects.lostrecs",
                                    VG_(OSetGen_Size)(recs)
                                    * sizeof(MR_LostRecord));
      VG_(OSetGen_ResetIter)(recs);
      while ((r = VG_(OSetGen_Next)(recs)) != NULL)
         x->lost_records[n++] = *r;
      VG_(ssort)(x->lost_records, n, sizeof(MR_LostRecord), cmp_lost_size);
      x->n_lost_records = n;
      add_suspect(list, MR_SuspectLost, -1, -1, x->lost, none);
      ((MR_Suspect*)VG_(indexXA)(list, VG_(sizeXA)(list) - 1))->n_members = n;
   }
   VG_(OSetGen_Destroy)(recs);
}

static Int given_label(const MR_Retention* a, Int k, const void* labels)
{
   return ((const Int*)labels)[k];
}

/*------------------------------------------------------------*/
/*--- Growth suspects                                       ---*/
/*------------------------------------------------------------*/

/* Root r, at node k, grew at every report it has a history for, and
   now: its steps into g. */
static Bool grew_each_time(const MR_Retention* a, UInt r, Int k,
                           MR_GrowthSuspect* g, const XArray** sites)
{
   const MR_Size* hist;
   UInt n = MR_(retention_root_history)(a, r, &hist, sites), j;
   if (n == 0)
      return False;
   VG_(memset)(g, 0, sizeof(*g));
   g->k = k;
   g->now = retained(a, k);
   for (j = 0; j < n; j++) {
      SizeT after = j + 1 < n ? hist[j + 1].bytes : g->now.bytes;
      if (after <= hist[j].bytes)
         return False;
      g->step[g->n_steps++] = (Long)after - (Long)hist[j].bytes;
   }
   g->per_step = ((Long)g->now.bytes - (Long)hist[0].bytes) / (Long)n;
   return True;
}

static Int cmp_growth(const void* va, const void* vb)
{
   const MR_GrowthSuspect* x = va;
   const MR_GrowthSuspect* y = vb;
   if (x->per_step != y->per_step)
      return x->per_step > y->per_step ? -1 : 1;
   return x->k < y->k ? -1 : x->k > y->k ? 1 : 0;
}

/* What the site at grew under g since the last report, among the
   sites kept then (sorted by stack). */
static void site_growth(MR_GrowthSuspect* g, const MR_AllocSiteSize* now,
                        const XArray* before)
{
   Long d_bytes = (Long)now->size.bytes, d_blocks = (Long)now->size.blocks;
   Word lo = 0, hi = before != NULL ? VG_(sizeXA)(before) - 1 : -1;
   UInt j;
   while (lo <= hi) {
      Word mid = lo + (hi - lo) / 2;
      const MR_AllocSiteSize* b = VG_(indexXA)(before, mid);
      if (b->allocated_at == now->allocated_at) {
         d_bytes  -= (Long)b->size.bytes;
         d_blocks -= (Long)b->size.blocks;
         break;
      }
      if (b->allocated_at < now->allocated_at)
         lo = mid + 1;
      else
         hi = mid - 1;
   }
   if (d_bytes <= 0)
      return;
   /* Into the top few, the most first. */
   for (j = g->n_sites; j > 0 && g->site_bytes[j - 1] < d_bytes; j--) {
      if (j < MR_GROWTH_SITES) {
         g->site[j] = g->site[j - 1];
         g->site_bytes[j] = g->site_bytes[j - 1];
         g->site_blocks[j] = g->site_blocks[j - 1];
      }
   }
   if (j < MR_GROWTH_SITES) {
      g->site[j] = now->allocated_at;
      g->site_bytes[j] = d_bytes;
      g->site_blocks[j] = d_blocks;
      if (g->n_sites < MR_GROWTH_SITES)
         g->n_sites++;
   }
}

static Int growth_label(const MR_Retention* a, Int k, const void* by_top)
{
   return ((const Int*)by_top)[MR_(top_index)(a, k)];
}

static void find_growth(MR_Suspects* x, MR_Retention* a)
{
   XArray* list = VG_(newXA)(VG_(malloc), "memroot.suspects.growth",
                             VG_(free), sizeof(MR_GrowthSuspect));
   const XArray** before;
   MR_GrowthSuspect g;
   Int*  by_top;
   Int   r;
   UInt  i;

   x->n_snapshots = MR_(retention_n_reports)();
   before = VG_(calloc)("memroot.suspects.before",
                        a->n_roots ? a->n_roots : 1, sizeof(XArray*));
   for (r = 0; r < a->n_roots; r++) {
      const XArray* sites;
      Int k = a->dfn[MR_(node_of_root)(r)];
      if (grew_each_time(a, r, k, &g, &sites)) {
         g.acc = accumulation_point(a, k);
         before[VG_(sizeXA)(list)] = sites;
         VG_(addToXA)(list, &g);
      }
   }
   x->n_growth = VG_(sizeXA)(list);
   x->growth = VG_(malloc)("memroot.suspects.growths",
                           (x->n_growth ? x->n_growth : 1)
                           * sizeof(MR_GrowthSuspect));
   for (i = 0; i < x->n_growth; i++)
      x->growth[i] = *(MR_GrowthSuspect*)VG_(indexXA)(list, i);
   VG_(deleteXA)(list);

   /* The sites under each growing root now, against the last report's:
      one pass over the blocks. */
   if (x->n_growth > 0) {
      OSet* now;
      MR_AllocSiteSize* s;
      by_top = VG_(malloc)("memroot.suspects.bytop",
                           (a->n_tops ? a->n_tops : 1) * sizeof(Int));
      for (r = 0; r < a->n_tops; r++)
         by_top[r] = -1;
      for (i = 0; i < x->n_growth; i++)
         by_top[MR_(top_index)(a, x->growth[i].k)] = i;
      now = MR_(retention_tally_by)(a, growth_label, by_top);
      VG_(OSetGen_ResetIter)(now);
      while ((s = VG_(OSetGen_Next)(now)) != NULL)
         site_growth(&x->growth[s->k], s, before[s->k]);
      VG_(OSetGen_Destroy)(now);
      VG_(free)(by_top);
   }
   VG_(free)(before);
   VG_(ssort)(x->growth, x->n_growth, sizeof(MR_GrowthSuspect), cmp_growth);
}

/*------------------------------------------------------------*/
/*--- The suspects                                          ---*/
/*------------------------------------------------------------*/

static Int cmp_suspect_size(const void* va, const void* vb)
{
   const MR_Suspect* x = va;
   const MR_Suspect* y = vb;
   if (x->size.bytes != y->size.bytes)
      return x->size.bytes > y->size.bytes ? -1 : 1;
   return x->label < y->label ? -1 : x->label > y->label ? 1 : 0;
}

MR_Suspects* MR_(suspects_find)(MR_Retention* a, const MR_SuspectParams* p)
{
   MR_Suspects* x = VG_(calloc)("memroot.suspects", 1, sizeof(MR_Suspects));
   XArray* list = VG_(newXA)(VG_(malloc), "memroot.suspects.list", VG_(free),
                             sizeof(MR_Suspect));
   Int*    label;
   Word    i, n_singles;

   tl_assert(p->threshold_ppm > 0);
   MR_(retention_rank_children)(a);
   x->params = *p;
   x->threshold_bytes = (SizeT)(((ULong)a->live.bytes * p->threshold_ppm
                                 + 999999) / 1000000);
   if (x->threshold_bytes == 0)
      x->threshold_bytes = 1;

   label = VG_(malloc)("memroot.suspects.label",
                       (a->nr ? a->nr : 1) * sizeof(Int));
   for (i = 0; i < a->nr; i++)
      label[i] = -1;
   if (p->now && a->nr > 1 && a->ret_bytes[0] >= x->threshold_bytes) {
      find_singles(a, x->threshold_bytes, list);
      n_singles = VG_(sizeXA)(list);
      for (i = 0; i < n_singles; i++) {
         const MR_Suspect* s = VG_(indexXA)(list, i);
         label[s->acc] = s->label;
      }
      propagate_labels(a, label);
      find_groups(a, x->threshold_bytes, label, list);
      x->sites = MR_(retention_tally_by)(a, given_label, label);
   }
   VG_(free)(label);
   if (p->now)
      find_lost(x, a, list);
   if (p->growth)
      find_growth(x, a);

   x->n = VG_(sizeXA)(list);
   x->list = VG_(malloc)("memroot.suspects.sorted",
                         (x->n ? x->n : 1) * sizeof(MR_Suspect));
   for (i = 0; i < x->n; i++)
      x->list[i] = *(MR_Suspect*)VG_(indexXA)(list, i);
   VG_(ssort)(x->list, x->n, sizeof(MR_Suspect), cmp_suspect_size);
   VG_(deleteXA)(list);
   return x;
}

void MR_(suspects_free)(MR_Suspects* x)
{
   if (x == NULL)
      return;
   if (x->sites != NULL)
      VG_(OSetGen_Destroy)(x->sites);
   VG_(free)(x->lost_records);
   VG_(free)(x->list);
   VG_(free)(x->growth);
   VG_(free)(x);
}

static Int cmp_suspect_site(const void* va, const void* vb)
{
   const MR_SuspectSite* x = va;
   const MR_SuspectSite* y = vb;
   if (x->size.bytes != y->size.bytes)
      return x->size.bytes > y->size.bytes ? -1 : 1;
   return x->ip < y->ip ? -1 : x->ip > y->ip ? 1 : 0;
}

UInt MR_(suspect_sites)(const MR_Suspects* x, UInt i, MR_SuspectSite* out,
                        UInt max)
{
   XArray* by_ip;
   MR_AllocSiteSize key, *s;
   Word    n, j;
   UInt    m;

   if (x->sites == NULL || x->list[i].kind == MR_SuspectLost || max == 0)
      return 0;
   /* The suspect's tallies by stack, merged by line: few. */
   by_ip = VG_(newXA)(VG_(malloc), "memroot.suspects.byip", VG_(free),
                      sizeof(MR_SuspectSite));
   key.k = x->list[i].label;
   key.allocated_at = NULL;
   VG_(OSetGen_ResetIterAt)(x->sites, &key);
   while ((s = VG_(OSetGen_Next)(x->sites)) != NULL && s->k == key.k) {
      Addr ip = MR_(allocation_ip)(s->allocated_at);
      MR_SuspectSite* t = NULL;
      for (j = 0; j < VG_(sizeXA)(by_ip); j++) {
         MR_SuspectSite* u = VG_(indexXA)(by_ip, j);
         if (u->ip == ip) {
            t = u;
            break;
         }
      }
      if (t == NULL) {
         MR_SuspectSite nu = { ip, s->allocated_at, 0, 0, { 0, 0 } };
         VG_(addToXA)(by_ip, &nu);
         t = VG_(indexXA)(by_ip, VG_(sizeXA)(by_ip) - 1);
      }
      if (s->size.bytes > t->stack_bytes) {
         t->stack = s->allocated_at;
         t->stack_bytes = s->size.bytes;
      }
      t->n_stacks++;
      t->size.bytes  += s->size.bytes;
      t->size.blocks += s->size.blocks;
   }
   n = VG_(sizeXA)(by_ip);
   if (n > 0)
      VG_(ssort)(VG_(indexXA)(by_ip, 0), n, sizeof(MR_SuspectSite),
                 cmp_suspect_site);
   for (m = 0; m < n && m < max; m++)
      out[m] = *(MR_SuspectSite*)VG_(indexXA)(by_ip, m);
   VG_(deleteXA)(by_ip);
   return m;
}

Int MR_(suspect_path)(MR_Retention* a, const MR_Suspects* x, UInt i)
{
   const MR_Suspect* s = &x->list[i];
   Int top, root, n;
   if (s->kind == MR_SuspectLost)
      return -1;
   /* Down the dominator tree from its root when that is a path (the
      common case, and cheap); else breadth first back to a root. */
   top = MR_(top_of)(a, s->acc);
   if (!is_block(a, top) && MR_(retention_path_down)(a, top, s->acc))
      return a->order[top];
   n = MR_(retention_paths_to)(a, a->order[s->acc], &root, 1);
   tl_assert(n == 1);
   return root;
}
