/* memroot leak: the leak search, with Memcheck's rules and results.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING.

   The algorithm, as Memcheck's (mc_leakcheck.c), in four steps:

   1. The blocks.  Every live heap block and every memory-pool chunk,
      sorted by start address, so that a value is looked up as a pointer
      by binary search.  A custom block (a pool chunk, or a
      VALGRIND_MALLOCLIKE_BLOCK block) lying in a plain block makes that
      plain block its backing store, which is left out: the program uses
      the chunks, not the superblock.  With no heap block at all, pool
      chunks are not looked at either (Memcheck's rule).

   2. Marking from the roots.  The roots are every readable and writable
      client mapping that is not the client heap (data, bss, anonymous
      mappings, thread stacks above SP less the red zone, TLS) and the
      general-purpose registers of every thread.  A candidate pointer is
      an aligned word whose value falls within a block; with
      --leak-scan=tracked (the default) only words whose slot is marked
      count (mr_slots.h: a heap pointer was stored there since the memory
      became live), which is how memroot ignores stale values where
      Memcheck ignores undefined ones.  A pointer to a block's start makes
      it Reachable; a pointer inside it makes it Possible, unless one of
      the heuristics (std::string, length64, new[] with a count, multiple
      inheritance) accepts the interior pointer as a start pointer.  The
      blocks found go on an explicit mark stack and are scanned in turn
      (never recursion: a list of millions of blocks is fine); a Possible
      block found again by a start pointer is rescanned, since what it
      holds becomes reachable too.

   3. Cliques.  Each block still unreached leads a clique: marking from it
      (with the same stack) turns every unreached block it reaches into an
      IndirectLeak block of that clique, and adds their sizes to the
      leader's indirect size.  A former leader reached this way joins the
      new clique with everything it held.  Leaders stay Unreached:
      definitely lost.

   4. Results.  Each block's state, the heuristic that accepted it, its
      clique or indirect size, and the word through which it was first
      reached (`via`), for the loss records and the monitor commands; with
      keep_edges, the pointers marking followed from the roots, which are
      exactly the edges of the graph that retention analyses. */

#include "pub_tool_aspacemgr.h"
#include "pub_tool_machine.h"
#include "pub_tool_options.h"
#include "pub_tool_vki.h"
#include "pub_tool_vkiscnums.h"
#include "mr_describe.h"
#include "mr_heap.h"
#include "mr_leak.h"
#include "mr_mempool.h"
#include "mr_origins.h"
#include "mr_slots.h"
#include "mr_storesites.h"

const HChar* MR_(leak_kinds_tokens) = "reachable,possible,indirect,definite";
const HChar* MR_(leak_heuristics_tokens) =
   "-,stdstring,length64,newarray,multipleinheritance";

UInt MR_(all_reachedness)(void)
{
   return MR_R2S(MR_N_REACHEDNESS) - 1;
}

const HChar* MR_(str_reachedness)(MR_Reachedness r)
{
   switch (r) {
   case MR_Unreached:    return "definitely lost";
   case MR_IndirectLeak: return "indirectly lost";
   case MR_Possible:     return "possibly lost";
   case MR_Reachable:    return "still reachable";
   }
   tl_assert(0);
}

const HChar* MR_(str_heuristic)(MR_Heuristic h)
{
   switch (h) {
   case MR_LchNone:                return "none";
   case MR_LchStdString:           return "stdstring";
   case MR_LchLength64:            return "length64";
   case MR_LchNewArray:            return "newarray";
   case MR_LchMultipleInheritance: return "multipleinheritance";
   default:                        tl_assert(0);
   }
}

/*------------------------------------------------------------*/
/*--- The blocks of a search                                ---*/
/*------------------------------------------------------------*/

static Int cmp_block_ptrs(const void* a, const void* b)
{
   Addr x = (*(const MR_Block* const*)a)->data;
   Addr y = (*(const MR_Block* const*)b)->data;
   return x < y ? -1 : x > y ? 1 : 0;
}

/* A custom block inside a plain block is what the program uses; the
   plain block is only its backing store and is left out.  Plain blocks
   never overlap, so only the last plain block that starts at or before a
   custom block, or one starting with it, can hold it. */
