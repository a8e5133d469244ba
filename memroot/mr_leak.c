/* memroot leak: one leak check.  Blocks are marked from the roots with an
   explicit mark stack (never recursion: chains of millions of blocks are
   fine), classified with Memcheck's rules, and grouped into loss records
   that are reported through the error manager. */

#include "pub_tool_aspacehl.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_libcsetjmp.h"
#include "pub_tool_libcsignal.h"
#include "pub_tool_machine.h"
#include "pub_tool_options.h"
#include "pub_tool_oset.h"
#include "pub_tool_signals.h"
#include "pub_tool_vki.h"
#include "mr_errors.h"
#include "mr_heap.h"
#include "mr_leak.h"
#include "mr_options.h"
#include "mr_report.h"
#include "mr_slots.h"
#include "mr_xtleak.h"
#include "memcheck.h"

const HChar* MR_(leak_kinds_tokens) = "reachable,possible,indirect,definite";
const HChar* MR_(leak_heuristics_tokens) =
   "-,stdstring,length64,newarray,multipleinheritance";

UInt MR_(all_reachedness)(void)
{
   return MR_R2S(MR_N_REACHEDNESS) - 1;
}

/*------------------------------------------------------------*/
/*--- The blocks of one check and their marks               ---*/
/*------------------------------------------------------------*/

/* What the check learns about one block, parallel to lc_blocks. */
typedef struct {
   UInt state     : 2;    /* MR_Reachedness */
   UInt pending   : 1;    /* on the mark stack */
   UInt heuristic : 3;    /* MR_Heuristic that made it reachable */
   union {
      SizeT indirect_szB; /* of a clique leader: what it holds */
      SizeT clique;       /* of an indirectly lost block: its leader */
   } IorC;
   Addr via;              /* the word that first reached it; 0: a register */
} LC_Extra;

/* Kept after a check: monitor commands list the blocks of a loss record. */
static MR_Block** lc_blocks;
static Int        lc_n_blocks;
static LC_Extra*  lc_extras;
static Bool       lc_has_records;   /* the loss records are of lc_blocks */

static ULong lc_frees_at_check;   /* a free since makes lc_blocks stale */
static Int*  lc_markstack;
static Int   lc_markstack_top;
static Addr  lc_lo, lc_hi;        /* no block lies outside [lc_lo, lc_hi] */
static UInt  lc_heuristics;
static SizeT lc_scanned_szB;
static SizeT lc_skipped_szB;

/* A zero-sized block occupies one byte here, so that a pointer to it
   reaches it, as under Memcheck. */
static Addr block_end(const MR_Block* b)
{
   return b->data + (b->szB == 0 ? 1 : b->szB);
}

static void lc_push(Int no)
{
   if (!lc_extras[no].pending) {
      lc_markstack_top++;
      tl_assert(lc_markstack_top < lc_n_blocks);
      lc_markstack[lc_markstack_top] = no;
      lc_extras[no].pending = True;
   }
}

static Bool lc_pop(Int* no)
{
   if (lc_markstack_top == -1)
      return False;
   *no = lc_markstack[lc_markstack_top--];
   tl_assert(lc_extras[*no].pending);
   lc_extras[*no].pending = False;
   return True;
}

static Bool lc_is_a_block_ptr(Addr ptr, Int* no)
{
   if (ptr < lc_lo || ptr > lc_hi)
      return False;
   *no = MR_(heap_find_block)(ptr, lc_blocks, lc_n_blocks);
   if (*no == -1)
      return False;
   /* Only custom blocks can lie in memory the client cannot read. */
   return lc_blocks[*no]->kind != MR_AllocCustom
          || VG_(am_is_valid_for_client)(ptr, 1, VKI_PROT_READ);
}

/*------------------------------------------------------------*/
/*--- Heuristics for interior pointers                      ---*/
/*------------------------------------------------------------*/

/* A vtable: in a readable file mapping, its first words are NULL or point
   into file mappings that code ran from, and at least two are not NULL. */
static Bool is_vtable_addr(Addr ptr)
{
   const Int       max_words = 20;
   NSegment const* seg = VG_(am_find_nsegment)(ptr);
   Addr            a, last;
   Int             n_fn = 0;

   if (seg == NULL || seg->kind != SkFileC || !seg->hasR)
      return False;
   last = ptr + max_words * sizeof(Addr);
   if (last > seg->end - sizeof(Addr))
      last = seg->end - sizeof(Addr);
   for (a = ptr; a <= last; a += sizeof(Addr)) {
      Addr fn = *(Addr*)a;
      NSegment const* fseg;
      if (fn == 0)
         continue;
      fseg = VG_(am_find_nsegment)(fn);
      if (fseg == NULL || fseg->kind != SkFileC || !fseg->hasT)
         return False;
      if (++n_fn == 2)
         return True;
   }
   return False;
}

