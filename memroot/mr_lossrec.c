/* memroot lossrec: the loss records of a leak check.  Blocks of one kind
   whose allocation stacks agree (to --leak-resolution) form a record;
   records persist from check to check so that each check can say how they
   grew, as Memcheck's do.  The search of the last check is kept until the
   next one, for block_list and for the retention report at exit.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_options.h"
#include "pub_tool_oset.h"
#include "mr_errors.h"
#include "mr_leaktext.h"
#include "mr_lossrec.h"
#include "mr_origins.h"
#include "mr_slots.h"
#include "mr_storesites.h"
#include "mr_xtleak.h"

typedef struct {
   MR_Reachedness state;
   ExeContext*    group;   /* the allocation stack cut to the resolution */
} LossRecordKey;

struct _MR_LossRecord {
   LossRecordKey key;
   ExeContext*   allocated_at;   /* the full stack of its first block */
   SizeT         szB, indirect_szB;
   UInt          num_blocks;
   /* the same at the previous check, for the deltas */
   SizeT         old_szB, old_indirect_szB;
   UInt          old_num_blocks;
   UInt          index;    /* in lr_array, once sorted for printing */
   Bool          shown, is_error, suppressed;   /* in the last check */
   Int           first;    /* its first block in this check's search */
};

static OSet*           lr_table;
static MR_LossRecord** lr_array;
static UInt            lr_n;
static MR_Search*      lr_search;           /* of the last check */
static VgRes           lr_resolution;       /* of the last check */
static MR_LeakSummary  lc_summary;          /* of the last check */
static MR_DeltaMode    lc_last_deltamode;
static MR_LeakCheckMode lc_last_mode = MR_LC_Off;
static ULong           lc_check_gen;

MR_Reachedness MR_(lr_state)(const MR_LossRecord* lr)
{
   return lr->key.state;
}

ExeContext* MR_(lr_allocated_at)(const MR_LossRecord* lr)
{
   return lr->allocated_at;
}

SizeT MR_(lr_total_bytes)(const MR_LossRecord* lr)
{
   return lr->szB + lr->indirect_szB;
}

UInt MR_(lr_num_blocks)(const MR_LossRecord* lr)
{
   return lr->num_blocks;
}

SizeT MR_(lr_direct_bytes)(const MR_LossRecord* lr)
{
   return lr->szB;
}

SizeT MR_(lr_indirect_bytes)(const MR_LossRecord* lr)
{
   return lr->indirect_szB;
}

Bool MR_(lr_shown)(const MR_LossRecord* lr)
{
   return lr->shown;
}

Bool MR_(lr_is_error)(const MR_LossRecord* lr)
{
   return lr->is_error;
}

Bool MR_(lr_suppressed)(const MR_LossRecord* lr)
{
   return lr->suppressed;
}

UInt MR_(lr_count)(void)
{
   return lr_table != NULL ? lr_n : 0;
}

const MR_LossRecord* MR_(lr_get)(UInt i)
{
   tl_assert(lr_table != NULL && i < lr_n);
   return lr_array[i];
}

const MR_LeakSummary* MR_(last_leak_summary)(MR_LeakCheckMode* mode)
{
   *mode = lc_last_mode;
   return lc_check_gen > 0 && lc_last_mode != MR_LC_Off ? &lc_summary : NULL;
}

MR_Search* MR_(last_check_search)(void)
{
   return lr_search;
}

ULong MR_(leak_check_generation)(void)
{
   return lc_check_gen;
}

static Word cmp_key_lr(const void* key, const void* elem)
{
   const LossRecordKey* a = key;
   const LossRecordKey* b = &((const MR_LossRecord*)elem)->key;
   if (a->state != b->state)
      return a->state < b->state ? -1 : 1;
   if (a->group != b->group)
      return a->group < b->group ? -1 : 1;
   return 0;
}

/* Printing order: Memcheck's — by total size, then kind, then number of
   blocks; last by the order the stacks were first seen. */
