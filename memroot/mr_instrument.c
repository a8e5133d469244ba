/* memroot instrument: after every store of the client, a cheap inline
   filter decides whether the store may have put a heap pointer into an
   aligned word; only then a helper of the slot shadow marks the word with
   the store's site.  After every change of SP, an inline compare decides
   whether marked stack words may have died.  The rules for each store
   form are in docs/pointer-tracking.md.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_machine.h"
#include "mr_instrument.h"
#include "mr_origins.h"
#include "mr_slots.h"
#include "mr_storesites.h"

/* A constant smaller than this is never a heap address. */
#define MR_NULL_PAGE 4096

#define RZ VG_STACK_REDZONE_SZB

/* A temp known to hold SP plus delta. */
#define MAX_SP_ALIASES 16
typedef struct {
   IRTemp t;
   Long   delta;
} SPAlias;

/* Moves of SP by known amounts, not checked yet: since SP was start, it
   moved by delta; when dies, the stack below start + dead is dead. */
typedef struct {
   IRTemp start;      /* IRTemp_INVALID: nothing pending */
   Long   delta;
   Bool   dies;
   Long   dead;
} SPBatch;

typedef struct {
   IRSB*  sb;      /* the instrumented superblock being built */
   Addr   ip;      /* address of the current guest instruction */
   UInt   store_id; /* its store site; MR_STORE_NONE until a store needs it */
   /* The pointer range, read once per superblock at its first filter: it
      changes only at allocations, which end a superblock. */
   IRTemp lo;
   IRTemp size;
   /* The prefix and its mask shifted for a store of len bytes, by len. */
   IRTemp prefix[8], prefix_mask[8];
   /* The code this superblock translates: a constant among its addresses
      is a return address. */
   const VexGuestExtents* vge;
   /* Stack pointer moves (below). */
   Int     offset_SP;
   SPAlias aliases[MAX_SP_ALIASES];
   Int     n_aliases;
   SPBatch batch;
} MRState;

static IRExpr* assign(MRState* s, IRType ty, IRExpr* e)
{
   IRTemp t = newIRTemp(s->sb->tyenv, ty);
   addStmtToIRSB(s->sb, IRStmt_WrTmp(t, e));
   return IRExpr_RdTmp(t);
}

static IRExpr* binop(MRState* s, IRType ty, IROp op, IRExpr* a, IRExpr* b)
{
   return assign(s, ty, IRExpr_Binop(op, a, b));
}

static IRExpr* load_host_word(MRState* s, const Addr* p)
{
   return assign(s, Ity_I64,
                 IRExpr_Load(Iend_LE, Ity_I64, mkIRExpr_HWord((HWord)p)));
}

/* (v - ptr_lo) <u (ptr_hi - ptr_lo): one subtraction and one compare
   per value once the range is loaded. */
static IRExpr* in_ptr_range(MRState* s, IRExpr* v)
{
   if (s->lo == IRTemp_INVALID) {
      IRExpr* lo = load_host_word(s, &MR_(ptr_lo));
      IRExpr* hi = load_host_word(s, &MR_(ptr_hi));
      s->lo   = lo->Iex.RdTmp.tmp;
      s->size = binop(s, Ity_I64, Iop_Sub64, hi, lo)->Iex.RdTmp.tmp;
   }
   return binop(s, Ity_I1, Iop_CmpLT64U,
                binop(s, Ity_I64, Iop_Sub64, v, IRExpr_RdTmp(s->lo)),
                IRExpr_RdTmp(s->size));
}

/* Zero when v, an integer of len bytes stored as the top len bytes of a
   word, agrees with the prefix every value of the pointer range has. */
static IRExpr* top_bytes_differ(MRState* s, IRExpr* v, Int len)
{
   tl_assert(len > 0 && len < 8);
   if (s->prefix[len] == IRTemp_INVALID) {
      IRExpr* shift = IRExpr_Const(IRConst_U8(64 - 8 * len));
      s->prefix[len] = binop(s, Ity_I64, Iop_Shr64,
                             load_host_word(s, &MR_(ptr_prefix)),
                             shift)->Iex.RdTmp.tmp;
      s->prefix_mask[len] = binop(s, Ity_I64, Iop_Shr64,
                                  load_host_word(s, &MR_(ptr_prefix_mask)),
                                  shift)->Iex.RdTmp.tmp;
   }
   return binop(s, Ity_I64, Iop_And64,
                binop(s, Ity_I64, Iop_Xor64, v,
                      IRExpr_RdTmp(s->prefix[len])),
                IRExpr_RdTmp(s->prefix_mask[len]));
}

