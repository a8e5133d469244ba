/* memroot instrument: after every store of the client, a cheap inline
   filter decides whether the store may have put a heap pointer into an
   aligned word; only then a helper of the slot shadow marks the word with
   the store's site.  The rules for each store form are in
   docs/pointer-tracking.md.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the GNU General Public
   License, version 2 or (at your option) any later version; see COPYING. */

#include "pub_tool_machine.h"
#include "mr_instrument.h"
#include "mr_origins.h"
#include "mr_slots.h"
#include "mr_storesites.h"

/* A constant smaller than this is never a heap address. */
#define MR_NULL_PAGE 4096

typedef struct {
   IRSB*  sb;      /* the instrumented superblock being built */
   Addr   ip;      /* address of the current guest instruction */
   UInt   store_id; /* its store site; MR_STORE_NONE until a store needs it */
   /* The pointer range, read once per superblock at its first filter: it
      changes only at allocations, which end a superblock. */
   IRTemp lo;
   IRTemp size;
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

static IRExpr* offset_in_word(MRState* s, IRExpr* addr)
{
   return binop(s, Ity_I64, Iop_And64, addr, mkIRExpr_HWord(7));
}

static IRExpr* or1(MRState* s, IRExpr* a, IRExpr* b)
{
   return a == NULL ? b : binop(s, Ity_I1, Iop_Or1, a, b);
}

/* one_word: an 8-byte store whose value passed the filter when aligned. */
static void call_helper(MRState* s, IRExpr* guard, IRExpr* addr, Int len,
                        Bool one_word)
{
   IRDirty* di;
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
   multiple of 8; guard (or NULL) says whether the store happened.

   - Whole words (lanes): the helper runs when a lane holds a heap-range
     value or the store is unaligned; for an unaligned store it rereads the
     aligned words the store overlapped.
   - Narrower stores can complete a pointer written piecewise (byte
     copies, rep movsb): the aligned word holding the store's first byte
     is reread, and the helper runs when it holds a heap-range value or
     the store spills into the next word.
   - Anything else (128-bit scalars, dirty helpers' writes) calls the
     helper unconditionally; it rereads the range. */
static void instrument_store(MRState* s, IRExpr* addr, Int len,
                             IRExpr** lanes, Int n_lanes, IRExpr* guard)
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
      IRExpr* wa = binop(s, Ity_I64, Iop_And64, addr, mkIRExpr_HWord(~7UL));
      IRExpr* w;
      if (guard != NULL) {
         IRTemp t = newIRTemp(s->sb->tyenv, Ity_I64);
         addStmtToIRSB(s->sb, IRStmt_LoadG(Iend_LE, ILGop_Ident64, t, wa,
                                           mkIRExpr_HWord(0), guard));
         w = IRExpr_RdTmp(t);
      } else {
         w = assign(s, Ity_I64, IRExpr_Load(Iend_LE, Ity_I64, wa));
      }
      g = in_ptr_range(s, w);
      if (len > 1)
         g = or1(s, g, binop(s, Ity_I1, Iop_CmpLT64U,
                             mkIRExpr_HWord(8 - len),
                             offset_in_word(s, addr)));
   }
   if (guard != NULL)
      g = g == NULL ? guard : binop(s, Ity_I1, Iop_And1, guard, g);
   if (g == NULL)
      g = IRExpr_Const(IRConst_U1(True));
   call_helper(s, g, addr, len, n_lanes == 1);
}

static Bool is_true(const IRExpr* e);

/* A constant stored by the code is a heap pointer only if it is a 64-bit
   value outside the null page (code generated by a JIT may hold one). */
static Bool stores_no_pointer(IRExpr* data)
{
   if (data->tag != Iex_Const)
      return False;
   return data->Iex.Const.con->tag != Ico_U64
          || data->Iex.Const.con->Ico.U64 < MR_NULL_PAGE;
}

/* Instruments a store of the atom data, of any type. */
static void instrument_data_store(MRState* s, IRExpr* addr, IRExpr* data,
                                  IRExpr* guard)
{
   IRType  ty  = typeOfIRExpr(s->sb->tyenv, data);
   Int     len = sizeofIRType(ty);
   IRExpr* lanes[4];

   if (stores_no_pointer(data))
      return;
   switch (ty) {
   case Ity_I64:
      lanes[0] = data;
      instrument_store(s, addr, 8, lanes, 1, guard);
      break;
   case Ity_F64:
      lanes[0] = assign(s, Ity_I64,
                        IRExpr_Unop(Iop_ReinterpF64asI64, data));
      instrument_store(s, addr, 8, lanes, 1, guard);
      break;
   case Ity_D64:
      lanes[0] = assign(s, Ity_I64,
                        IRExpr_Unop(Iop_ReinterpD64asI64, data));
      instrument_store(s, addr, 8, lanes, 1, guard);
      break;
   case Ity_V128:
      lanes[0] = assign(s, Ity_I64, IRExpr_Unop(Iop_V128to64, data));
      lanes[1] = assign(s, Ity_I64, IRExpr_Unop(Iop_V128HIto64, data));
      instrument_store(s, addr, 16, lanes, 2, guard);
      break;
   case Ity_V256:
      lanes[0] = assign(s, Ity_I64, IRExpr_Unop(Iop_V256to64_0, data));
      lanes[1] = assign(s, Ity_I64, IRExpr_Unop(Iop_V256to64_1, data));
      lanes[2] = assign(s, Ity_I64, IRExpr_Unop(Iop_V256to64_2, data));
      lanes[3] = assign(s, Ity_I64, IRExpr_Unop(Iop_V256to64_3, data));
      instrument_store(s, addr, 32, lanes, 4, guard);
      break;
   default:
      instrument_store(s, addr, len, NULL, 0, guard);
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
      instrument_store(s, cas->addr, 16, lanes, 2, ok);
   } else if (ty == Ity_I32) {
      lanes[0] = binop(s, Ity_I64, Iop_32HLto64, cas->dataHi, cas->dataLo);
      instrument_store(s, cas->addr, 8, lanes, 1, ok);
   } else {
      instrument_store(s, cas->addr, 2 * sizeofIRType(ty), NULL, 0, ok);
   }
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

   for (i = 0; i < sb_in->stmts_used; i++) {
      IRStmt* st = sb_in->stmts[i];
      /* The store goes first: the helpers look at memory after it. */
      if (UNLIKELY(MR_(origins_on))) {
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
            instrument_store(&s, d->mAddr, d->mSize, NULL, 0,
                             is_true(d->guard) ? NULL : d->guard);
         break;
      }
      default:
         break;
      }
   }
   return s.sb;
}