static Int cmp_lr_print(const void* va, const void* vb)
{
   const MR_LossRecord* a = *(const MR_LossRecord* const*)va;
   const MR_LossRecord* b = *(const MR_LossRecord* const*)vb;
   SizeT ta = a->szB + a->indirect_szB, tb = b->szB + b->indirect_szB;
   UInt  ea, eb;
   if (ta != tb) return ta < tb ? -1 : 1;
   if (a->key.state != b->key.state) return a->key.state < b->key.state ? -1 : 1;
   if (a->num_blocks != b->num_blocks) return a->num_blocks < b->num_blocks ? -1 : 1;
   ea = VG_(get_ECU_from_ExeContext)(a->allocated_at);
   eb = VG_(get_ECU_from_ExeContext)(b->allocated_at);
   return ea < eb ? -1 : ea > eb ? 1 : 0;
}

typedef struct { Addr ips[4]; UInt n; UInt max; } IpPrefix;

static void collect_ip(UInt i, DiEpoch ep, Addr ip, void* opaque)
{
   IpPrefix* p = opaque;
   if (p->n < p->max)
      p->ips[p->n++] = ip;
}

/* --leak-resolution=low|med merges stacks whose first 2|4 frames agree:
   the group is the stack cut to those frames. */
static ExeContext* resolution_group(ExeContext* allocated_at, VgRes res)
{
   IpPrefix p;
   switch (res) {
   case Vg_LowRes: p.max = 2; break;
   case Vg_MedRes: p.max = 4; break;
   default:        return allocated_at;
   }
   p.n = 0;
   VG_(apply_ExeContext)(collect_ip, &p, allocated_at);
   if (p.n == (UInt)VG_(get_ExeContext_n_ips)(allocated_at))
      return allocated_at;
   return VG_(make_ExeContext_from_StackTrace)(p.ips, p.n);
}

static void rebuild_lr_array(void)
{
   MR_LossRecord* lr;
   UInt i = 0;
   VG_(free)(lr_array);
   lr_n = VG_(OSetGen_Size)(lr_table);
   lr_array = VG_(malloc)("memroot.lossrec.array",
                          (lr_n ? lr_n : 1) * sizeof(MR_LossRecord*));
   VG_(OSetGen_ResetIter)(lr_table);
   while ((lr = VG_(OSetGen_Next)(lr_table)) != NULL)
      lr_array[i++] = lr;
   tl_assert(i == lr_n);
}

/* Moves the current sizes of each record to old_*, dropping the records
   that were empty, so that this check's deltas are against the last. */
static void age_loss_records(void)
{
   UInt i;
   rebuild_lr_array();
   for (i = 0; i < lr_n; i++) {
      MR_LossRecord* lr = lr_array[i];
      if (lr->num_blocks == 0) {
         VG_(OSetGen_Remove)(lr_table, &lr->key);
         VG_(OSetGen_FreeNode)(lr_table, lr);
      } else {
         lr->old_szB = lr->szB;
         lr->old_indirect_szB = lr->indirect_szB;
         lr->old_num_blocks = lr->num_blocks;
         lr->szB = lr->indirect_szB = 0;
         lr->num_blocks = 0;
      }
   }
}

static void fill_loss_records(const MR_Search* s, MR_LeakSummary* sum)
{
   Int i;
   for (i = 0; i < s->n_blocks; i++) {
      const MR_Block*      b = s->blocks[i];
      const MR_BlockFacts* f = &s->facts[i];
      LossRecordKey        key;
      MR_LossRecord*       lr;

      if (f->heuristic) {
         sum->heur_bytes[f->heuristic] += b->szB;
         sum->heur_blocks[f->heuristic]++;
      }
      key.state = f->state;
      key.group = resolution_group(b->allocated_at, lr_resolution);
      lr = VG_(OSetGen_Lookup)(lr_table, &key);
      if (lr == NULL) {
         lr = VG_(OSetGen_AllocNode)(lr_table, sizeof(MR_LossRecord));
         VG_(memset)(lr, 0, sizeof(*lr));
         lr->key          = key;
         lr->allocated_at = b->allocated_at;
         VG_(OSetGen_Insert)(lr_table, lr);
      }
      if (lr->num_blocks == 0)
         lr->first = i;
      lr->szB += b->szB;
      if (f->state == MR_Unreached)
         lr->indirect_szB += f->IorC;
      lr->num_blocks++;
   }
}