static IRExpr* get_SP(MRState* s)
{
   return assign(s, Ity_I64, IRExpr_Get(s->offset_SP, Ity_I64));
}

static IRExpr* offset_in_word(MRState* s, IRExpr* addr)
{
   return binop(s, Ity_I64, Iop_And64, addr, mkIRExpr_HWord(7));
}

static IRExpr* or1(MRState* s, IRExpr* a, IRExpr* b)
{
   return a == NULL ? b : binop(s, Ity_I1, Iop_Or1, a, b);
}

static void check_sp_batch(MRState* s);

/* one_word: an 8-byte store whose value passed the filter when aligned. */
static void call_helper(MRState* s, IRExpr* guard, IRExpr* addr, Int len,
                        Bool one_word)
{
   IRDirty* di;
   /* Pending deaths come first: they must not unmark what this marks. */
   check_sp_batch(s);
   if (s->store_id == MR_STORE_NONE)
      s->store_id = MR_(store_site_id)(s->ip);
   if (one_word)
      di = unsafeIRDirty_0_N(
              2, "mr_helperc_store8",
              VG_(fnptr_to_fnentry)(&MR_(helperc_store8)),
              mkIRExprVec_2(addr, mkIRExpr_HWord(s->store_id)));
   else
      di = unsafeIRDirty_0_N(
              3, "mr_helperc_store_range",
              VG_(fnptr_to_fnentry)(&MR_(helperc_store_range)),
              mkIRExprVec_3(addr, mkIRExpr_HWord(len),
                            mkIRExpr_HWord(s->store_id)));
   di->guard = guard;
   addStmtToIRSB(s->sb, IRStmt_Dirty(di));
}

/* Instruments a store, already emitted, of len bytes at addr.  lanes are
   the stored value as 64-bit atoms, lowest address first, when len is a
   multiple of 8; for a narrower store, narrow is the value zero-extended
   to 64 bits (NULL: not known).  guard (or NULL) says whether the store
   happened.

   - Whole words (lanes): the helper runs when a lane holds a heap-range
     value or the store is unaligned; for an unaligned store it rereads the
     aligned words the store overlapped.
   - Narrower stores can complete a pointer written piecewise from its
     low bytes up (byte copies, rep movsb): the store that writes a
     word's last byte completes it.  The helper runs for such a store when
     the bytes it wrote agree with the pointer range's prefix, and for any
     store that spills into the next word; it rereads the words.
   - Anything else (128-bit scalars, dirty helpers' writes) calls the
     helper unconditionally; it rereads the range. */
static void instrument_store(MRState* s, IRExpr* addr, Int len,
                             IRExpr** lanes, Int n_lanes, IRExpr* narrow,
                             IRExpr* guard)
{
   IRExpr* g = NULL;
   Int     i;

   if (n_lanes > 0) {
      tl_assert(len == 8 * n_lanes);
      for (i = 0; i < n_lanes; i++)
         g = or1(s, g, in_ptr_range(s, lanes[i]));
      g = or1(s, g, binop(s, Ity_I1, Iop_CmpNE64, offset_in_word(s, addr),
                          mkIRExpr_HWord(0)));
   } else if (len < 8) {
      IRExpr* off = offset_in_word(s, addr);
      /* Zero for a store of the word's last byte, agreeing with the
         prefix. */
      IRExpr* other = binop(s, Ity_I64, Iop_Xor64, off,
                            mkIRExpr_HWord(8 - len));
      if (narrow != NULL)
         other = binop(s, Ity_I64, Iop_Or64, other,
                       top_bytes_differ(s, narrow, len));
      g = binop(s, Ity_I1, Iop_CmpEQ64, other, mkIRExpr_HWord(0));
      if (len > 1)
         g = or1(s, g, binop(s, Ity_I1, Iop_CmpLT64U,
                             mkIRExpr_HWord(8 - len), off));
   }
   if (guard != NULL)
      g = g == NULL ? guard : binop(s, Ity_I1, Iop_And1, guard, g);
   if (g == NULL)
      g = IRExpr_Const(IRConst_U1(True));
   call_helper(s, g, addr, len, n_lanes == 1);
}

