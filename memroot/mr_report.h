/* memroot report: the text of leak reports, in Memcheck's layout. */

#ifndef __MR_REPORT_H
#define __MR_REPORT_H

#include "mr_leak.h"

typedef struct {
   SizeT bytes[MR_N_REACHEDNESS];
   SizeT blocks[MR_N_REACHEDNESS];
   SizeT suppressed_bytes, suppressed_blocks;
   SizeT heur_bytes[MR_N_HEURISTICS];
   SizeT heur_blocks[MR_N_HEURISTICS];
} MR_LeakSummary;

/* The first line of a loss record: "N (D direct, I indirect) bytes in M
   blocks are <kind> in loss record i of n", with deltas against the last
   check unless deltamode is MR_LCD_Any. */
void MR_(pp_loss_record_text)(UInt n_this_record, UInt n_total_records,
                              MR_Reachedness state,
                              SizeT szB, SizeT old_szB,
                              SizeT indirect_szB, SizeT old_indirect_szB,
                              UInt num_blocks, UInt old_num_blocks,
                              MR_DeltaMode deltamode);

/* The LEAK SUMMARY block and the hints that follow it. */
void MR_(pp_leak_summary)(const MR_LeakSummary* now, const MR_LeakSummary* old,
                          const MR_LeakCheckParams* lcp);

/* Words for a kind: "definitely lost", ...; and the name of a heuristic. */
const HChar* MR_(str_reachedness)(MR_Reachedness r);
const HChar* MR_(str_heuristic)(MR_Heuristic h);

#endif
