/* memroot xtleak: a leak check's loss records as an execution tree in
   callgrind format, the file Memcheck writes for --xtree-leak=yes and for
   the monitor command `leak_check xtleak`, readable by callgrind_annotate
   and kcachegrind.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_XTLEAK_H
#define __MR_XTLEAK_H

#include "pub_tool_xtree.h"
#include "mr_leak.h"

XTree* MR_(xtleak_new)(void);

/* Adds a loss record's sizes, now and at the previous check, at its
   allocation stack: the value, and the growth or shrinkage. */
void MR_(xtleak_add)(XTree* xt, ExeContext* allocated_at, MR_Reachedness r,
                     const MR_LossSizes* now, const MR_LossSizes* before);

/* Writes the tree to filename and frees it; with announce, says where. */
void MR_(xtleak_write)(XTree* xt, const HChar* filename, Bool announce);

#endif