static Bool is_true(const IRExpr* e);

/* A narrow stored value, zero-extended to 64 bits; NULL for types whose
   bits are not an integer's. */
static IRExpr* widen_narrow(MRState* s, IRExpr* data, IRType ty)
{
   switch (ty) {
   case Ity_I8:
      return assign(s, Ity_I64, IRExpr_Unop(Iop_8Uto64, data));
   case Ity_I16:
      return assign(s, Ity_I64, IRExpr_Unop(Iop_16Uto64, data));
   case Ity_I32:
      return assign(s, Ity_I64, IRExpr_Unop(Iop_32Uto64, data));
   case Ity_F32:
      return assign(s, Ity_I64, IRExpr_Unop(Iop_32Uto64,
                       assign(s, Ity_I32,
                              IRExpr_Unop(Iop_ReinterpF32asI32, data))));
   default:
      return NULL;
   }
}

/* A constant stored by the code is a heap pointer only if it is a 64-bit
   value outside the null page (code generated by a JIT may hold one), and
   not an address of the code translated here (a call's return address:
   were that code unmapped, this translation would go with it). */
static Bool stores_no_pointer(const MRState* s, IRExpr* data)
{
   ULong c;
   UInt  i;
   if (data->tag != Iex_Const)
      return False;
   if (data->Iex.Const.con->tag != Ico_U64)
      return True;
   c = data->Iex.Const.con->Ico.U64;
   if (c < MR_NULL_PAGE)
      return True;
   for (i = 0; i < s->vge->n_used; i++)
      if (c - s->vge->base[i] < s->vge->len[i] + 1)
         return True;
   return False;
}

/* Instruments a store of the atom data, of any type. */
static void instrument_data_store(MRState* s, IRExpr* addr, IRExpr* data,
                                  IRExpr* guard)
{
   IRType  ty  = typeOfIRExpr(s->sb->tyenv, data);
   Int     len = sizeofIRType(ty);
   IRExpr* lanes[4];

   if (stores_no_pointer(s, data))
      return;
   switch (ty) {
   case Ity_I64:
      lanes[0] = data;
      instrument_store(s, addr, 8, lanes, 1, NULL, guard);
      break;
   case Ity_F64:
      lanes[0] = assign(s, Ity_I64,
                        IRExpr_Unop(Iop_ReinterpF64asI64, data));
      instrument_store(s, addr, 8, lanes, 1, NULL, guard);
      break;
   case Ity_D64:
      lanes[0] = assign(s, Ity_I64,
                        IRExpr_Unop(Iop_ReinterpD64asI64, data));
      instrument_store(s, addr, 8, lanes, 1, NULL, guard);
      break;
   case Ity_V128:
      lanes[0] = assign(s, Ity_I64, IRExpr_Unop(Iop_V128to64, data));
      lanes[1] = assign(s, Ity_I64, IRExpr_Unop(Iop_V128HIto64, data));
      instrument_store(s, addr, 16, lanes, 2, NULL, guard);
      break;
   case Ity_V256:
      lanes[0] = assign(s, Ity_I64, IRExpr_Unop(Iop_V256to64_0, data));
      lanes[1] = assign(s, Ity_I64, IRExpr_Unop(Iop_V256to64_1, data));
      lanes[2] = assign(s, Ity_I64, IRExpr_Unop(Iop_V256to64_2, data));
      lanes[3] = assign(s, Ity_I64, IRExpr_Unop(Iop_V256to64_3, data));
      instrument_store(s, addr, 32, lanes, 4, NULL, guard);
      break;
   default:
      instrument_store(s, addr, len, NULL, 0,
                       len < 8 ? widen_narrow(s, data, ty) : NULL, guard);
      break;
   }
}

static IROp cmp_eq_op(IRType ty)
{
   switch (ty) {
   case Ity_I8:  return Iop_CmpEQ8;
   case Ity_I16: return Iop_CmpEQ16;
   case Ity_I32: return Iop_CmpEQ32;
   case Ity_I64: return Iop_CmpEQ64;
   default:      VG_(tool_panic)("memroot: CAS of an unexpected type");
   }
}