static Bool is_plausible_vtable_ptr(Addr p)
{
   return VG_IS_WORD_ALIGNED(p) && p >= (Addr)VKI_PAGE_SIZE
          && is_vtable_addr(p);
}

/* Which heuristic, if any, accepts ptr (inside b but not at its start) as
   if it pointed at the start. */
static MR_Heuristic heuristic_reachedness(Addr ptr, const MR_Block* b)
{
   const Addr  d   = b->data;
   const SizeT szB = b->szB;

   /* std::string's representation: length, capacity, refcount, chars;
      the pointer is to the chars. */
   if ((lc_heuristics & MR_H2S(MR_LchStdString))
       && ptr == d + 3 * sizeof(SizeT) && szB >= 3 * sizeof(SizeT)) {
      SizeT capacity = ((SizeT*)d)[1];
      if (3 * sizeof(SizeT) + capacity + 1 == szB
          && ((SizeT*)d)[0] <= capacity)
         return MR_LchStdString;
   }
   /* A 64-bit length of the rest of the block, then the data (sqlite). */
   if ((lc_heuristics & MR_H2S(MR_LchLength64))
       && ptr == d + sizeof(ULong) && szB >= sizeof(ULong)) {
      ULong len = *(ULong*)d;
      if (len > 0 && szB - sizeof(ULong) == len)
         return MR_LchLength64;
   }
   /* new[] of objects with a destructor: the element count, then the
      elements. */
   if ((lc_heuristics & MR_H2S(MR_LchNewArray))
       && ptr == d + sizeof(SizeT) && szB >= sizeof(SizeT)) {
      SizeT n = *(SizeT*)d;
      if (n > 0 && (szB - sizeof(SizeT)) % n == 0)
         return MR_LchNewArray;
   }
   /* A pointer to a secondary base: a vtable pointer where it points and
      another one at the start of the block. */
   if ((lc_heuristics & MR_H2S(MR_LchMultipleInheritance))
       && VG_IS_WORD_ALIGNED(ptr) && ptr + sizeof(Addr) <= d + szB
       && szB >= sizeof(Addr)
       && is_plausible_vtable_ptr(*(Addr*)ptr)
       && is_plausible_vtable_ptr(*(Addr*)d))
      return MR_LchMultipleInheritance;
   return MR_LchNone;
}

/*------------------------------------------------------------*/
/*--- Marking                                               ---*/
/*------------------------------------------------------------*/

/* A word visitor is told each candidate pointer: a word at `where` whose
   value v may point into a block. */
typedef MR_WordVisitor WordVisitor;

/* ptr was found in a root or in a block being marked from the roots;
   *opaque says whether that block is itself reachable (roots are). */
static void mark_from_roots(Addr via, Addr ptr, void* opaque)
{
   const Bool is_prior_definite = *(Bool*)opaque;
   Int       no;
   LC_Extra* ex;
   Bool      as_start;

   if (!lc_is_a_block_ptr(ptr, &no))
      return;
   ex = &lc_extras[no];
   if (ex->state == MR_Reachable) {
      /* A start pointer beats a heuristic: report the block as plainly
         reachable. */
      if (ex->heuristic && ptr == lc_blocks[no]->data)
         ex->heuristic = MR_LchNone;
      return;
   }
   if (ptr == lc_blocks[no]->data) {
      as_start = True;
   } else {
      ex->heuristic = lc_heuristics
                         ? heuristic_reachedness(ptr, lc_blocks[no])
                         : MR_LchNone;
      as_start = ex->heuristic != MR_LchNone;
   }
   if (ex->state == MR_Unreached)
      ex->via = via;
   if (as_start && is_prior_definite) {
      ex->state = MR_Reachable;
      lc_push(no);               /* rescan: what it holds is reachable too */
   } else if (ex->state == MR_Unreached) {
      ex->state = MR_Possible;
      lc_push(no);
   }
}

/* Which clique is being gathered: the leader, and the block whose words
   are being scanned (a former leader passes its blocks on). */
typedef struct { Int clique, cur_clique; } CliqueScan;

