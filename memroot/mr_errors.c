/* memroot errors: recording the tool's errors with Valgrind's error
   manager, so that they are counted, suppressed and listed as Memcheck's
   are.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_errormgr.h"
#include "pub_tool_hashtable.h"
#include "pub_tool_threadstate.h"
#include "mr_errors.h"

const HChar* MR_(error_xml_kind)(MR_ErrorKind kind)
{
   switch (kind) {
      case MR_Err_Free:           return "InvalidFree";
      case MR_Err_FreeMismatch:   return "MismatchedFree";
      case MR_Err_IllegalMempool: return "InvalidMemPool";
      case MR_Err_FishyValue:     return "FishyValue";
      case MR_Err_Leak:           return "Leak";
      case MR_Err_Watch:          return "WatchedBlock";
   }
   tl_assert(0);
}

const HChar* MR_(error_what)(MR_ErrorKind kind)
{
   switch (kind) {
      case MR_Err_Free:
         return "Invalid free() / delete / delete[] / realloc()";
      case MR_Err_FreeMismatch:
         return "Mismatched free() / delete / delete []";
      case MR_Err_IllegalMempool:
         return "Illegal memory pool address";
      case MR_Err_FishyValue:
      case MR_Err_Leak:
      case MR_Err_Watch:
         return NULL;
   }
   tl_assert(0);
}

/* ---------------- the list of recorded errors ---------------- */

static VgHashTable* rec_table;
static XArray*      rec_order;   /* of MR_RecordedError*, first seen first */

static UWord rec_key(MR_ErrorKind kind, ExeContext* where)
{
   return (UWord)VG_(get_ECU_from_ExeContext)(where) * 8 + kind;
}

static Word rec_cmp(const void* node1, const void* node2)
{
   const MR_RecordedError* a = node1;
   const MR_RecordedError* b = node2;
   if (a->key != b->key)
      return 1;
   if (a->kind != MR_Err_FishyValue)
      return 0;
   return VG_STREQ(a->function, b->function)
          && VG_STREQ(a->argument, b->argument) ? 0 : 1;
}

static MR_RecordedError* rec_find(MR_ErrorKind kind, ExeContext* where,
                                  const HChar* function,
                                  const HChar* argument)
{
   MR_RecordedError probe;
   if (rec_table == NULL)
      return NULL;
   probe.key      = rec_key(kind, where);
   probe.kind     = kind;
   probe.function = function;
   probe.argument = argument;
   return VG_(HT_gen_lookup)(rec_table, &probe, rec_cmp);
}

/* Errors are rare: the stack recorded here is the one the core records
   for the same error (ExeContexts are shared). */
static void rec_note(ThreadId tid, MR_ErrorKind kind, Addr a,
                     const HChar* function, const HChar* argument,
                     SizeT value)
{
   ExeContext*       where = VG_(record_ExeContext)(tid, 0);
   MR_RecordedError* r     = rec_find(kind, where, function, argument);
   if (r == NULL) {
      if (rec_table == NULL) {
         rec_table = VG_(HT_construct)("memroot.errors.recorded");
         rec_order = VG_(newXA)(VG_(malloc), "memroot.errors.order",
                                VG_(free), sizeof(MR_RecordedError*));
      }
      r = VG_(calloc)("memroot.errors.rec", 1, sizeof(MR_RecordedError));
      r->key      = rec_key(kind, where);
      r->kind     = kind;
      r->where    = where;
      r->address  = a;
      r->function = function;
      r->argument = argument;
      r->value    = value;
      VG_(HT_add_node)(rec_table, r);
      VG_(addToXA)(rec_order, &r);
   }
   r->count++;
}

const MR_RecordedError* const* MR_(recorded_errors)(UInt* n)
{
   if (rec_order == NULL) {
      *n = 0;
      return NULL;
   }
   *n = VG_(sizeXA)(rec_order);
   return *n ? VG_(indexXA)(rec_order, 0) : NULL;
}

void MR_(recorded_error_suppressed)(MR_ErrorKind kind, ExeContext* where,
                                    const MR_Error* extra)
{
   MR_RecordedError* r;
   if (kind == MR_Err_Leak)
      return;
   r = kind == MR_Err_FishyValue
       ? rec_find(kind, where, extra->u.fishy.function,
                  extra->u.fishy.argument)
       : rec_find(kind, where, NULL, NULL);
   if (r != NULL)
      r->suppressed = True;
}

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
   rec_note(tid, kind, a, NULL, NULL, 0);
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
   rec_note(tid, MR_Err_FreeMismatch, b->data, NULL, NULL, 0);
   MR_(block_addrinfo)(b->data, b, Block_Mallocd, "block", &extra.u.ai);
   VG_(maybe_record_error)(tid, MR_Err_FreeMismatch, b->data, NULL, &extra);
}

static void record_fishy(ThreadId tid, const HChar* function,
                         const HChar* argument, SizeT value)
{
   MR_Error extra;
   tl_assert(tid != VG_INVALID_THREADID);
   rec_note(tid, MR_Err_FishyValue, 0, function, argument, value);
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

void MR_(record_watch_error)(ThreadId tid, Addr block, Bool store, UInt how,
                             UInt count)
{
   MR_Error extra;
   extra.u.watch.block = block;
   extra.u.watch.store = store;
   extra.u.watch.how   = how;
   extra.u.watch.count = count;
   VG_(unique_error)(tid, MR_Err_Watch, block, NULL, &extra,
                     VG_(record_ExeContext)(tid, 0), /*print_error*/True,
                     /*allow_GDB_attach*/True, /*count_error*/True);
}