static Bool delta_considered(const MR_LossRecord* lr, MR_DeltaMode mode)
{
   switch (mode) {
   case MR_LCD_Any:
      return lr->num_blocks > 0;
   case MR_LCD_Increased:
      return lr->szB > lr->old_szB
             || lr->indirect_szB > lr->old_indirect_szB
             || lr->num_blocks > lr->old_num_blocks;
   case MR_LCD_Changed:
      return lr->szB != lr->old_szB
             || lr->indirect_szB != lr->old_indirect_szB
             || lr->num_blocks != lr->old_num_blocks;
   }
   tl_assert(0);
}

static void printing_rules(const MR_LeakCheckParams* lcp,
                           const MR_LossRecord* lr,
                           Bool* count_as_error, Bool* print_record)
{
   Bool delta = delta_considered(lr, lcp->deltamode);
   /* In summary mode nothing counts as an error: error counts with no
      messages to go with them would only confuse. */
   *print_record = lcp->mode == MR_LC_Full && delta
                   && MR_RiS(lr->key.state, lcp->show_leak_kinds);
   *count_as_error = lcp->mode == MR_LC_Full && delta
                     && MR_RiS(lr->key.state, lcp->errors_for_leak_kinds);
}

static Bool record_leak(ThreadId tid, UInt i, const MR_LossRecord* lr,
                        Bool print, Bool count)
{
   return MR_(record_leak_error)(tid, i + 1, lr_n, lr, lr->allocated_at,
                                 print, count);
}

static void report_loss_records(ThreadId tid, const MR_LeakCheckParams* lcp)
{
   MR_LeakSummary old = lc_summary;
   UInt i, first = 0;
   XTree* xt;

   if (lr_table == NULL)
      lr_table = VG_(OSetGen_Create)(offsetof(MR_LossRecord, key), cmp_key_lr,
                                     VG_(malloc), "memroot.lossrec.table",
                                     VG_(free));
   age_loss_records();
   VG_(memset)(&lc_summary, 0, sizeof(lc_summary));
   fill_loss_records(lr_search, &lc_summary);
   rebuild_lr_array();
   VG_(ssort)(lr_array, lr_n, sizeof(MR_LossRecord*), cmp_lr_print);
   for (i = 0; i < lr_n; i++) {
      lr_array[i]->index = i;
      lr_array[i]->shown = lr_array[i]->is_error = False;
      lr_array[i]->suppressed = False;
   }

   /* With a limit, the biggest records are the ones worth printing. */
   if (lcp->mode == MR_LC_Full && lcp->max_loss_records_output < lr_n) {
      UInt printable = 0;
      for (i = lr_n; i > 0 && first == 0; i--) {
         Bool count, print;
         printing_rules(lcp, lr_array[i - 1], &count, &print);
         if (print && !record_leak(tid, i - 1, lr_array[i - 1], False, False)
             && ++printable == lcp->max_loss_records_output)
            first = i - 1;
      }
   }

   xt = lcp->xt_filename != NULL ? MR_(xtleak_new)() : NULL;
   for (i = first; i < lr_n; i++) {
      MR_LossRecord* lr = lr_array[i];
      Bool count, print, suppressed;
      printing_rules(lcp, lr, &count, &print);
      /* With an xtree, the records go to its file, not to the log; they
         still count as errors. */
      suppressed = record_leak(tid, i, lr, print && xt == NULL, count);
      lr->shown      = print && !suppressed;
      lr->is_error   = count && !suppressed;
      lr->suppressed = suppressed;
      if (xt != NULL && print && !suppressed) {
         MR_LossSizes now    = { lr->szB, lr->indirect_szB, lr->num_blocks };
         MR_LossSizes before = { lr->old_szB, lr->old_indirect_szB,
                                 lr->old_num_blocks };
         MR_(xtleak_add)(xt, lr->allocated_at, lr->key.state, &now, &before);
      }
      if (suppressed) {
         lc_summary.suppressed_bytes  += lr->szB;
         lc_summary.suppressed_blocks += lr->num_blocks;
      } else {
         lc_summary.bytes[lr->key.state]  += lr->szB;
         lc_summary.blocks[lr->key.state] += lr->num_blocks;
      }
   }
   if (xt != NULL)
      MR_(xtleak_write)(xt, lcp->xt_filename,
                        VG_(clo_verbosity) >= 1
                        || lcp->requested_by_monitor_command);
   if (VG_(clo_verbosity) > 0 && !VG_(clo_xml))
      MR_(pp_leak_summary)(&lc_summary, &old, lcp);
}

