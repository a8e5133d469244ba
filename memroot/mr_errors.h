/* memroot errors: the kinds of the tool's errors and how each is recorded
   with Valgrind's error manager.  How they are described, printed and
   suppressed is mr_errmgr.c's.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_ERRORS_H
#define __MR_ERRORS_H

#include "mr_block.h"
#include "pub_tool_execontext.h"
#include "pub_tool_xarray.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_addrinfo.h"

/* Each kind is one case in every switch of mr_errmgr.c: adding a kind
   adds a case there and a record function here. */
typedef enum {
   MR_Err_Free,             /* free/delete/realloc of no live block */
   MR_Err_FreeMismatch,     /* freed by another family than allocated it */
   MR_Err_IllegalMempool,   /* a mempool request naming no pool */
   MR_Err_FishyValue,       /* an allocator size negative as signed */
   MR_Err_Leak,             /* a loss record of a leak check */
   MR_Err_Watch             /* a store or drop of a pointer to the watched
                               block (mr_origins.c) */
} MR_ErrorKind;

struct _MR_LossRecord;

/* The `extra' of an error: copied by the core when it keeps an error. */
typedef struct {
   union {
      AddrInfo ai;                 /* Free, FreeMismatch, IllegalMempool */
      struct {
         const HChar* function;
         const HChar* argument;
         SizeT        value;
      } fishy;                     /* FishyValue */
      struct {
         UInt                         n_this_record;
         UInt                         n_total_records;
         const struct _MR_LossRecord* lr;
      } leak;                      /* Leak */
      struct {
         Addr  block;
         Bool  store;              /* a store; else a drop */
         UInt  how;                /* a drop: MR_DropHow */
         UInt  count;              /* pointers holding it after */
      } watch;                     /* Watch */
   } u;
} MR_Error;

/* The kind as Memcheck's XML names it ("InvalidFree"), and the first line
   of its message for the kinds whose message is fixed (NULL for the
   others). */
const HChar* MR_(error_xml_kind)(MR_ErrorKind kind);
const HChar* MR_(error_what)(MR_ErrorKind kind);

/* The heap errors recorded so far, one per kind and stack (and, for
   FishyValue, function and argument), as the core groups them: the core
   offers no way to walk its own list.  Leak errors are the loss
   records'. */
typedef struct _MR_RecordedError {
   struct _MR_RecordedError* next;
   UWord          key;          /* the stack's unique number and the kind */
   MR_ErrorKind   kind;
   ExeContext*    where;
   Addr           address;      /* of the first one */
   const HChar*   function;     /* FishyValue: of the first one */
   const HChar*   argument;
   SizeT          value;
   ULong          count;
   Bool           suppressed;
} MR_RecordedError;

/* In order of first occurrence; *n of them. */
const MR_RecordedError* const* MR_(recorded_errors)(UInt* n);

/* A suppression matched the error the core calls err. */
void MR_(recorded_error_suppressed)(MR_ErrorKind kind, ExeContext* where,
                                    const MR_Error* extra);

/* Describes a, at its offset in block b, as an error shows it. */
void MR_(block_addrinfo)(Addr a, const MR_Block* b, BlockKind bk,
                         const HChar* desc, /*OUT*/AddrInfo* ai);

void MR_(record_free_error)(ThreadId tid, Addr a);
/* b is live and in its block table while this runs. */
void MR_(record_freemismatch_error)(ThreadId tid, const MR_Block* b);
void MR_(record_illegal_mempool_error)(ThreadId tid, Addr pool);
/* True, after reporting it, when value is negative as a signed number. */
Bool MR_(record_fishy_value_error)(ThreadId tid, const HChar* function,
                                   const HChar* argument, SizeT value);
/* True, after reporting szB as a fishy size, when [p, p+szB) does not fit
   in the user address space: a client's description of a block. */
Bool MR_(record_fishy_extent_error)(ThreadId tid, const HChar* function,
                                    Addr p, SizeT szB);

/* Reports loss record n_this_record of n_total_records, allocated at
   where, as a Leak error; prints it when print_record, counts it when
   count_as_error.  True when a suppression matched it. */
Bool MR_(record_leak_error)(ThreadId tid, UInt n_this_record,
                            UInt n_total_records,
                            const struct _MR_LossRecord* lr,
                            ExeContext* where, Bool print_record,
                            Bool count_as_error);

/* A store (store) or a drop (how, an MR_DropHow) of a pointer to the
   watched block, which count marked words hold after it: an error of its
   own, never suppressed, that stops in gdb as --vgdb-error says. */
void MR_(record_watch_error)(ThreadId tid, Addr block, Bool store, UInt how,
                             UInt count);

#endif
