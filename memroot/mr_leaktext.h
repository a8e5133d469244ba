/* memroot leaktext: the text of leak reports, in Memcheck's layout: the
   first line of a loss record and the LEAK SUMMARY.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_LEAKTEXT_H
#define __MR_LEAKTEXT_H

#include "mr_leak.h"

/* The first line of a loss record: "N (D direct, I indirect) bytes in M
   blocks are <kind> in loss record i of n", with deltas against the last
   check unless deltamode is MR_LCD_Any; in XML, its <kind> and <xwhat>. */
void MR_(pp_loss_record_text)(UInt n_this_record, UInt n_total_records,
                              MR_Reachedness state,
                              SizeT szB, SizeT old_szB,
                              SizeT indirect_szB, SizeT old_indirect_szB,
                              UInt num_blocks, UInt old_num_blocks,
                              MR_DeltaMode deltamode);

/* The LEAK SUMMARY block and the hints that follow it. */
void MR_(pp_leak_summary)(const MR_LeakSummary* now, const MR_LeakSummary* old,
                          const MR_LeakCheckParams* lcp);

#endif