/* The index in lr_array of the loss record block i belongs to. */
static UInt lr_index_of_block(Int i)
{
   LossRecordKey  key;
   MR_LossRecord* lr;
   key.state = lr_search->facts[i].state;
   key.group = resolution_group(lr_search->blocks[i]->allocated_at,
                                lr_resolution);
   lr = VG_(OSetGen_Lookup)(lr_table, &key);
   tl_assert(lr != NULL);
   return lr->index;
}

/* For an indirectly lost block: the lost block that holds it and the
   pointer through which, with the line that stored that pointer. */
static void pp_holder(Int i)
{
   const MR_Search* s      = lr_search;
   Addr             via    = s->facts[i].via;
   Int              holder = MR_(search_find_block)(s, via);
   tl_assert(holder != -1);
   if (VG_(clo_xml)) {
      VG_(printf_xml)("  <heldby>\n"
                      "    <block>0x%lX</block>\n"
                      "    <size>%lu</size>\n"
                      "    <lossrecord>%u</lossrecord>\n"
                      "    <offset>%lu</offset>\n",
                      s->blocks[holder]->data, (SizeT)s->blocks[holder]->szB,
                      lr_index_of_block(holder) + 1,
                      via - s->blocks[holder]->data);
      MR_(pp_store_site)("   ", MR_(slot_store_id)(via));
      VG_(printf_xml)("  </heldby>\n");
      return;
   }
   VG_(umsg)(" Held by block %#lx (%'lu bytes, %s in loss record %'u),"
             " via the pointer at offset %'lu\n",
             s->blocks[holder]->data, (SizeT)s->blocks[holder]->szB,
             MR_(str_reachedness)(s->facts[holder].state),
             lr_index_of_block(holder) + 1, via - s->blocks[holder]->data);
   MR_(pp_store_site)("   ", MR_(slot_store_id)(via));
}

/* With --leak-origins=yes: where block i lost its last pointer.  An
   indirectly lost block still held (by its lost holder) went with it. */
static Bool last_pointer(Int i, MR_DropFacts* f, MR_HolderBlock* hb,
                         Bool* with_holder)
{
   const MR_Search* s = lr_search;
   VG_(memset)(hb, 0, sizeof(*hb));
   *with_holder = False;
   if (s->facts[i].state == MR_Reachable
       || !MR_(origins_facts)(s->blocks[i]->data, f))
      return False;
   if (s->facts[i].state == MR_IndirectLeak && f->how == MR_DropHeld) {
      *with_holder = True;
      return True;
   }
   if (f->holder_kind == MR_HolderHeap && f->holder_base == 0) {
      Int h = MR_(search_find_block)(s, f->holder);
      if (h != -1) {
         hb->base  = s->blocks[h]->data;
         hb->szB   = s->blocks[h]->szB;
         hb->state = MR_(str_reachedness)(s->facts[h].state);
         hb->lr    = lr_index_of_block(h) + 1;
      }
   }
   return True;
}

Bool MR_(lr_last_pointer)(const MR_LossRecord* lr, MR_DropFacts* f,
                          MR_HolderBlock* hb, Bool* with_holder)
{
   return lr_search != NULL && lr->num_blocks > 0
          && last_pointer(lr->first, f, hb, with_holder);
}

static void pp_last_pointer(Int i)
{
   MR_DropFacts   f;
   MR_HolderBlock hb;
   Bool           with_holder;
   if (!last_pointer(i, &f, &hb, &with_holder))
      return;
   if (!with_holder)
      MR_(origins_pp)(&f, &hb);
   else if (VG_(clo_xml))
      VG_(printf_xml)("  <lastpointer>\n    <how>with-holder</how>\n"
                      "  </lastpointer>\n");
   else
      VG_(umsg)(" It was lost with the block holding it\n");
}

