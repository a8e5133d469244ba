/* memroot lossrec: a leak check's loss records — the blocks of one kind
   allocated at one place — their order, their growth between checks, how
   they are reported through the error manager, and the monitor commands
   that list their blocks.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_LOSSREC_H
#define __MR_LOSSREC_H

#include "mr_leak.h"
#include "mr_origins.h"

typedef struct _MR_LossRecord MR_LossRecord;
MR_Reachedness MR_(lr_state)(const MR_LossRecord* lr);
ExeContext*    MR_(lr_allocated_at)(const MR_LossRecord* lr);
SizeT          MR_(lr_total_bytes)(const MR_LossRecord* lr);
UInt           MR_(lr_num_blocks)(const MR_LossRecord* lr);
SizeT          MR_(lr_direct_bytes)(const MR_LossRecord* lr);
SizeT          MR_(lr_indirect_bytes)(const MR_LossRecord* lr);
/* How the last check reported it: printed (shown), counted as an error
   (--errors-for-leak-kinds), matched by a suppression. */
Bool           MR_(lr_shown)(const MR_LossRecord* lr);
Bool           MR_(lr_is_error)(const MR_LossRecord* lr);
Bool           MR_(lr_suppressed)(const MR_LossRecord* lr);

/* The loss records of the last leak check, in Memcheck's order (record
   i is printed as number i + 1 of MR_(lr_count)); records that had
   blocks only in an earlier check have none now. */
UInt                 MR_(lr_count)(void);
const MR_LossRecord* MR_(lr_get)(UInt i);
/* The LEAK SUMMARY of the last check, NULL when none was done; and that
   check's mode. */
const MR_LeakSummary* MR_(last_leak_summary)(MR_LeakCheckMode* mode);

/* Prints one loss record in Memcheck's words, with the allocation stack;
   an indirectly lost record also says which lost block holds it. */
void MR_(pp_LossRecord)(UInt n_this_record, UInt n_total_records,
                        const MR_LossRecord* lr);

/* With --leak-origins=yes, where the first block of a lost record lost
   its last pointer (f, and hb: a live heap block that held it), or
   *with_holder: an indirectly lost block that went with the block holding
   it.  False when nothing is known (origins off, a reachable record). */
Bool MR_(lr_last_pointer)(const MR_LossRecord* lr, MR_DropFacts* f,
                          MR_HolderBlock* hb, Bool* with_holder);

/* Runs a leak check and reports it as lcp asks; returns the signal that
   interrupted its search (then nothing is reported), or 0. */
Int MR_(detect_memory_leaks)(ThreadId tid, const MR_LeakCheckParams* lcp);

/* The search of the last leak check, kept until the next one; NULL if
   none was done.  A retention analysis may take its block edges. */
MR_Search* MR_(last_check_search)(void);

/* Counts the leak checks run so far; suppressions count their use per
   check. */
ULong MR_(leak_check_generation)(void);

/* After a leak check, prints the blocks of loss records [from, to]
   (indexes from 0), at most max_blocks of them, each with the blocks it
   holds indirectly; with heuristics, only blocks found by those. */
void MR_(print_block_list)(UInt from, UInt to, UInt max_blocks,
                           UInt heuristics);

/* The address of the first block of loss record nr (from 0) of the last
   leak check; False, after saying why, when there is none. */
Bool MR_(loss_record_first_block)(UInt nr, Addr* a);

/* Totals of the last leak check, as VALGRIND_COUNT_LEAKS and
   VALGRIND_COUNT_LEAK_BLOCKS return them. */
typedef struct {
   SizeT leaked, dubious, reachable, suppressed;
} MR_LeakTotals;
void MR_(leak_totals)(MR_LeakTotals* bytes, MR_LeakTotals* blocks);

#endif
