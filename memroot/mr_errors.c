/* memroot errors: recording the tool's errors with Valgrind's error
   manager, so that they are counted, suppressed and listed as Memcheck's
   are.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the GNU General Public
   License, version 2 or (at your option) any later version; see COPYING. */

#include "pub_tool_errormgr.h"
#include "pub_tool_threadstate.h"
#include "mr_errors.h"

void MR_(block_addrinfo)(Addr a, const MR_Block* b, BlockKind bk,
                         const HChar* desc, /*OUT*/AddrInfo* ai)
{
   ai->tag = Addr_Block;
   ai->Addr.Block.block_kind   = bk;
   ai->Addr.Block.block_desc   = desc;
   ai->Addr.Block.block_szB    = b->szB;
   ai->Addr.Block.rwoffset     = (PtrdiffT)a - (PtrdiffT)b->data;
   ai->Addr.Block.allocated_at = b->allocated_at;
   VG_(initThreadInfo)(&ai->Addr.Block.alloc_tinfo);
   ai->Addr.Block.freed_at = bk == Block_Freed ? b->u.freed_at
                                               : VG_(null_ExeContext)();
}

/* The address is described later, when the core keeps the error. */
static void record_addr_error(ThreadId tid, MR_ErrorKind kind, Addr a)
{
   MR_Error extra;
   tl_assert(tid != VG_INVALID_THREADID);
   extra.u.ai.tag = Addr_Undescribed;
   VG_(maybe_record_error)(tid, kind, a, NULL, &extra);
}

void MR_(record_free_error)(ThreadId tid, Addr a)
{
   record_addr_error(tid, MR_Err_Free, a);
}

void MR_(record_illegal_mempool_error)(ThreadId tid, Addr pool)
{
   record_addr_error(tid, MR_Err_IllegalMempool, pool);
}

/* The block is in hand, so it is described now, as Memcheck does. */
void MR_(record_freemismatch_error)(ThreadId tid, const MR_Block* b)
{
   MR_Error extra;
   tl_assert(tid != VG_INVALID_THREADID);
   MR_(block_addrinfo)(b->data, b, Block_Mallocd, "block", &extra.u.ai);
   VG_(maybe_record_error)(tid, MR_Err_FreeMismatch, b->data, NULL, &extra);
}

static void record_fishy(ThreadId tid, const HChar* function,
                         const HChar* argument, SizeT value)
{
   MR_Error extra;
   tl_assert(tid != VG_INVALID_THREADID);
   extra.u.fishy.function = function;
   extra.u.fishy.argument = argument;
   extra.u.fishy.value    = value;
   VG_(maybe_record_error)(tid, MR_Err_FishyValue, 0, NULL, &extra);
}

Bool MR_(record_fishy_value_error)(ThreadId tid, const HChar* function,
                                   const HChar* argument, SizeT value)
{
   if ((SSizeT)value >= 0)
      return False;
   record_fishy(tid, function, argument, value);
   return True;
}

Bool MR_(record_fishy_extent_error)(ThreadId tid, const HChar* function,
                                    Addr p, SizeT szB)
{
   if (p < MR_ADDR_LIMIT && szB <= MR_ADDR_LIMIT - p)
      return False;
   record_fishy(tid, function, "size", szB);
   return True;
}

Bool MR_(record_leak_error)(ThreadId tid, UInt n_this_record,
                            UInt n_total_records,
                            const struct _MR_LossRecord* lr,
                            ExeContext* where, Bool print_record,
                            Bool count_as_error)
{
   MR_Error extra;
   extra.u.leak.n_this_record   = n_this_record;
   extra.u.leak.n_total_records = n_total_records;
   extra.u.leak.lr              = lr;
   return VG_(unique_error)(tid, MR_Err_Leak, 0, NULL, &extra, where,
                            print_record, /*allow_GDB_attach*/False,
                            count_as_error);
}