void MR_(pp_LossRecord)(UInt n_this_record, UInt n_total_records,
                        const MR_LossRecord* lr)
{
   MR_(pp_loss_record_text)(n_this_record, n_total_records, lr->key.state,
                            lr->szB, lr->old_szB,
                            lr->indirect_szB, lr->old_indirect_szB,
                            lr->num_blocks, lr->old_num_blocks,
                            lc_last_deltamode);
   VG_(pp_ExeContext)(lr->allocated_at);
   if (lr->key.state == MR_IndirectLeak)
      pp_holder(lr->first);
   pp_last_pointer(lr->first);
}

Int MR_(detect_memory_leaks)(ThreadId tid, const MR_LeakCheckParams* lcp)
{
   Int interrupted;

   tl_assert(lcp->mode != MR_LC_Off);
   lc_check_gen++;
   lc_last_deltamode = lcp->deltamode;
   lc_last_mode = lcp->mode;
   lr_resolution = lcp->resolution;

   MR_(search_free)(lr_search);
   lr_search = MR_(leak_search)(&lcp->search);
   interrupted = lr_search->interrupted;
   if (interrupted) {
      /* The records of the last check stay as they were. */
      MR_(search_free)(lr_search);
      lr_search = NULL;
      return interrupted;
   }
   if (lr_search->n_blocks == 0) {
      /* Nothing to compare the next check with either. */
      if (lr_table != NULL) {
         VG_(OSetGen_Destroy)(lr_table);
         lr_table = NULL;
         VG_(memset)(&lc_summary, 0, sizeof(lc_summary));
      }
      if (VG_(clo_verbosity) >= 1 && !VG_(clo_xml))
         VG_(umsg)("All heap blocks were freed -- no leaks are possible\n\n");
      return 0;
   }
   report_loss_records(tid, lcp);
   return 0;
}

void MR_(leak_totals)(MR_LeakTotals* bytes, MR_LeakTotals* blocks)
{
   bytes->leaked     = lc_summary.bytes[MR_Unreached]
                       + lc_summary.bytes[MR_IndirectLeak];
   bytes->dubious    = lc_summary.bytes[MR_Possible];
   bytes->reachable  = lc_summary.bytes[MR_Reachable];
   bytes->suppressed = lc_summary.suppressed_bytes;
   blocks->leaked     = lc_summary.blocks[MR_Unreached]
                        + lc_summary.blocks[MR_IndirectLeak];
   blocks->dubious    = lc_summary.blocks[MR_Possible];
   blocks->reachable  = lc_summary.blocks[MR_Reachable];
   blocks->suppressed = lc_summary.suppressed_blocks;
}

/*------------------------------------------------------------*/
/*--- block_list                                            ---*/
/*------------------------------------------------------------*/

/* Who found whom while cliques were gathered: a tree under each leader,
   as first-child / next-sibling links. */
typedef struct {
   Int*  first_child;
   Int*  next_sibling;
   Int*  stack;           /* scratch for the walk, as deep as the tree */
   UInt* depth;
} CliqueTree;

static void build_clique_tree(const MR_Search* s, CliqueTree* t)
{
   Int i, n = s->n_blocks ? s->n_blocks : 1;
   t->first_child  = VG_(malloc)("memroot.lossrec.children", n * sizeof(Int));
   t->next_sibling = VG_(malloc)("memroot.lossrec.siblings", n * sizeof(Int));
   t->stack        = VG_(malloc)("memroot.lossrec.dfs", n * sizeof(Int));
   t->depth        = VG_(malloc)("memroot.lossrec.depth", n * sizeof(UInt));
   for (i = 0; i < s->n_blocks; i++)
      t->first_child[i] = -1;
   /* Backwards, so that each child list is in address order. */
   for (i = s->n_blocks - 1; i >= 0; i--) {
      if (s->facts[i].state == MR_IndirectLeak) {
         Int parent = s->facts[i].IorC;
         t->next_sibling[i] = t->first_child[parent];
         t->first_child[parent] = i;
      }
   }
}

static void free_clique_tree(CliqueTree* t)
{
   VG_(free)(t->first_child);
   VG_(free)(t->next_sibling);
   VG_(free)(t->stack);
   VG_(free)(t->depth);
}

/* Prints, depth first and without recursion, the blocks that leader
   holds indirectly, each indented by its depth below the leader. */
