/* memroot retain report: a retention analysis rendered in the forms asked
   for — text on the log, an element of the XML output, a JSON file — and
   the shortest paths from roots to one block.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_RETAIN_REPORT_H
#define __MR_RETAIN_REPORT_H

#include "mr_retain.h"
#include "mr_suspects.h"

/* Writes a stack of a JSON report into fp as the file wants it. */
typedef void (*MR_JsonStackWriter)(VgFile* fp, ExeContext* ec, void* opaque);

/* The members of a selected report's JSON object (report, live,
   reachable, roots, others, shared, shared_blocks, stacks, and suspects
   when x is not NULL), with up to max_sites allocation sites per root:
   what the retention file and the data file's retention section hold. */
void MR_(retention_json_members)(VgFile* fp, MR_Retention* a,
                                const MR_Suspects* x, UInt max_sites,
                                MR_JsonStackWriter ws, void* opaque);

/* The leak suspects x of a as one JSON object: what the retention file's
   suspects member and the data file's suspects section hold. */
void MR_(suspects_json)(VgFile* fp, MR_Retention* a, const MR_Suspects* x,
                        MR_JsonStackWriter ws, void* opaque);

/* Reports an attribution as p asks; the next report's growth is
   measured against this one. */
void MR_(retention_report)(MR_Retention* a, const MR_RetentionParams* p);

/* The leak suspects of a selected report, as its parameters ask
   (suspect_ppm > 0); with growth, also the roots that grew at each
   report and snapshot remembered. */
MR_Suspects* MR_(suspects_of_report)(MR_Retention* a, Bool growth);

/* The shortest paths from up to max_paths roots to the block holding
   addr, each pointer with the line that stored it. */
void MR_(retention_paths)(MR_Retention* a, Addr addr, UInt max_paths);

/* The same two after a search of their own, made as sp asks: what a
   program asks for while it runs. */
void MR_(search_and_report_retention)(const MR_SearchParams* sp,
                                      const MR_RetentionParams* p);
void MR_(search_and_report_paths)(const MR_SearchParams* sp, Addr addr,
                                  UInt max_paths);

/* LEAK SUSPECTS after a search of its own, as p asks; asking for growth
   takes a snapshot too. */
void MR_(search_and_report_suspects)(const MR_SearchParams* sp,
                                     const MR_SuspectParams* p);

/* A snapshot: a search of its own whose roots' retained sizes and
   allocation sites are remembered as a report's are, silently. */
void MR_(search_and_snapshot)(const MR_SearchParams* sp);

#endif