static UInt drop_backing_blocks(MR_Block** blocks, UInt n)
{
   Bool* backing = VG_(calloc)("memroot.leak.backing", n ? n : 1,
                               sizeof(Bool));
   Int   last_plain = -1;
   UInt  i, j, kept = 0;

   for (i = 0; i < n; i++) {
      if (blocks[i]->kind != MR_AllocCustom) {
         last_plain = i;
         continue;
      }
      if (last_plain != -1
          && blocks[i]->data < blocks[last_plain]->data + blocks[last_plain]->szB)
         backing[last_plain] = True;
      for (j = i + 1; j < n && blocks[j]->data == blocks[i]->data; j++)
         if (blocks[j]->kind != MR_AllocCustom)
            backing[j] = True;
   }
   for (i = 0; i < n; i++)
      if (!backing[i])
         blocks[kept++] = blocks[i];
   VG_(free)(backing);
   return kept;
}

/* The shift that cuts a span of addresses into fewer than n buckets:
   about one per block. */
static UInt bucket_shift(UWord span, UInt n)
{
   UInt shift = 0;
   while ((span >> shift) >= (UWord)n)
      shift++;
   return shift;
}

/* Blocks by address, as Memcheck sorts them, but by buckets first: a
   counting sort into about one bucket per block over the span of their
   addresses, then each bucket sorted (most hold one or two blocks).  A
   comparison sort reads each block through its pointer twenty times over
   on a million blocks: it was most of the search's time. */
static MR_Block** sort_by_address(MR_Block** all, UInt n)
{
   MR_Block** out;
   UInt*      start;
   Addr       lo, hi;
   UInt       i, b, shift, n_buckets;

   if (n < 64) {
      VG_(ssort)(all, n, sizeof(MR_Block*), cmp_block_ptrs);
      return all;
   }
   lo = hi = all[0]->data;
   for (i = 1; i < n; i++) {
      if (all[i]->data < lo)
         lo = all[i]->data;
      if (all[i]->data > hi)
         hi = all[i]->data;
   }
   shift     = bucket_shift(hi - lo, n);
   n_buckets = (UInt)((hi - lo) >> shift) + 1;
   /* Counted into start[b+2], summed so that start[b+1] is where bucket
      b begins, then placed with it as b's fill pointer, which ends where
      b+1 begins: bucket b is out[start[b] .. start[b+1]). */
   start = VG_(calloc)("memroot.leak.sort_start", n_buckets + 2, sizeof(UInt));
   for (i = 0; i < n; i++)
      start[((all[i]->data - lo) >> shift) + 2]++;
   for (b = 1; b <= n_buckets; b++)
      start[b + 1] += start[b];
   out = VG_(malloc)("memroot.leak.sorted", n * sizeof(MR_Block*));
   for (i = 0; i < n; i++)
      out[start[((all[i]->data - lo) >> shift) + 1]++] = all[i];
   VG_(free)(all);
   for (b = 0; b < n_buckets; b++)
      if (start[b + 1] - start[b] > 1)
         VG_(ssort)(out + start[b], start[b + 1] - start[b],
                    sizeof(MR_Block*), cmp_block_ptrs);
   VG_(free)(start);
   return out;
}

static MR_Block** sorted_blocks(Int* n_blocks)
{
   UInt       n, n_heap;
   MR_Block** all = MR_(mempool_all_blocks)(&n, &n_heap);

   /* As in Memcheck: with no heap block, pool chunks are not looked at. */
   if (n_heap == 0) {
      VG_(free)(all);
      *n_blocks = 0;
      return NULL;
   }
   all = sort_by_address(all, n);
   *n_blocks = drop_backing_blocks(all, n);
   return all;
}

/* The index of the block of sorted blocks[0..n) holding a, or -1. */
static Int find_block(MR_Block* const* blocks, Int n, Addr a)
{
   Int lo = 0, hi = n - 1;
   while (lo <= hi) {
      Int mid = lo + (hi - lo) / 2;
      const MR_Block* b = blocks[mid];
      if (a < b->data)
         hi = mid - 1;
      else if (a >= MR_(block_end)(b))
         lo = mid + 1;
      else
         return mid;
   }
   return -1;
}

/* About one bucket per block, so that a look-up reads the index and one
   or two blocks instead of the twenty a binary search of a million reads
   (the leak check and the retention report look up every word that may
   be a heap pointer). */
