/* memroot options: the values of memroot's command-line options, parsed by
   main and read by the other pieces. */

#ifndef __MR_OPTIONS_H
#define __MR_OPTIONS_H

#include "mr_leak.h"
#include "mr_retain.h"

extern MR_LeakCheckMode MR_(clo_leak_check);
extern VgRes            MR_(clo_leak_resolution);
extern UInt             MR_(clo_show_leak_kinds);
extern UInt             MR_(clo_errors_for_leak_kinds);
extern UInt             MR_(clo_leak_check_heuristics);
extern Bool             MR_(clo_xtree_leak);
extern const HChar*     MR_(clo_xtree_leak_file);

/* Which words of memory a leak check takes as candidate pointers. */
typedef enum {
   MR_ScanTracked,        /* words a heap pointer was stored into */
   MR_ScanConservative    /* every aligned word */
} MR_LeakScan;
extern MR_LeakScan      MR_(clo_leak_scan);

/* The retention report at exit (--retention and friends). */
extern Bool             MR_(clo_retention);

/* The leak check the options ask for, without the xtree file (which only
   the check at exit writes). */
void MR_(clo_leak_check_params)(MR_LeakCheckParams* lcp);

/* The retention report the options ask for. */
void MR_(clo_retention_params)(MR_RetentionParams* p);

#endif
