/* memroot xtleak: a leak check's loss records as an execution tree in
   callgrind format, the file Memcheck writes for --xtree-leak=yes and for
   the monitor command `leak_check xtleak`, readable by callgrind_annotate
   and kcachegrind. */

#ifndef __MR_XTLEAK_H
#define __MR_XTLEAK_H

#include "pub_tool_xtree.h"
#include "mr_leak.h"

XTree* MR_(xtleak_new)(void);

/* Adds a record's sizes, and their growth or shrinkage since the previous
   check, at its allocation stack. */
void MR_(xtleak_add)(XTree* xt, const MR_LossRecord* lr);

/* Writes the tree to filename and frees it; with announce, says where. */
void MR_(xtleak_write)(XTree* xt, const HChar* filename, Bool announce);

#endif