static void mark_in_clique(Addr via, Addr ptr, void* opaque)
{
   const CliqueScan* cs = opaque;
   Int       no;
   LC_Extra* ex;

   if (!lc_is_a_block_ptr(ptr, &no))
      return;
   ex = &lc_extras[no];
   if (ex->state != MR_Unreached || no == cs->clique)
      return;
   lc_push(no);
   /* A former clique leader joins with everything it held. */
   lc_extras[cs->clique].IorC.indirect_szB += lc_blocks[no]->szB
                                              + ex->IorC.indirect_szB;
   ex->state = MR_IndirectLeak;
   ex->IorC.clique = cs->cur_clique;
   ex->via = via;
}

static void scan_words(Addr a, Addr end, WordVisitor visit, void* opaque)
{
   for (; a < end; a += sizeof(Addr)) {
      Addr v = *(Addr*)a;
      lc_scanned_szB += sizeof(Addr);
      if (v < lc_lo || v > lc_hi)
         continue;
      /* Tracked: only a word a pointer was stored into since it became
         live counts; a stale value left in dead or reused memory does
         not (Memcheck gets this from its definedness bits). */
      if (MR_(clo_leak_scan) == MR_ScanTracked && !MR_(slot_is_marked)(a))
         continue;
      visit(a, v, opaque);
   }
}

static VG_MINIMAL_JMP_BUF(lc_jmpbuf);

/* Memory the address-space manager calls readable may still fault (a
   desynchronised mapping): skip the page, do not die. */
static void lc_fault_catcher(Int sigNo, Addr addr)
{
   vki_sigset_t mask;
   VG_(sigprocmask)(VKI_SIG_SETMASK, NULL, &mask);
   VG_(sigdelset)(&mask, sigNo);
   VG_(sigprocmask)(VKI_SIG_SETMASK, &mask, NULL);
   if (sigNo == VKI_SIGSEGV || sigNo == VKI_SIGBUS)
      VG_MINIMAL_LONGJMP(lc_jmpbuf);
}

/* Scans the 8-byte aligned words of [start, start+len), page by page. */
static void scan_range(Addr start, SizeT len, WordVisitor visit, void* opaque)
{
   volatile Addr         a   = VG_ROUNDUP(start, sizeof(Addr));
   const Addr            end = VG_ROUNDDN(start + len, sizeof(Addr));
   const fault_catcher_t prev = VG_(set_fault_catcher)(lc_fault_catcher);

   while (a < end) {
      volatile Addr page_end = VG_PGROUNDUP(a + 1);
      if (page_end > end)
         page_end = end;
      if (VG_MINIMAL_SETJMP(lc_jmpbuf) == 0)
         scan_words(a, page_end, visit, opaque);
      else
         lc_skipped_szB += page_end - a;
      a = page_end;
   }
   VG_(set_fault_catcher)(prev);
}

static void scan_block(Int no, WordVisitor visit, void* opaque)
{
   scan_range(lc_blocks[no]->data, lc_blocks[no]->szB, visit, opaque);
}

/* Marks from the roots (clique -1), or gathers the clique led by
   block 'clique'. */
static void process_markstack(Int clique)
{
   Int no;
   while (lc_pop(&no)) {
      if (clique == -1) {
         Bool is_prior_definite = lc_extras[no].state != MR_Possible;
         scan_block(no, mark_from_roots, &is_prior_definite);
      } else {
         CliqueScan cs = { clique, no };
         scan_block(no, mark_in_clique, &cs);
      }
   }
}

/* The stack below a thread's SP is dead.  So, nearly always, is the ABI
   red zone just below SP: Memcheck makes it undefined at every call and
   return, so at a check it holds values only if the function that asked
   for the check wrote them since its last call. */
static Addr live_part_start(NSegment const* seg)
{
   Addr     lo = seg->start;
   ThreadId tid;
   Addr     sp, top;

   VG_(thread_stack_reset_iter)(&tid);
   while (VG_(thread_stack_next)(&tid, &sp, &top)) {
      if (sp >= seg->start && sp <= seg->end && sp > lo)
         lo = sp;
   }
   return lo;
}

/* Roots in memory: every readable and writable client mapping that is not
   the client heap (data, bss, anonymous mappings, stacks, TLS, shared
   memory); device mappings other than /dev/zero are not touched. */