/* A CAS stores only when the old value equals the expected one. */
static void instrument_cas(MRState* s, const IRCAS* cas)
{
   IRType  ty = typeOfIRTemp(s->sb->tyenv, cas->oldLo);
   IROp    eq = cmp_eq_op(ty);
   IRExpr* ok = binop(s, Ity_I1, eq, IRExpr_RdTmp(cas->oldLo), cas->expdLo);
   IRExpr* lanes[2];

   if (cas->oldHi == IRTemp_INVALID) {
      instrument_data_store(s, cas->addr, cas->dataLo, ok);
      return;
   }
   ok = binop(s, Ity_I1, Iop_And1, ok,
              binop(s, Ity_I1, eq, IRExpr_RdTmp(cas->oldHi), cas->expdHi));
   if (ty == Ity_I64) {
      lanes[0] = cas->dataLo;
      lanes[1] = cas->dataHi;
      instrument_store(s, cas->addr, 16, lanes, 2, NULL, ok);
   } else if (ty == Ity_I32) {
      lanes[0] = binop(s, Ity_I64, Iop_32HLto64, cas->dataHi, cas->dataLo);
      instrument_store(s, cas->addr, 8, lanes, 1, NULL, ok);
   } else {
      instrument_store(s, cas->addr, 2 * sizeofIRType(ty), NULL, 0, NULL,
                       ok);
   }
}

/*------------------------------------------------------------*/
/*--- Stack pointer moves                                   ---*/
/*------------------------------------------------------------*/

/* SP is followed as the core follows it for Memcheck (m_translate.c):
   temps holding SP plus a constant make the moves of push, pop, call,
   ret and add/sub of SP known.  A known fall kills nothing, and stays on
   the stack: it needs no check.  Known rises, and the red zones that
   calls and returns kill, are checked once for a run of them, before the
   next store that may mark a word, exit or the end of the superblock:
   the helper runs when the dead part reaches past lo.  A move by an
   unknown amount (leave, longjmp, a stack switch) is checked at once,
   also for SP leaving the window below lo (mr_slots.h). */

static void call_sp_move(MRState* s, IRExpr* guard, IRExpr* old_sp,
                         IRExpr* new_sp, IRExpr* dead_below)
{
   IRDirty* di = unsafeIRDirty_0_N(
                    3, "mr_helperc_sp_move",
                    VG_(fnptr_to_fnentry)(&MR_(helperc_sp_move)),
                    mkIRExprVec_3(old_sp, new_sp, dead_below));
   di->guard = guard;
   addStmtToIRSB(s->sb, IRStmt_Dirty(di));
}

static Bool sp_alias(const MRState* s, const IRExpr* e, Long* delta)
{
   Int i;
   if (e->tag != Iex_RdTmp)
      return False;
   for (i = 0; i < s->n_aliases; i++)
      if (s->aliases[i].t == e->Iex.RdTmp.tmp) {
         *delta = s->aliases[i].delta;
         return True;
      }
   return False;
}

/* When full, a temp is simply not known: its move is checked at once. */
static void add_sp_alias(MRState* s, IRTemp t, Long delta)
{
   if (s->n_aliases < MAX_SP_ALIASES) {
      s->aliases[s->n_aliases].t = t;
      s->aliases[s->n_aliases].delta = delta;
      s->n_aliases++;
   }
}

static void track_sp_alias(MRState* s, const IRStmt* st)
{
   const IRExpr* e = st->Ist.WrTmp.data;
   Long d;
   if (e->tag == Iex_Get && e->Iex.Get.offset == s->offset_SP
       && e->Iex.Get.ty == Ity_I64) {
      add_sp_alias(s, st->Ist.WrTmp.tmp, 0);
   } else if (e->tag == Iex_Binop
              && (e->Iex.Binop.op == Iop_Add64 || e->Iex.Binop.op == Iop_Sub64)
              && sp_alias(s, e->Iex.Binop.arg1, &d)
              && e->Iex.Binop.arg2->tag == Iex_Const
              && e->Iex.Binop.arg2->Iex.Const.con->tag == Ico_U64) {
      Long c = (Long)e->Iex.Binop.arg2->Iex.Const.con->Ico.U64;
      add_sp_alias(s, st->Ist.WrTmp.tmp,
                   e->Iex.Binop.op == Iop_Add64 ? d + c : d - c);
   } else if (e->tag == Iex_RdTmp && sp_alias(s, e, &d)) {
      add_sp_alias(s, st->Ist.WrTmp.tmp, d);
   }
}

