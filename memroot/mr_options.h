/* memroot options: every command-line option of memroot, parsed in one
   place, and the parameters the other pieces take, built from them.  Only
   main and the front ends (monitor commands, client requests) read
   options; every other piece gets them as parameters.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_OPTIONS_H
#define __MR_OPTIONS_H

#include "mr_account.h"
#include "mr_heap.h"
#include "mr_leak.h"
#include "mr_origins.h"
#include "mr_profile.h"
#include "mr_retain.h"
#include "mr_suspects.h"

/* The leak check (Memcheck's defaults). */
extern MR_LeakCheckMode MR_(clo_leak_check);
extern VgRes            MR_(clo_leak_resolution);
extern UInt             MR_(clo_show_leak_kinds);
extern UInt             MR_(clo_errors_for_leak_kinds);
extern UInt             MR_(clo_leak_check_heuristics);
extern MR_LeakScan      MR_(clo_leak_scan);
extern Bool             MR_(clo_leak_origins);
extern Addr             MR_(clo_watch_block);
extern Bool             MR_(clo_xtree_leak);
extern const HChar*     MR_(clo_xtree_leak_file);

/* The retention report at exit. */
extern Bool             MR_(clo_retention);
extern Long             MR_(clo_retention_roots);
extern Long             MR_(clo_retention_sites);
extern Double           MR_(clo_retention_threshold);   /* percent */
extern const HChar*     MR_(clo_retention_file);
extern Addr             MR_(clo_retention_path);
extern Bool             MR_(clo_retention_stacks);
extern Bool             MR_(clo_suspects);
extern Double           MR_(clo_suspect_threshold);   /* percent */
extern ULong            MR_(clo_snapshot_every);      /* 0: none */

/* The heap and its profile. */
extern Long             MR_(clo_freelist_vol);
extern Long             MR_(clo_freelist_big_blocks);
extern Bool             MR_(clo_show_mismatched_frees);
extern Int              MR_(clo_free_callers);
extern Bool             MR_(clo_heap_profile);
extern Long             MR_(clo_heap_profile_top);
extern MR_ProfileSort   MR_(clo_heap_profile_sort);

/* The data file (--memroot-out-file) and its timeline. */
extern const HChar*     MR_(clo_memroot_out_file);
extern ULong            MR_(clo_timeline_every);      /* 0: adaptive */

/* The tool's command-line callbacks. */
Bool MR_(process_cmd_line_option)(const HChar* arg);
void MR_(print_usage)(void);
void MR_(print_debug_usage)(void);
/* What the options imply once all are read. */
void MR_(options_post_clo)(void);

/* Who asks for a leak check: Memcheck's monitor command has defaults of
   its own. */
typedef enum { MR_ByOptions, MR_ByMonitor } MR_LeakCheckAsker;

/* The leak check the options (or the monitor's defaults) ask for,
   without the xtree file; keep_edges for a retention report after it. */
void MR_(clo_leak_check_params)(MR_LeakCheckParams* lcp,
                                MR_LeakCheckAsker asker, Bool keep_edges);

/* A search for a retention report. */
MR_SearchParams MR_(clo_search_params)(void);

/* The retention report the options ask for. */
void MR_(clo_retention_params)(MR_RetentionParams* p);

/* The leak suspects a monitor command or client request shows: of the
   heap now, at --suspect-threshold. */
void MR_(clo_suspect_params)(MR_SuspectParams* p);

/* The heap the options ask for; account is the accounting hooks'
   answer to MR_(account_init).  The snapshot hook is the caller's to
   set. */
void MR_(clo_heap_params)(MR_HeapParams* p, Bool account);

/* Where blocks lose their last pointer, and the watched block. */
void MR_(clo_origins_params)(MR_OriginsParams* p);

/* The allocation-site profile's report: how many sites, in which order. */
void MR_(clo_profile_params)(UInt* top, MR_ProfileSort* sort);

/* The search and retention report a data file written mid-run holds:
   *rp is NULL when retention reports are off (--retention=no). */
MR_SearchParams MR_(clo_dump_params)(MR_RetentionParams* storage,
                                     const MR_RetentionParams** rp);

/* What the heap's accounting hooks feed. */
void MR_(clo_account_params)(MR_AccountParams* p);

/* The profile's timeline: True when one is kept, with its interval in
   bytes allocated (0: adaptive). */
Bool MR_(clo_timeline)(ULong* every);

#endif