static void scan_root_segments(WordVisitor visit, void* opaque)
{
   Int   i, n;
   Addr* starts = VG_(get_segment_starts)(SkFileC | SkAnonC | SkShmC, &n);

   for (i = 0; i < n; i++) {
      NSegment const* seg = VG_(am_find_nsegment)(starts[i]);
      Addr lo;
      if (seg == NULL || !(seg->hasR && seg->hasW) || seg->isCH)
         continue;
      if (seg->kind == SkFileC
          && (VKI_S_ISCHR(seg->mode) || VKI_S_ISBLK(seg->mode))) {
         const HChar* name = VG_(am_get_filename)(seg);
         if (name == NULL || VG_(strcmp)(name, "/dev/zero") != 0)
            continue;
      }
      lo = live_part_start(seg);
      if (VG_(clo_verbosity) > 2)
         VG_(dmsg)("  Scanning root segment: %#lx..%#lx (%lu)\n",
                   lo, seg->end, seg->end - lo + 1);
      scan_range(lo, seg->end - lo + 1, visit, opaque);
   }
   VG_(free)(starts);
}

static void mark_from_register(ThreadId tid, const HChar* regname, Addr v)
{
   Bool is_prior_definite = True;
   mark_from_roots(0, v, &is_prior_definite);
}

/* Marks and classifies every live block; the result is in lc_blocks and
   lc_extras. */
static void find_leaks(UInt heuristics)
{
   Int i;
   UInt n;

   VG_(free)(lc_blocks);
   VG_(free)(lc_extras);
   lc_blocks   = MR_(heap_sorted_blocks)(&n);
   lc_n_blocks = n;
   lc_frees_at_check = MR_(heap_n_frees)();
   lc_extras   = VG_(malloc)("memroot.leak.extras",
                             (lc_n_blocks ? lc_n_blocks : 1) * sizeof(LC_Extra));
   lc_markstack = VG_(malloc)("memroot.leak.markstack",
                              (lc_n_blocks ? lc_n_blocks : 1) * sizeof(Int));
   lc_markstack_top = -1;
   lc_heuristics = heuristics;
   lc_scanned_szB = lc_skipped_szB = 0;
   lc_lo = lc_hi = 0;
   for (i = 0; i < lc_n_blocks; i++) {
      lc_extras[i].state = MR_Unreached;
      lc_extras[i].pending = False;
      lc_extras[i].heuristic = MR_LchNone;
      lc_extras[i].IorC.indirect_szB = 0;
      lc_extras[i].via = 0;
      if (i == 0 || block_end(lc_blocks[i]) - 1 > lc_hi)
         lc_hi = block_end(lc_blocks[i]) - 1;
   }
   if (lc_n_blocks > 0)
      lc_lo = lc_blocks[0]->data;

   if (VG_(clo_verbosity) > 1 && !VG_(clo_xml))
      VG_(umsg)("Searching for pointers to %'d not-freed blocks\n",
                lc_n_blocks);

   {
      Bool is_prior_definite = True;
      scan_root_segments(mark_from_roots, &is_prior_definite);
   }
   VG_(apply_to_GP_regs)(mark_from_register);
   process_markstack(-1);

   if (VG_(clo_verbosity) > 1 && !VG_(clo_xml)) {
      VG_(umsg)("Checked %'lu bytes\n", lc_scanned_szB);
      if (lc_skipped_szB > 0)
         VG_(umsg)("Skipped %'lu bytes due to read errors\n", lc_skipped_szB);
      VG_(umsg)("\n");
   }

   /* Each block still unreached leads a clique: what only it reaches is
      indirectly lost and counted with it. */
   for (i = 0; i < lc_n_blocks; i++) {
      if (lc_extras[i].state == MR_Unreached) {
         lc_push(i);
         process_markstack(i);
         tl_assert(lc_extras[i].state == MR_Unreached);
      }
   }
   VG_(free)(lc_markstack);
   lc_markstack = NULL;
}

/*------------------------------------------------------------*/
/*--- Loss records                                          ---*/
/*------------------------------------------------------------*/

typedef struct {
   MR_Reachedness state;
   ExeContext*    group;   /* the allocation stack cut to the resolution */
} LossRecordKey;

struct _MR_LossRecord {
   LossRecordKey key;
   ExeContext*   where;    /* the full stack of its first block */
   SizeT         szB, indirect_szB;
   UInt          num_blocks;
   /* the same at the previous check, for the deltas */
   SizeT         old_szB, old_indirect_szB;
   UInt          old_num_blocks;
   UInt          index;    /* in lr_array, once sorted for printing */
   Int           first;    /* in lc_blocks: its first block in this check */
};

static OSet*           lr_table;
static MR_LossRecord** lr_array;
static UInt            lr_n;
static MR_LeakSummary  lc_summary;          /* of the last check */
static MR_DeltaMode    lc_last_deltamode;
static ULong           lc_check_gen;