static IRExpr* plus(MRState* s, IRExpr* e, Long delta)
{
   return delta == 0 ? e : binop(s, Ity_I64, Iop_Add64, e,
                                 mkIRExpr_HWord((HWord)delta));
}

/* The stack below the current SP + rel is dead. */
static void batch_kills(MRState* s, Long rel)
{
   SPBatch* b = &s->batch;
   if (b->start == IRTemp_INVALID) {
      b->start = get_SP(s)->Iex.RdTmp.tmp;
      b->delta = 0;
      b->dies  = False;
   }
   if (!b->dies || b->delta + rel > b->dead) {
      b->dies = True;
      b->dead = b->delta + rel;
   }
}

static void check_sp_batch(MRState* s)
{
   SPBatch* b = &s->batch;
   if (b->start != IRTemp_INVALID && b->dies) {
      IRExpr* start = IRExpr_RdTmp(b->start);
      IRExpr* dead  = plus(s, start, b->dead);
      IRExpr* lo    = load_host_word(s, &MR_(stack_marks).lo);
      call_sp_move(s, binop(s, Ity_I1, Iop_CmpLT64U, lo, dead), start,
                   plus(s, start, b->delta), dead);
   }
   b->start = IRTemp_INVALID;
}

static void instrument_sp_put(MRState* s, IRStmt* st)
{
   IRExpr* data = st->Ist.Put.data;
   Int     size = sizeofIRType(typeOfIRExpr(s->sb->tyenv, data));
   Bool    exact = st->Ist.Put.offset == s->offset_SP && size == 8;
   IRExpr *old_sp, *new_sp, *dead_below, *lo, *span;
   Long    d;
   Int     i;

   if (exact && sp_alias(s, data, &d)) {
      if (s->batch.start == IRTemp_INVALID && d > 0)
         batch_kills(s, -RZ);           /* opens the batch before the move */
      addStmtToIRSB(s->sb, st);
      for (i = 0; i < s->n_aliases; i++)
         s->aliases[i].delta -= d;
      if (s->batch.start != IRTemp_INVALID)
         s->batch.delta += d;
      if (d > 0)
         batch_kills(s, -RZ);
      return;
   }
   check_sp_batch(s);
   old_sp = get_SP(s);
   addStmtToIRSB(s->sb, st);
   new_sp = exact ? data : get_SP(s);
   dead_below = binop(s, Ity_I64, Iop_Sub64, new_sp, mkIRExpr_HWord(RZ));
   lo   = load_host_word(s, &MR_(stack_marks).lo);
   span = load_host_word(s, &MR_(stack_marks).span);
   call_sp_move(s, binop(s, Ity_I1, Iop_CmpLT64U, span,
                         binop(s, Ity_I64, Iop_Sub64, lo, dead_below)),
                old_sp, new_sp, dead_below);
   s->n_aliases = 0;
   if (new_sp->tag == Iex_RdTmp)
      add_sp_alias(s, new_sp->Iex.RdTmp.tmp, 0);
}

/* A call or a return: the red zone below the new SP (base + len) is dead
   too. */
static void instrument_abi_hint(MRState* s, const IRStmt* st)
{
   Long d;
   if (sp_alias(s, st->Ist.AbiHint.base, &d)) {
      batch_kills(s, d + st->Ist.AbiHint.len);
   } else {
      IRExpr* new_sp = binop(s, Ity_I64, Iop_Add64, st->Ist.AbiHint.base,
                             mkIRExpr_HWord(st->Ist.AbiHint.len));
      IRExpr* lo = load_host_word(s, &MR_(stack_marks).lo);
      check_sp_batch(s);
      call_sp_move(s, binop(s, Ity_I1, Iop_CmpLT64U, lo, new_sp),
                   get_SP(s), new_sp, new_sp);
   }
}