static void build_bucket_index(MR_Search* s)
{
   Int   i, n = s->n_blocks;
   UWord span, k;
   UInt  shift;

   if (n < 64)
      return;
   for (i = 1; i < n; i++)
      if (s->blocks[i]->data < MR_(block_end)(s->blocks[i - 1]))
         return;
   span = s->hi - s->lo;
   shift = bucket_shift(span, n);
   s->bucket_shift = shift;
   s->n_buckets    = (UInt)(span >> shift) + 1;
   s->bucket_first = VG_(malloc)("memroot.leak.buckets",
                                 (s->n_buckets + 1) * sizeof(UInt));
   i = 0;
   for (k = 0; k <= s->n_buckets; k++) {
      while (i < n && s->blocks[i]->data - s->lo < (k << shift))
         i++;
      s->bucket_first[k] = i;
   }
}

Int MR_(search_find_block)(const MR_Search* s, Addr a)
{
   UWord k;
   Int   lo, hi;
   if (s->bucket_first == NULL || a < s->lo || a > s->hi)
      return find_block(s->blocks, s->n_blocks, a);
   /* The block holding a starts in a's bucket, or is the last to start
      before it. */
   k  = (a - s->lo) >> s->bucket_shift;
   lo = s->bucket_first[k] > 0 ? (Int)s->bucket_first[k] - 1 : 0;
   hi = (Int)s->bucket_first[k + 1] - 1;
   /* The last block of blocks[lo..hi] starting at or before a. */
   while (lo < hi) {
      Int mid = hi - (hi - lo) / 2;
      if (s->blocks[mid]->data <= a)
         lo = mid;
      else
         hi = mid - 1;
   }
   if (hi < 0 || a < s->blocks[lo]->data || a >= MR_(block_end)(s->blocks[lo]))
      return -1;
   return lo;
}

static Bool is_a_block_ptr(const MR_Search* s, Addr ptr, Int* no)
{
   if (ptr < s->lo || ptr > s->hi)
      return False;
   *no = MR_(search_find_block)(s, ptr);
   if (*no == -1)
      return False;
   /* Only custom blocks can lie in memory the client cannot read. */
   return s->blocks[*no]->kind != MR_AllocCustom
          || VG_(am_is_valid_for_client)(ptr, 1, VKI_PROT_READ);
}

Int MR_(search_held_target)(const MR_Search* s, Addr ptr)
{
   Int no;
   if (!is_a_block_ptr(s, ptr, &no) || s->facts[no].state > MR_Possible)
      return -1;
   return no;
}

Bool MR_(search_is_current)(const MR_Search* s)
{
   return s->frees_at_search == MR_(heap_n_frees)();
}

/*------------------------------------------------------------*/
/*--- The mark stack                                        ---*/
/*------------------------------------------------------------*/

static void push(MR_Search* s, Int no)
{
   if (!s->facts[no].pending) {
      s->markstack_top++;
      tl_assert(s->markstack_top < s->n_blocks);
      s->markstack[s->markstack_top] = no;
      s->facts[no].pending = True;
   }
}