static void print_clique(const CliqueTree* t, Int leader, UInt* remaining)
{
   const MR_Search* s = lr_search;
   Int*  stack = t->stack;
   UInt* depth = t->depth;
   Int   top = -1;

   depth[leader] = 0;
   stack[++top] = leader;
   while (top >= 0 && *remaining > 0) {
      Int b = stack[top--], c, n = 0, k;
      if (b != leader) {
         UInt d;
         for (d = 0; d < depth[b]; d++)
            VG_(umsg)("  ");
         VG_(umsg)("%p[%lu] indirect loss record %u\n",
                   (void*)s->blocks[b]->data, (SizeT)s->blocks[b]->szB,
                   lr_index_of_block(b) + 1);
         (*remaining)--;
      }
      /* Pushed last-first, so that the first child is printed first. */
      for (c = t->first_child[b]; c != -1; c = t->next_sibling[c])
         n++;
      top += n;
      for (c = t->first_child[b], k = 0; c != -1; c = t->next_sibling[c], k++) {
         depth[c] = depth[b] + 1;
         stack[top - k] = c;
      }
   }
}

/* block_list and record numbers read the loss records of the last leak
   check: True if they still describe the heap, after saying why not. */
static Bool loss_records_current(const HChar* what)
{
   if (lr_table == NULL || lr_search == NULL) {
      VG_(umsg)("Can't print %s: no leak search done yet\n", what);
      return False;
   }
   if (!MR_(search_is_current)(lr_search)) {
      VG_(umsg)("Can't print an obsolete %s: blocks were freed since "
                "the last leak search; redo a leak search first\n", what);
      return False;
   }
   return True;
}

Bool MR_(loss_record_first_block)(UInt nr, Addr* a)
{
   if (!loss_records_current("retention path"))
      return False;
   if (nr >= lr_n) {
      VG_(umsg)("invalid loss record nr %u: the last leak search has %u "
                "loss records\n", nr + 1, lr_n);
      return False;
   }
   if (lr_array[nr]->num_blocks == 0) {
      VG_(umsg)("loss record %u has no block left\n", nr + 1);
      return False;
   }
   *a = lr_search->blocks[lr_array[nr]->first]->data;
   return True;
}

void MR_(print_block_list)(UInt from, UInt to, UInt max_blocks, UInt heuristics)
{
   const MR_Search* s;
   UInt       nr, remaining = max_blocks;
   CliqueTree tree;

   if (!loss_records_current("block list"))
      return;
   s = lr_search;
   if (from >= lr_n) {
      VG_(umsg)("invalid loss record nr %u: the last leak search has %u "
                "loss records\n", from + 1, lr_n);
      return;
   }
   if (to >= lr_n)
      to = lr_n - 1;
   build_clique_tree(s, &tree);
   for (nr = from; nr <= to && remaining > 0; nr++) {
      Bool printed = False;
      Int  i;
      /* A single record is shown even when none of its blocks is. */
      if (from == to) {
         MR_(pp_LossRecord)(nr + 1, lr_n, lr_array[nr]);
         printed = True;
      }
      for (i = 0; i < s->n_blocks && remaining > 0; i++) {
         const MR_BlockFacts* f = &s->facts[i];
         if (lr_index_of_block(i) != nr
             || (heuristics != 0 && !(heuristics & MR_H2S(f->heuristic))))
            continue;
         if (!printed) {
            MR_(pp_LossRecord)(nr + 1, lr_n, lr_array[nr]);
            printed = True;
         }
         if (f->heuristic)
            VG_(umsg)("%p[%lu] (found via heuristic %s)\n",
                      (void*)s->blocks[i]->data, (SizeT)s->blocks[i]->szB,
                      MR_(str_heuristic)(f->heuristic));
         else
            VG_(umsg)("%p[%lu]\n", (void*)s->blocks[i]->data,
                      (SizeT)s->blocks[i]->szB);
         /* The record's first block's was printed with it. */
         if (i != lr_array[nr]->first)
            pp_last_pointer(i);
         remaining--;
         if (f->state != MR_Reachable)
            print_clique(&tree, i, &remaining);
      }
   }
   free_clique_tree(&tree);
}