static Bool writes_SP(const MRState* s, const IRStmt* st)
{
   Int size = sizeofIRType(typeOfIRExpr(s->sb->tyenv, st->Ist.Put.data));
   return st->Ist.Put.offset < s->offset_SP + 8
          && st->Ist.Put.offset + size > s->offset_SP;
}

/*------------------------------------------------------------*/
/*--- --leak-origins=yes: the pointers a store overwrites   ---*/
/*------------------------------------------------------------*/

/* Emitted only when MR_(origins_on): with the option off the code above
   is all there is.  Before a store of whole words, each word it
   overwrites is read; after it, one helper both tells mr_origins.c that
   the word went from old to new and marks the slot, in place of the
   helper above.  Narrow and odd stores report the words before (drops)
   and after (stores) and keep the marking above. */

static IRExpr* load_word(MRState* s, IRExpr* a, IRExpr* guard)
{
   IRTemp t;
   if (guard == NULL)
      return assign(s, Ity_I64, IRExpr_Load(Iend_LE, Ity_I64, a));
   t = newIRTemp(s->sb->tyenv, Ity_I64);
   addStmtToIRSB(s->sb, IRStmt_LoadG(Iend_LE, ILGop_Ident64, t, a,
                                     mkIRExpr_HWord(0), guard));
   return IRExpr_RdTmp(t);
}

static void origins_call(MRState* s, IRExpr* g, IRExpr* guard,
                         const HChar* name, void* fn, IRExpr** args)
{
   Int      n  = 0;
   IRDirty* di;
   while (args[n] != NULL)
      n++;
   di = unsafeIRDirty_0_N(n > 3 ? 0 : n, name, VG_(fnptr_to_fnentry)(fn),
                          args);
   if (guard != NULL)
      g = binop(s, Ity_I1, Iop_And1, guard, g);
   di->guard = g;
   addStmtToIRSB(s->sb, IRStmt_Dirty(di));
}

static void origins_range(MRState* s, IRExpr* addr, Int len, IRExpr* guard,
                          Bool after)
{
   IRExpr* wa = binop(s, Ity_I64, Iop_And64, addr, mkIRExpr_HWord(~7UL));
   IRExpr* g  = in_ptr_range(s, load_word(s, wa, guard));
   if (after)
      origins_call(s, g, guard, "mr_origins_count_range",
                   &MR_(origins_helperc_count_range),
                   mkIRExprVec_2(addr, mkIRExpr_HWord(len)));
   else
      origins_call(s, g, guard, "mr_origins_drop_range",
                   &MR_(origins_helperc_drop_range),
                   mkIRExprVec_2(addr, mkIRExpr_HWord(len)));
}

/* The stored value as 64-bit lanes, lowest address first; 0 when it is
   not whole words. */
static Int store_lanes(MRState* s, IRExpr* data, IRExpr** lanes)
{
   switch (typeOfIRExpr(s->sb->tyenv, data)) {
   case Ity_I64:
      lanes[0] = data;
      return 1;
   case Ity_F64:
      lanes[0] = assign(s, Ity_I64, IRExpr_Unop(Iop_ReinterpF64asI64, data));
      return 1;
   case Ity_D64:
      lanes[0] = assign(s, Ity_I64, IRExpr_Unop(Iop_ReinterpD64asI64, data));
      return 1;
   case Ity_V128:
      lanes[0] = assign(s, Ity_I64, IRExpr_Unop(Iop_V128to64, data));
      lanes[1] = assign(s, Ity_I64, IRExpr_Unop(Iop_V128HIto64, data));
      return 2;
   case Ity_V256:
      lanes[0] = assign(s, Ity_I64, IRExpr_Unop(Iop_V256to64_0, data));
      lanes[1] = assign(s, Ity_I64, IRExpr_Unop(Iop_V256to64_1, data));
      lanes[2] = assign(s, Ity_I64, IRExpr_Unop(Iop_V256to64_2, data));
      lanes[3] = assign(s, Ity_I64, IRExpr_Unop(Iop_V256to64_3, data));
      return 4;
   default:
      return 0;
   }
}

static IRExpr* lane_addr(MRState* s, IRExpr* addr, Int i)
{
   return i == 0 ? addr : binop(s, Ity_I64, Iop_Add64, addr,
                                mkIRExpr_HWord(8 * i));
}

/* Before a store of data at addr (guard: whether it happens): the old
   words, into old[], or the drops of a narrow store.  Returns the number
   of lanes read. */