static Bool pop(MR_Search* s, Int* no)
{
   if (s->markstack_top == -1)
      return False;
   *no = s->markstack[s->markstack_top--];
   tl_assert(s->facts[*no].pending);
   s->facts[*no].pending = False;
   return True;
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

/* Which heuristic of the set, if any, accepts ptr (inside b but not at its
   start) as if it pointed at the start. */
static MR_Heuristic heuristic_reachedness(UInt heuristics, Addr ptr,
                                          const MR_Block* b)
{
   const Addr  d   = b->data;
   const SizeT szB = b->szB;

   /* std::string's representation: length, capacity, refcount, chars;
      the pointer is to the chars. */
   if ((heuristics & MR_H2S(MR_LchStdString))
       && ptr == d + 3 * sizeof(SizeT) && szB >= 3 * sizeof(SizeT)) {
      SizeT capacity = ((SizeT*)d)[1];
      if (3 * sizeof(SizeT) + capacity + 1 == szB
          && ((SizeT*)d)[0] <= capacity)
         return MR_LchStdString;
   }
   /* A 64-bit length of the rest of the block, then the data (sqlite). */
   if ((heuristics & MR_H2S(MR_LchLength64))
       && ptr == d + sizeof(ULong) && szB >= sizeof(ULong)) {
      ULong len = *(ULong*)d;
      if (len > 0 && szB - sizeof(ULong) == len)
         return MR_LchLength64;
   }
   /* new[] of objects with a destructor: the element count, then the
      elements. */
   if ((heuristics & MR_H2S(MR_LchNewArray))
       && ptr == d + sizeof(SizeT) && szB >= sizeof(SizeT)) {
      SizeT n = *(SizeT*)d;
      if (n > 0 && (szB - sizeof(SizeT)) % n == 0)
         return MR_LchNewArray;
   }
   /* A pointer to a secondary base: a vtable pointer where it points and
      another one at the start of the block. */
   if ((heuristics & MR_H2S(MR_LchMultipleInheritance))
       && VG_IS_WORD_ALIGNED(ptr) && ptr + sizeof(Addr) <= d + szB
       && szB >= sizeof(Addr)
       && is_plausible_vtable_ptr(*(Addr*)ptr)
       && is_plausible_vtable_ptr(*(Addr*)d))
      return MR_LchMultipleInheritance;
   return MR_LchNone;
}

Bool MR_(search_heuristic_accepts)(const MR_Search* s, MR_Heuristic h,
                                   Addr ptr, Int i)
{
   return heuristic_reachedness(MR_H2S(h), ptr, s->blocks[i]) == h;
}

/*------------------------------------------------------------*/
/*--- Marking                                               ---*/
/*------------------------------------------------------------*/

/* Where the words being scanned lie: in root memory, in a register, or
   in block `from` (>= 0), itself reachable or not. */
#define FROM_ROOT_MEMORY (-1)
#define FROM_REGISTER    (-2)

typedef struct {
   MR_Search* s;
   Int        from;
   Bool       is_prior_definite;
} MarkFrom;

static void keep_block_edge(MR_Search* s, Int target)
{
   if (s->n_edges == s->edges_cap) {
      s->edges_cap = s->edges_cap ? 2 * s->edges_cap : 4096;
      s->edges = VG_(realloc)("memroot.leak.edges", s->edges,
                              s->edges_cap * sizeof(Int));
   }
   s->edges[s->n_edges++] = target;
}

/* ptr was found at `via`, in a root or in a block being marked from the
   roots. */
static void mark_from_roots(Addr via, Addr ptr, void* opaque)
{
   const MarkFrom* mf = opaque;
   MR_Search*      s  = mf->s;
   Int             no;
   MR_BlockFacts*  f;
   Bool            as_start;

   if (!is_a_block_ptr(s, ptr, &no))
      return;
   if (s->params.keep_edges) {
      if (mf->from >= 0) {
         keep_block_edge(s, no);
      } else if (mf->from == FROM_ROOT_MEMORY) {
         MR_RootEdge e = { via, no };
         VG_(addToXA)(s->root_edges, &e);
      }
   }
   f = &s->facts[no];
   if (f->state == MR_Reachable) {
      /* A start pointer beats a heuristic: report the block as plainly
         reachable. */
      if (f->heuristic && ptr == s->blocks[no]->data)
         f->heuristic = MR_LchNone;
      return;
   }
   if (ptr == s->blocks[no]->data) {
      as_start = True;
   } else {
      f->heuristic = s->params.heuristics
                        ? heuristic_reachedness(s->params.heuristics, ptr,
                                                s->blocks[no])
                        : MR_LchNone;
      as_start = f->heuristic != MR_LchNone;
   }
   if (f->state == MR_Unreached)
      f->via = via;
   if (as_start && mf->is_prior_definite) {
      f->state = MR_Reachable;
      push(s, no);               /* rescan: what it holds is reachable too */
   } else if (f->state == MR_Unreached) {
      f->state = MR_Possible;
      push(s, no);
   }
}

/* Which clique is being gathered: the leader, and the block whose words
   are being scanned (a former leader passes its blocks on). */
typedef struct {
   MR_Search* s;
   Int        clique, cur_clique;
} CliqueScan;

static void mark_in_clique(Addr via, Addr ptr, void* opaque)
{
   const CliqueScan* cs = opaque;
   MR_Search*        s  = cs->s;
   Int               no;
   MR_BlockFacts*    f;

   if (!is_a_block_ptr(s, ptr, &no))
      return;
   f = &s->facts[no];
   if (f->state != MR_Unreached || no == cs->clique)
      return;
   push(s, no);
   /* A former clique leader joins with everything it held. */
   s->facts[cs->clique].IorC += s->blocks[no]->szB + f->IorC;
   f->state = MR_IndirectLeak;
   f->IorC = cs->cur_clique;
   f->via = via;
}

/*------------------------------------------------------------*/
/*--- Scanning                                              ---*/
/*------------------------------------------------------------*/

static MR_ScanFilter search_filter(const MR_Search* s)
{
   MR_ScanFilter sf = { s->lo, s->hi, s->params.scan, 0, 0 };
   return sf;
}

/* A custom block may lie over memory its allocator has not mapped. */
static void scan_block(MR_ScanFilter* sf, const MR_Block* b,
                       MR_WordVisitor visit, void* opaque)
{
   if (b->kind == MR_AllocCustom)
      MR_(scan_mapped_range)(sf, b->data, b->szB, visit, opaque);
   else
      MR_(scan_range)(sf, b->data, b->szB, visit, opaque);
}

static void scan_search_block(MR_Search* s, Int no, MR_WordVisitor visit,
                              void* opaque)
{
   MR_ScanFilter sf = search_filter(s);
   scan_block(&sf, s->blocks[no], visit, opaque);
   s->scanned_szB += sf.scanned_szB;
   s->skipped_szB += sf.skipped_szB;
}

void MR_(search_scan_block)(const MR_Search* s, Int i, MR_WordVisitor visit,
                            void* opaque)
{
   MR_ScanFilter sf = search_filter(s);
   scan_block(&sf, s->blocks[i], visit, opaque);
}

/* Marks from the roots (clique -1), or gathers the clique led by
   block 'clique'. */
/* Not in the tool headers: the core's raw system call
   (pub_core_syscall.h, the same since Valgrind 3.15).  While tool code
   runs, the core keeps the client's signals blocked, so a SIGINT or
   SIGTERM sent during a long search waits, pending, until it ends. */
extern SysRes VG_(do_syscall)(UWord sysno, RegWord, RegWord, RegWord,
                              RegWord, RegWord, RegWord, RegWord, RegWord);

/* The signal asking the process to stop that is pending, or 0. */
static Int stop_signal_pending(void)
{
   static const Int stops[] = { VKI_SIGINT, VKI_SIGTERM, VKI_SIGHUP,
                                VKI_SIGQUIT };
   vki_sigset_t pending;
   UInt         i;
   SysRes sr = VG_(do_syscall)(__NR_rt_sigpending, (RegWord)&pending,
                               sizeof(pending), 0, 0, 0, 0, 0, 0);
   if (sr_isError(sr))
      return 0;
   for (i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
      if (pending.sig[(stops[i] - 1) / _VKI_NSIG_BPW]
          & (1UL << ((stops[i] - 1) % _VKI_NSIG_BPW)))
         return stops[i];
   return 0;
}

/* Every so many blocks, a search looks for a signal asking it to stop. */
#define POLL_EVERY 65536

static Bool keep_going(MR_Search* s)
{
   if (s->interrupted == 0 && ++s->polls % POLL_EVERY == 0)
      s->interrupted = stop_signal_pending();
   return s->interrupted == 0;
}

static void process_markstack(MR_Search* s, Int clique)
{
   Int no;
   while (keep_going(s) && pop(s, &no)) {
      if (clique == -1) {
         MarkFrom mf = { s, no, s->facts[no].state != MR_Possible };
         /* A block rescanned when it turns Reachable finds the same
            pointers again: its edges are the last scan's. */
         if (s->params.keep_edges)
            s->edge_start[no] = s->n_edges;
         scan_search_block(s, no, mark_from_roots, &mf);
         if (s->params.keep_edges)
            s->edge_n[no] = s->n_edges - s->edge_start[no];
      } else {
         CliqueScan cs = { s, clique, no };
         scan_search_block(s, no, mark_in_clique, &cs);
      }
   }
}

/* VG_(apply_to_GP_regs) takes no closure: the search under way. */
static MR_Search* register_search;

static void mark_from_register(ThreadId tid, const HChar* regname, Addr v)
{
   MR_Search* s  = register_search;
   MarkFrom   mf = { s, FROM_REGISTER, True };
   Int        no;
   if (s->params.keep_edges && is_a_block_ptr(s, v, &no)) {
      MR_RegisterEdge e = { tid, regname, no };
      VG_(addToXA)(s->reg_edges, &e);
   }
   mark_from_roots(0, v, &mf);
}

MR_Search* MR_(leak_search)(const MR_SearchParams* p)
{
   MR_Search* s = VG_(calloc)("memroot.leak.search", 1, sizeof(MR_Search));
   Int        i, n = 0;

   s->params = *p;
   /* Sorting a huge heap takes a while too: look first. */
   s->interrupted = stop_signal_pending();
   if (s->interrupted) {
      VG_(umsg)("Leak search interrupted by signal %d before it started:"
                " no result\n\n", s->interrupted);
      return s;
   }
   s->blocks = sorted_blocks(&n);
   s->n_blocks = n;
   s->frees_at_search = MR_(heap_n_frees)();
   s->facts = VG_(malloc)("memroot.leak.facts",
                          (n ? n : 1) * sizeof(MR_BlockFacts));
   s->markstack = VG_(malloc)("memroot.leak.markstack",
                              (n ? n : 1) * sizeof(Int));
   s->markstack_top = -1;
   for (i = 0; i < n; i++) {
      s->facts[i].state = MR_Unreached;
      s->facts[i].pending = False;
      s->facts[i].heuristic = MR_LchNone;
      s->facts[i].IorC = 0;
      s->facts[i].via = 0;
      if (i == 0 || MR_(block_end)(s->blocks[i]) - 1 > s->hi)
         s->hi = MR_(block_end)(s->blocks[i]) - 1;
   }
   if (n > 0)
      s->lo = s->blocks[0]->data;
   build_bucket_index(s);
   if (p->keep_edges) {
      s->root_edges = VG_(newXA)(VG_(malloc), "memroot.leak.root_edges",
                                 VG_(free), sizeof(MR_RootEdge));
      s->reg_edges  = VG_(newXA)(VG_(malloc), "memroot.leak.reg_edges",
                                 VG_(free), sizeof(MR_RegisterEdge));
      s->edge_start = VG_(calloc)("memroot.leak.edge_start", n ? n : 1,
                                  sizeof(UInt));
      s->edge_n     = VG_(calloc)("memroot.leak.edge_n", n ? n : 1,
                                  sizeof(UInt));
   }

   if (VG_(clo_verbosity) > 1 && !VG_(clo_xml))
      VG_(umsg)("Searching for pointers to %'d not-freed blocks\n", n);

   {
      MarkFrom      mf = { s, FROM_ROOT_MEMORY, True };
      MR_ScanFilter sf = search_filter(s);
      MR_(scan_live_memory)(&sf, False, mark_from_roots, &mf);
      s->scanned_szB += sf.scanned_szB;
      s->skipped_szB += sf.skipped_szB;
   }
   register_search = s;
   VG_(apply_to_GP_regs)(mark_from_register);
   register_search = NULL;
   process_markstack(s, -1);

   if (VG_(clo_verbosity) > 1 && !VG_(clo_xml)) {
      VG_(umsg)("Checked %'lu bytes\n", s->scanned_szB);
      if (s->skipped_szB > 0)
         VG_(umsg)("Skipped %'lu bytes due to read errors\n", s->skipped_szB);
      VG_(umsg)("\n");
   }

   /* Each block still unreached leads a clique: what only it reaches is
      indirectly lost and counted with it. */
   for (i = 0; i < n && keep_going(s); i++) {
      if (s->facts[i].state == MR_Unreached) {
         push(s, i);
         process_markstack(s, i);
         tl_assert(s->facts[i].state == MR_Unreached || s->interrupted);
      }
   }
   VG_(free)(s->markstack);
   s->markstack = NULL;
   if (s->interrupted)
      VG_(umsg)("Leak search interrupted by signal %d after scanning %'lu"
                " bytes (a heap of %'d blocks): no result\n\n",
                s->interrupted, s->scanned_szB, n);
   return s;
}

void MR_(search_drop_block_edges)(MR_Search* s)
{
   VG_(free)(s->edge_start);
   VG_(free)(s->edge_n);
   VG_(free)(s->edges);
   s->edge_start = s->edge_n = NULL;
   s->edges = NULL;
   s->n_edges = s->edges_cap = 0;
}

void MR_(search_free)(MR_Search* s)
{
   if (s == NULL)
      return;
   VG_(free)(s->blocks);
   VG_(free)(s->bucket_first);
   VG_(free)(s->facts);
   if (s->root_edges != NULL)
      VG_(deleteXA)(s->root_edges);
   if (s->reg_edges != NULL)
      VG_(deleteXA)(s->reg_edges);
   MR_(search_drop_block_edges)(s);
   VG_(free)(s);
}

/*------------------------------------------------------------*/
/*--- who_points_at                                         ---*/
/*------------------------------------------------------------*/

/* The searched range, and the blocks the heuristics look at. */
typedef struct {
   Addr             lo, hi;
   const MR_Search* blocks;
} WhoPoints;

static void report_pointer_at(Addr where, Addr v, void* opaque)
{
   const WhoPoints* wp = opaque;
   Int          no;
   MR_Heuristic h;

   if (v < wp->lo || v > wp->hi)
      return;
   if (v == wp->lo) {
      VG_(umsg)("*%#lx points at %#lx\n", where, wp->lo);
      MR_(pp_describe_addr)(where);
      MR_(pp_store_site)("   ", MR_(slot_store_id)(where));
      return;
   }
   VG_(umsg)("*%#lx interior points at %lu bytes inside %#lx\n",
             where, v - wp->lo, wp->lo);
   MR_(pp_describe_addr)(where);
   MR_(pp_store_site)("   ", MR_(slot_store_id)(where));
   no = MR_(search_find_block)(wp->blocks, v);
   if (no == -1 || (wp->blocks->blocks[no]->kind == MR_AllocCustom
                    && !VG_(am_is_valid_for_client)(v, 1, VKI_PROT_READ)))
      return;
   for (h = MR_LchStdString; h < MR_N_HEURISTICS; h++)
      if (MR_(search_heuristic_accepts)(wp->blocks, h, v, no))
         VG_(umsg)("block at %#lx considered reachable by ptr %#lx using "
                   "%s heuristic\n", wp->blocks->blocks[no]->data, v,
                   MR_(str_heuristic)(h));
}

/* VG_(apply_to_GP_regs) takes no closure: the range searched. */
static const WhoPoints* register_who;

static void report_register(ThreadId tid, const HChar* regname, Addr v)
{
   const WhoPoints* wp = register_who;
   if (v < wp->lo || v > wp->hi)
      return;
   if (v == wp->lo)
      VG_(umsg)("tid %u register %s pointing at %#lx\n", tid, regname, v);
   else
      VG_(umsg)("tid %u register %s interior pointing %lu bytes inside %#lx\n",
                tid, regname, v - wp->lo, wp->lo);
}

void MR_(who_points_at)(Addr address, SizeT szB, MR_LeakScan scan)
{
   MR_Search     blocks;
   WhoPoints     wp;
   MR_ScanFilter sf;
   Int           i;

   tl_assert(szB >= 1);
   if (szB == 1)
      VG_(umsg)("Searching for pointers to %#lx\n", address);
   else
      VG_(umsg)("Searching for pointers pointing in %lu bytes from %#lx\n",
                szB, address);

   /* Every word in the searched range passes the filter. */
   VG_(memset)(&blocks, 0, sizeof(blocks));
   blocks.blocks = sorted_blocks(&blocks.n_blocks);
   wp.lo = address;
   wp.hi = address + szB - 1;
   wp.blocks = &blocks;
   sf.lo = wp.lo;
   sf.hi = wp.hi;
   sf.scan = scan;
   sf.scanned_szB = sf.skipped_szB = 0;

   MR_(scan_live_memory)(&sf, False, report_pointer_at, &wp);
   for (i = 0; i < blocks.n_blocks; i++)
      scan_block(&sf, blocks.blocks[i], report_pointer_at, &wp);
   register_who = &wp;
   VG_(apply_to_GP_regs)(report_register);
   register_who = NULL;
   VG_(free)(blocks.blocks);
   MR_(origins_pp_block)(address);
}
