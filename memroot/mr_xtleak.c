/* memroot xtleak: loss records as an xtree.  Each stack carries, for each
   leak kind, the bytes, the indirectly lost bytes and the blocks of its
   loss record, three times: the value, the increase and the decrease since
   the previous check (callgrind costs cannot be negative).  The events and
   the order of the numbers are Memcheck's, so that the same viewers and
   scripts read both tools' files.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "mr_xtleak.h"

typedef enum { XL_Value, XL_Increase, XL_Decrease, XL_N_VID } XL_Vid;

typedef struct {
   ULong szB, indirect_szB, num_blocks;
} XL_Sizes;

typedef struct {
   XL_Sizes s[XL_N_VID][MR_N_REACHEDNESS];
} XL_Leak;

/* Three groups (value, increase, decrease), each: bytes of every kind
   (direct plus indirect), indirect bytes of the definitely lost, blocks
   of every kind.  Names and descriptions are what Memcheck writes. */
static const HChar xl_events[] =
   "RB : Reachable Bytes,"
   "PB : Possibly lost Bytes,"
   "IB : Indirectly lost Bytes,"
   "DB : Definitely lost Bytes (direct plus indirect),"
   "DIB : Definitely Indirectly lost Bytes (subset of DB),"
   "RBk : reachable Blocks,"
   "PBk : Possibly lost Blocks,"
   "IBk : Indirectly lost Blocks,"
   "DBk : Definitely lost Blocks,"

   "iRB : increase Reachable Bytes,"
   "iPB : increase Possibly lost Bytes,"
   "iIB : increase Indirectly lost Bytes,"
   "iDB : increase Definitely lost Bytes,"
   "iDIB : increase Definitely Indirectly lost Bytes,"
   "iRBk : increase reachable Blocks,"
   "iPBk : increase Possibly lost Blocks,"
   "iIBk : increase Indirectly lost Blocks,"
   "iDBk : increase Definitely lost Blocks,"

   "dRB : decrease Reachable Bytes,"
   "dPB : decrease Possibly lost Bytes,"
   "dIB : decrease Indirectly lost Bytes,"
   "dDB : decrease Definitely lost Bytes,"
   "dDIB : decrease Definitely Indirectly lost Bytes,"
   "dRBk : decrease reachable Blocks,"
   "dPBk : decrease Possibly lost Blocks,"
   "dIBk : decrease Indirectly lost Blocks,"
   "dDBk : decrease Definitely lost Blocks";

#define XL_N_EVENTS (XL_N_VID * (2 * MR_N_REACHEDNESS + 1))

static void xl_init(void* value)
{
   VG_(memset)(value, 0, sizeof(XL_Leak));
}

static void xl_add(void* to, const void* value)
{
   XL_Leak*       t = to;
   const XL_Leak* v = value;
   Int d, r;
   for (d = 0; d < XL_N_VID; d++)
      for (r = 0; r < MR_N_REACHEDNESS; r++) {
         t->s[d][r].szB          += v->s[d][r].szB;
         t->s[d][r].indirect_szB += v->s[d][r].indirect_szB;
         t->s[d][r].num_blocks   += v->s[d][r].num_blocks;
      }
}

/* Records are only ever added to a tree. */
static void xl_sub(void* from, const void* value)
{
   tl_assert(0);
}

/* The numbers of one stack in event order; NULL (not printed) when all
   are zero. */
static const HChar* xl_img(const void* value)
{
   static const XL_Leak zero;
   static HChar buf[XL_N_EVENTS * 21 + 1];   /* " " + a ULong's digits */
   const XL_Leak* v = value;
   HChar* p = buf;
   Int d, r;

   if (VG_(memcmp)(v, &zero, sizeof(zero)) == 0)
      return NULL;
   for (d = 0; d < XL_N_VID; d++) {
      for (r = 0; r < MR_N_REACHEDNESS; r++)
         p += VG_(sprintf)(p, " %llu",
                           v->s[d][r].szB + v->s[d][r].indirect_szB);
      p += VG_(sprintf)(p, " %llu", v->s[d][MR_Unreached].indirect_szB);
      for (r = 0; r < MR_N_REACHEDNESS; r++)
         p += VG_(sprintf)(p, " %llu", v->s[d][r].num_blocks);
   }
   return buf + 1;
}

XTree* MR_(xtleak_new)(void)
{
   return VG_(XT_create)(VG_(malloc), "memroot.xtleak", VG_(free),
                         sizeof(XL_Leak), xl_init, xl_add, xl_sub,
                         VG_(XT_filter_maybe_below_main));
}

/* Each size goes up or down on its own. */
static void delta(ULong now, ULong before, ULong* up, ULong* down)
{
   if (now > before)
      *up = now - before;
   else
      *down = before - now;
}

void MR_(xtleak_add)(XTree* xt, ExeContext* allocated_at, MR_Reachedness r,
                     const MR_LossSizes* now, const MR_LossSizes* before)
{
   XL_Leak   v;
   XL_Sizes* up   = &v.s[XL_Increase][r];
   XL_Sizes* down = &v.s[XL_Decrease][r];

   xl_init(&v);
   v.s[XL_Value][r].szB          = now->szB;
   v.s[XL_Value][r].indirect_szB = now->indirect_szB;
   v.s[XL_Value][r].num_blocks   = now->num_blocks;
   delta(now->szB, before->szB, &up->szB, &down->szB);
   delta(now->indirect_szB, before->indirect_szB,
         &up->indirect_szB, &down->indirect_szB);
   delta(now->num_blocks, before->num_blocks,
         &up->num_blocks, &down->num_blocks);
   VG_(XT_add_to_ec)(xt, allocated_at, &v);
}

void MR_(xtleak_write)(XTree* xt, const HChar* filename, Bool announce)
{
   VG_(XT_callgrind_print)(xt, filename, xl_events, xl_img);
   if (announce)
      VG_(umsg)("xtree leak report: %s\n", filename);
   VG_(XT_delete)(xt);
}