static Int origins_before(MRState* s, IRExpr* addr, IRExpr* data,
                          IRExpr* guard, IRExpr** old)
{
   IRExpr* lanes[4];
   Int     i, n = store_lanes(s, data, lanes);
   if (n == 0) {
      origins_range(s, addr, sizeofIRType(typeOfIRExpr(s->sb->tyenv, data)),
                    guard, False);
      return 0;
   }
   for (i = 0; i < n; i++)
      old[i] = load_word(s, lane_addr(s, addr, i), guard);
   return n;
}

/* After it: one helper per word whose old or new value may be a heap
   pointer (or that is unaligned), marking the slot as the helper above
   would. */
static void origins_after(MRState* s, IRExpr* addr, IRExpr* data,
                          IRExpr* guard, IRExpr** old, Int n_old)
{
   IRExpr* lanes[4];
   Int     i, n;
   if (n_old == 0) {
      origins_range(s, addr, sizeofIRType(typeOfIRExpr(s->sb->tyenv, data)),
                    guard, True);
      return;
   }
   n = store_lanes(s, data, lanes);
   tl_assert(n == n_old);
   if (s->store_id == MR_STORE_NONE)
      s->store_id = MR_(store_site_id)(s->ip);
   for (i = 0; i < n; i++) {
      IRExpr* a = lane_addr(s, addr, i);
      IRExpr* g = or1(s, or1(s, in_ptr_range(s, old[i]),
                             in_ptr_range(s, lanes[i])),
                      binop(s, Ity_I1, Iop_CmpNE64, offset_in_word(s, a),
                            mkIRExpr_HWord(0)));
      origins_call(s, g, guard, "mr_origins_store8",
                   &MR_(origins_helperc_store8),
                   mkIRExprVec_4(a, old[i], lanes[i],
                                 mkIRExpr_HWord(s->store_id)));
   }
}

/* Instruments st with --leak-origins=yes, emitting st itself; True when
   the slots are marked already (the code above must not run). */
static Bool origins_stmt(MRState* s, IRStmt* st)
{
   IRExpr* old[4];
   Int     n;
   switch (st->tag) {
   case Ist_Store:
      n = origins_before(s, st->Ist.Store.addr, st->Ist.Store.data, NULL, old);
      addStmtToIRSB(s->sb, st);
      origins_after(s, st->Ist.Store.addr, st->Ist.Store.data, NULL, old, n);
      return n > 0;
   case Ist_StoreG: {
      const IRStoreG* sg = st->Ist.StoreG.details;
      IRExpr*         g  = is_true(sg->guard) ? NULL : sg->guard;
      n = origins_before(s, sg->addr, sg->data, g, old);
      addStmtToIRSB(s->sb, st);
      origins_after(s, sg->addr, sg->data, g, old, n);
      return n > 0;
   }
   case Ist_CAS: {
      /* Known only after it: the old value, and whether it stored; the
         code above marks the slot after this. */
      const IRCAS* cas = st->Ist.CAS.details;
      addStmtToIRSB(s->sb, st);
      if (cas->oldHi == IRTemp_INVALID
          && typeOfIRTemp(s->sb->tyenv, cas->oldLo) == Ity_I64) {
         IRExpr* o = IRExpr_RdTmp(cas->oldLo);
         IRExpr* g = binop(s, Ity_I1, Iop_And1,
                           or1(s, in_ptr_range(s, o),
                               in_ptr_range(s, cas->dataLo)),
                           binop(s, Ity_I1, Iop_CmpNE64, o, cas->dataLo));
         origins_call(s, g, binop(s, Ity_I1, Iop_CmpEQ64, o, cas->expdLo),
                      "mr_origins_swap8", &MR_(origins_helperc_swap8),
                      mkIRExprVec_3(cas->addr, o, cas->dataLo));
      }
      return False;
   }
   case Ist_Dirty: {
      const IRDirty* d = st->Ist.Dirty.details;
      IRExpr*        g = is_true(d->guard) ? NULL : d->guard;
      Bool writes = (d->mFx == Ifx_Write || d->mFx == Ifx_Modify)
                    && d->mSize > 0;
      if (writes)
         origins_call(s, IRExpr_Const(IRConst_U1(True)), g,
                      "mr_origins_drop_range",
                      &MR_(origins_helperc_drop_range),
                      mkIRExprVec_2(d->mAddr, mkIRExpr_HWord(d->mSize)));
      addStmtToIRSB(s->sb, st);
      if (writes)
         origins_call(s, IRExpr_Const(IRConst_U1(True)), g,
                      "mr_origins_count_range",
                      &MR_(origins_helperc_count_range),
                      mkIRExprVec_2(d->mAddr, mkIRExpr_HWord(d->mSize)));
      return False;
   }
   default:
      addStmtToIRSB(s->sb, st);
      return False;
   }
}