MR_Reachedness MR_(lr_state)(const MR_LossRecord* lr)  { return lr->key.state; }
ExeContext*    MR_(lr_where)(const MR_LossRecord* lr)  { return lr->where; }
SizeT MR_(lr_total_bytes)(const MR_LossRecord* lr) { return lr->szB + lr->indirect_szB; }
UInt  MR_(lr_num_blocks)(const MR_LossRecord* lr)  { return lr->num_blocks; }

void MR_(lr_sizes)(const MR_LossRecord* lr, MR_LossSizes* now,
                   MR_LossSizes* before)
{
   now->szB             = lr->szB;
   now->indirect_szB    = lr->indirect_szB;
   now->num_blocks      = lr->num_blocks;
   before->szB          = lr->old_szB;
   before->indirect_szB = lr->old_indirect_szB;
   before->num_blocks   = lr->old_num_blocks;
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
   ea = VG_(get_ECU_from_ExeContext)(a->where);
   eb = VG_(get_ECU_from_ExeContext)(b->where);
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
static ExeContext* resolution_group(ExeContext* where)
{
   IpPrefix p;
   switch (MR_(clo_leak_resolution)) {
   case Vg_LowRes: p.max = 2; break;
   case Vg_MedRes: p.max = 4; break;
   default:        return where;
   }
   p.n = 0;
   VG_(apply_ExeContext)(collect_ip, &p, where);
   if (p.n == (UInt)VG_(get_ExeContext_n_ips)(where))
      return where;
   return VG_(make_ExeContext_from_StackTrace)(p.ips, p.n);
}

static void rebuild_lr_array(void)
{
   MR_LossRecord* lr;
   UInt i = 0;
   VG_(free)(lr_array);
   lr_n = VG_(OSetGen_Size)(lr_table);
   lr_array = VG_(malloc)("memroot.leak.lr_array",
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

static void fill_loss_records(MR_LeakSummary* sum)
{
   Int i;
   for (i = 0; i < lc_n_blocks; i++) {
      const MR_Block* b  = lc_blocks[i];
      const LC_Extra* ex = &lc_extras[i];
      LossRecordKey   key;
      MR_LossRecord*  lr;

      if (ex->heuristic) {
         sum->heur_bytes[ex->heuristic] += b->szB;
         sum->heur_blocks[ex->heuristic]++;
      }
      key.state = ex->state;
      key.group = resolution_group(b->where);
      lr = VG_(OSetGen_Lookup)(lr_table, &key);
      if (lr == NULL) {
         lr = VG_(OSetGen_AllocNode)(lr_table, sizeof(MR_LossRecord));
         VG_(memset)(lr, 0, sizeof(*lr));
         lr->key   = key;
         lr->where = b->where;
         VG_(OSetGen_Insert)(lr_table, lr);
      }
      if (lr->num_blocks == 0)
         lr->first = i;
      lr->szB += b->szB;
      if (ex->state == MR_Unreached)
         lr->indirect_szB += ex->IorC.indirect_szB;
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

static void report_loss_records(ThreadId tid, const MR_LeakCheckParams* lcp)
{
   MR_LeakSummary old = lc_summary;
   UInt i, first = 0;
   XTree* xt;

   if (lr_table == NULL)
      lr_table = VG_(OSetGen_Create)(offsetof(MR_LossRecord, key), cmp_key_lr,
                                     VG_(malloc), "memroot.leak.lr_table",
                                     VG_(free));
   age_loss_records();
   VG_(memset)(&lc_summary, 0, sizeof(lc_summary));
   fill_loss_records(&lc_summary);
   rebuild_lr_array();
   VG_(ssort)(lr_array, lr_n, sizeof(MR_LossRecord*), cmp_lr_print);
   for (i = 0; i < lr_n; i++)
      lr_array[i]->index = i;

   /* With a limit, the biggest records are the ones worth printing. */
   if (lcp->mode == MR_LC_Full && lcp->max_loss_records_output < lr_n) {
      UInt printable = 0;
      for (i = lr_n; i > 0 && first == 0; i--) {
         Bool count, print;
         printing_rules(lcp, lr_array[i - 1], &count, &print);
         if (print && !MR_(record_leak_error)(tid, i, lr_n, lr_array[i - 1],
                                              False, False)
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
      suppressed = MR_(record_leak_error)(tid, i + 1, lr_n, lr,
                                          print && xt == NULL, count);
      if (xt != NULL && print && !suppressed)
         MR_(xtleak_add)(xt, lr);
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

static UInt lr_index_of_block(Int i);

/* For an indirectly lost block: the lost block that holds it and the
   pointer through which, with the line that stored that pointer. */
static void pp_holder(Int i)
{
   Addr via    = lc_extras[i].via;
   Int  holder = MR_(heap_find_block)(via, lc_blocks, lc_n_blocks);
   tl_assert(holder != -1);
   if (VG_(clo_xml)) {
      VG_(printf_xml)("  <heldby>\n"
                      "    <block>0x%lX</block>\n"
                      "    <size>%lu</size>\n"
                      "    <lossrecord>%u</lossrecord>\n"
                      "    <offset>%lu</offset>\n",
                      lc_blocks[holder]->data, (SizeT)lc_blocks[holder]->szB,
                      lr_index_of_block(holder) + 1,
                      via - lc_blocks[holder]->data);
      MR_(pp_slot_site)("   ", MR_(slot_site)(via));
      VG_(printf_xml)("  </heldby>\n");
      return;
   }
   VG_(umsg)(" Held by block %#lx (%lu bytes, %s in loss record %u),"
             " via the pointer at offset %lu\n",
             lc_blocks[holder]->data, (SizeT)lc_blocks[holder]->szB,
             MR_(str_reachedness)(lc_extras[holder].state),
             lr_index_of_block(holder) + 1, via - lc_blocks[holder]->data);
   MR_(pp_slot_site)("   ", MR_(slot_site)(via));
}

void MR_(pp_LossRecord)(UInt n_this_record, UInt n_total_records,
                        const MR_LossRecord* lr)
{
   MR_(pp_loss_record_text)(n_this_record, n_total_records, lr->key.state,
                            lr->szB, lr->old_szB,
                            lr->indirect_szB, lr->old_indirect_szB,
                            lr->num_blocks, lr->old_num_blocks,
                            lc_last_deltamode);
   VG_(pp_ExeContext)(lr->where);
   if (lr->key.state == MR_IndirectLeak)
      pp_holder(lr->first);
}

ULong MR_(leak_check_generation)(void)
{
   return lc_check_gen;
}

void MR_(detect_memory_leaks)(ThreadId tid, const MR_LeakCheckParams* lcp)
{
   tl_assert(lcp->mode != MR_LC_Off);
   lc_check_gen++;
   lc_last_deltamode = lcp->deltamode;

   find_leaks(lcp->heuristics);
   lc_has_records = True;
   if (lc_n_blocks == 0) {
      /* Nothing to compare the next check with either. */
      if (lr_table != NULL) {
         VG_(OSetGen_Destroy)(lr_table);
         lr_table = NULL;
         VG_(memset)(&lc_summary, 0, sizeof(lc_summary));
      }
      if (VG_(clo_verbosity) >= 1 && !VG_(clo_xml))
         VG_(umsg)("All heap blocks were freed -- no leaks are possible\n\n");
      return;
   }
   report_loss_records(tid, lcp);
}

void MR_(leak_search)(UInt heuristics)
{
   find_leaks(heuristics);
   lc_has_records = False;
}

Int MR_(lc_n_blocks)(void)            { return lc_n_blocks; }
const MR_Block* MR_(lc_block)(Int i)  { return lc_blocks[i]; }
MR_Reachedness MR_(lc_state)(Int i)   { return lc_extras[i].state; }
Int MR_(lc_find_block)(Addr a) { return MR_(heap_find_block)(a, lc_blocks, lc_n_blocks); }

Int MR_(lc_held_target)(Addr ptr)
{
   Int no;
   if (!lc_is_a_block_ptr(ptr, &no) || lc_extras[no].state > MR_Possible)
      return -1;
   return no;
}

void MR_(lc_scan_root_memory)(MR_WordVisitor visit, void* opaque)
{
   scan_root_segments(visit, opaque);
}

void MR_(lc_scan_block)(Int i, MR_WordVisitor visit, void* opaque)
{
   scan_block(i, visit, opaque);
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
/*--- Client requests                                       ---*/
/*------------------------------------------------------------*/

Bool MR_(deltamode_of_request)(UWord w, MR_DeltaMode* mode)
{
   switch (w) {
   case 0: *mode = MR_LCD_Any; return True;
   case 1: *mode = MR_LCD_Increased; return True;
   case 2: *mode = MR_LCD_Changed; return True;
   default: *mode = MR_LCD_Any; return False;
   }
}

Bool MR_(leak_handle_client_request)(ThreadId tid, UWord* arg, UWord* ret)
{
   switch (arg[0]) {
   case VG_USERREQ__DO_LEAK_CHECK: {
      MR_LeakCheckParams lcp;
      MR_(clo_leak_check_params)(&lcp);
      switch (arg[1]) {
      case 0: lcp.mode = MR_LC_Full; break;
      case 1: lcp.mode = MR_LC_Summary; break;
      default:
         VG_(umsg)("Warning: unknown memroot leak search mode %lu; "
                   "doing a full leak search\n", arg[1]);
         lcp.mode = MR_LC_Full;
      }
      if (!MR_(deltamode_of_request)(arg[2], &lcp.deltamode))
         VG_(umsg)("Warning: unknown memroot leak search deltamode %lu; "
                   "showing every loss record\n", arg[2]);
      MR_(detect_memory_leaks)(tid, &lcp);
      *ret = 0;
      return True;
   }
   case VG_USERREQ__COUNT_LEAKS:
   case VG_USERREQ__COUNT_LEAK_BLOCKS: {
      /* The four results go to the client's variables; memcheck.h
         initialises them, so the macro works natively too. */
      UWord**       argp = (UWord**)arg;
      MR_LeakTotals bytes, blocks;
      MR_LeakTotals* t = arg[0] == VG_USERREQ__COUNT_LEAKS ? &bytes : &blocks;
      MR_(leak_totals)(&bytes, &blocks);
      *argp[1] = t->leaked;
      *argp[2] = t->dubious;
      *argp[3] = t->reachable;
      *argp[4] = t->suppressed;
      *ret = 0;
      return True;
   }
   default:
      return False;
   }
}

/*------------------------------------------------------------*/
/*--- block_list and who_points_at                         ---*/
/*------------------------------------------------------------*/

/* The index in lr_array of the loss record block i belongs to. */
static UInt lr_index_of_block(Int i)
{
   LossRecordKey  key;
   MR_LossRecord* lr;
   key.state = lc_extras[i].state;
   key.group = resolution_group(lc_blocks[i]->where);
   lr = VG_(OSetGen_Lookup)(lr_table, &key);
   tl_assert(lr != NULL);
   return lr->index;
}

/* Who found whom while cliques were gathered: a tree under each leader,
   as first-child / next-sibling links. */
typedef struct {
   Int*  first_child;
   Int*  next_sibling;
   Int*  stack;           /* scratch for the walk, as deep as the tree */
   UInt* depth;
} CliqueTree;

static void build_clique_tree(CliqueTree* t)
{
   Int i, n = lc_n_blocks ? lc_n_blocks : 1;
   t->first_child  = VG_(malloc)("memroot.leak.children", n * sizeof(Int));
   t->next_sibling = VG_(malloc)("memroot.leak.siblings", n * sizeof(Int));
   t->stack        = VG_(malloc)("memroot.leak.dfs", n * sizeof(Int));
   t->depth        = VG_(malloc)("memroot.leak.depth", n * sizeof(UInt));
   for (i = 0; i < lc_n_blocks; i++)
      t->first_child[i] = -1;
   /* Backwards, so that each child list is in address order. */
   for (i = lc_n_blocks - 1; i >= 0; i--) {
      if (lc_extras[i].state == MR_IndirectLeak) {
         Int parent = lc_extras[i].IorC.clique;
         t->next_sibling[i] = t->first_child[parent];
         t->first_child[parent] = i;
      }
   }
}

/* Prints, depth first and without recursion, the blocks that leader
   holds indirectly, each indented by its depth below the leader. */
static void print_clique(const CliqueTree* t, Int leader, UInt* remaining)
{
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
                   (void*)lc_blocks[b]->data, (SizeT)lc_blocks[b]->szB,
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

/* block_list and retention_path read the loss records of the last leak
   check: True if they still describe the heap, after saying why not. */
static Bool loss_records_current(const HChar* what)
{
   if (lr_table == NULL || lc_blocks == NULL || !lc_has_records) {
      VG_(umsg)("Can't print %s: no leak search done yet\n", what);
      return False;
   }
   if (lc_frees_at_check != MR_(heap_n_frees)()) {
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
   *a = lc_blocks[lr_array[nr]->first]->data;
   return True;
}

void MR_(print_block_list)(UInt from, UInt to, UInt max_blocks, UInt heuristics)
{
   UInt       nr, remaining = max_blocks;
   CliqueTree tree;

   if (!loss_records_current("block list"))
      return;
   if (from >= lr_n) {
      VG_(umsg)("invalid loss record nr %u: the last leak search has %u "
                "loss records\n", from + 1, lr_n);
      return;
   }
   if (to >= lr_n)
      to = lr_n - 1;
   build_clique_tree(&tree);
   for (nr = from; nr <= to && remaining > 0; nr++) {
      Bool printed = False;
      Int  i;
      /* A single record is shown even when none of its blocks is. */
      if (from == to) {
         MR_(pp_LossRecord)(nr + 1, lr_n, lr_array[nr]);
         printed = True;
      }
      for (i = 0; i < lc_n_blocks && remaining > 0; i++) {
         const LC_Extra* ex = &lc_extras[i];
         if (lr_index_of_block(i) != nr
             || (heuristics != 0 && !(heuristics & MR_H2S(ex->heuristic))))
            continue;
         if (!printed) {
            MR_(pp_LossRecord)(nr + 1, lr_n, lr_array[nr]);
            printed = True;
         }
         if (ex->heuristic)
            VG_(umsg)("%p[%lu] (found via heuristic %s)\n",
                      (void*)lc_blocks[i]->data, (SizeT)lc_blocks[i]->szB,
                      MR_(str_heuristic)(ex->heuristic));
         else
            VG_(umsg)("%p[%lu]\n", (void*)lc_blocks[i]->data,
                      (SizeT)lc_blocks[i]->szB);
         remaining--;
         if (ex->state != MR_Reachable)
            print_clique(&tree, i, &remaining);
      }
   }
   VG_(free)(tree.first_child);
   VG_(free)(tree.next_sibling);
   VG_(free)(tree.stack);
   VG_(free)(tree.depth);
}

/* who_points_at searches [searched_lo, searched_hi]. */
static Addr searched_lo, searched_hi;

static void report_pointer_at(Addr where, Addr v, void* unused)
{
   Int no;
   MR_Heuristic h;

   if (v < searched_lo || v > searched_hi)
      return;
   if (v == searched_lo) {
      VG_(umsg)("*%#lx points at %#lx\n", where, searched_lo);
      MR_(pp_describe_addr)(where);
      MR_(pp_slot_site)("   ", MR_(slot_site)(where));
      return;
   }
   VG_(umsg)("*%#lx interior points at %lu bytes inside %#lx\n",
             where, v - searched_lo, searched_lo);
   MR_(pp_describe_addr)(where);
   MR_(pp_slot_site)("   ", MR_(slot_site)(where));
   if (!lc_is_a_block_ptr(v, &no))
      return;
   for (h = MR_LchStdString; h < MR_N_HEURISTICS; h++) {
      UInt saved = lc_heuristics;
      lc_heuristics = MR_H2S(h);
      if (heuristic_reachedness(v, lc_blocks[no]) == h)
         VG_(umsg)("block at %#lx considered reachable by ptr %#lx using "
                   "%s heuristic\n", lc_blocks[no]->data, v,
                   MR_(str_heuristic)(h));
      lc_heuristics = saved;
   }
}

static void report_register(ThreadId tid, const HChar* regname, Addr v)
{
   if (v < searched_lo || v > searched_hi)
      return;
   if (v == searched_lo)
      VG_(umsg)("tid %u register %s pointing at %#lx\n", tid, regname, v);
   else
      VG_(umsg)("tid %u register %s interior pointing %lu bytes inside %#lx\n",
                tid, regname, v - searched_lo, searched_lo);
}

void MR_(who_points_at)(Addr address, SizeT szB)
{
   /* A search of its own: the blocks of the last check stay for
      block_list. */
   MR_Block** saved_blocks = lc_blocks;
   Int        saved_n = lc_n_blocks, i;
   Addr       saved_lo = lc_lo, saved_hi = lc_hi;
   UInt       n;

   tl_assert(szB >= 1);
   if (szB == 1)
      VG_(umsg)("Searching for pointers to %#lx\n", address);
   else
      VG_(umsg)("Searching for pointers pointing in %lu bytes from %#lx\n",
                szB, address);

   lc_blocks   = MR_(heap_sorted_blocks)(&n);
   lc_n_blocks = n;
   searched_lo = address;
   searched_hi = address + szB - 1;
   /* Every word in the searched range passes the quick filter. */
   lc_lo = searched_lo;
   lc_hi = searched_hi;

   scan_root_segments(report_pointer_at, NULL);
   for (i = 0; i < lc_n_blocks; i++)
      scan_block(i, report_pointer_at, NULL);
   VG_(apply_to_GP_regs)(report_register);

   VG_(free)(lc_blocks);
   lc_blocks = saved_blocks;
   lc_n_blocks = saved_n;
   lc_lo = saved_lo;
   lc_hi = saved_hi;
}