static Bool is_true(const IRExpr* e)
{
   return e->tag == Iex_Const && e->Iex.Const.con->tag == Ico_U1
          && e->Iex.Const.con->Ico.U1;
}

IRSB* MR_(instrument)(VgCallbackClosure* closure, IRSB* sb_in,
                      const VexGuestLayout* layout,
                      const VexGuestExtents* vge,
                      const VexArchInfo* archinfo_host,
                      IRType gWordTy, IRType hWordTy)
{
   MRState s;
   Int     i;

   /* configure builds memroot for 64-bit platforms only. */
   tl_assert(gWordTy == Ity_I64 && hWordTy == Ity_I64);
   s.sb   = deepCopyIRSBExceptStmts(sb_in);
   s.ip   = 0;
   s.store_id = MR_STORE_NONE;
   s.lo   = IRTemp_INVALID;
   s.size = IRTemp_INVALID;
   for (i = 0; i < 8; i++)
      s.prefix[i] = s.prefix_mask[i] = IRTemp_INVALID;
   s.vge  = vge;
   s.offset_SP = layout->offset_SP;
   s.n_aliases = 0;
   s.batch.start = IRTemp_INVALID;
   tl_assert(layout->sizeof_SP == 8);

   for (i = 0; i < sb_in->stmts_used; i++) {
      IRStmt* st = sb_in->stmts[i];
      if (st->tag == Ist_Put && writes_SP(&s, st)) {
         instrument_sp_put(&s, st);
         continue;
      }
      if (st->tag == Ist_Exit)
         check_sp_batch(&s);
      /* The store goes first: the helpers look at memory after it. */
      if (UNLIKELY(MR_(origins_on))) {
         /* Pending deaths come first, as before the helper above: the
            origins' helpers mark slots themselves. */
         if (st->tag == Ist_Store || st->tag == Ist_StoreG
             || st->tag == Ist_CAS || st->tag == Ist_Dirty)
            check_sp_batch(&s);
         if (origins_stmt(&s, st))
            continue;
      } else {
         addStmtToIRSB(s.sb, st);
      }
      switch (st->tag) {
      case Ist_IMark:
         s.ip   = st->Ist.IMark.addr;
         s.store_id = MR_STORE_NONE;
         break;
      case Ist_WrTmp:
         track_sp_alias(&s, st);
         break;
      case Ist_AbiHint:
         instrument_abi_hint(&s, st);
         break;
      case Ist_Store:
         instrument_data_store(&s, st->Ist.Store.addr, st->Ist.Store.data,
                               NULL);
         break;
      case Ist_StoreG: {
         const IRStoreG* sg = st->Ist.StoreG.details;
         instrument_data_store(&s, sg->addr, sg->data,
                               is_true(sg->guard) ? NULL : sg->guard);
         break;
      }
      case Ist_CAS:
         instrument_cas(&s, st->Ist.CAS.details);
         break;
      case Ist_LLSC:
         if (st->Ist.LLSC.storedata != NULL)
            instrument_data_store(&s, st->Ist.LLSC.addr,
                                  st->Ist.LLSC.storedata,
                                  IRExpr_RdTmp(st->Ist.LLSC.result));
         break;
      case Ist_Dirty: {
         const IRDirty* d = st->Ist.Dirty.details;
         if ((d->mFx == Ifx_Write || d->mFx == Ifx_Modify) && d->mSize > 0)
            instrument_store(&s, d->mAddr, d->mSize, NULL, 0, NULL,
                             is_true(d->guard) ? NULL : d->guard);
         break;
      }
      default:
         break;
      }
   }
   check_sp_batch(&s);
   return s.sb;
}
