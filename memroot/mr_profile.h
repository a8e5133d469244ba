/* memroot profile: allocation statistics per allocation stack, kept on
   every allocation and free while --heap-profile=yes, printed at exit.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_PROFILE_H
#define __MR_PROFILE_H

#include "mr_block.h"

/* The orders --heap-profile-sort offers, largest first. */
typedef enum {
   MR_SortLiveBytes, MR_SortPeakBytes, MR_SortBytes,
   MR_SortAllocs, MR_SortLiveBlocks, MR_SortPeakBlocks,
   MR_N_PROFILE_SORTS
} MR_ProfileSort;

/* One allocation stack's statistics. */
typedef struct _MR_AllocSite {
   struct _MR_AllocSite* next;
   UWord            ecu;          /* key: the ExeContext's unique number */
   ExeContext*      allocated_at;
   ULong            allocs;
   ULong            bytes;
   ULong            live_blocks, peak_blocks;
   ULong            live_bytes,  peak_bytes;
   ULong            at_peak_bytes, at_peak_blocks; /* live at the peak */
   ULong            oldest_birth; /* of its live blocks; filled in by
                                     MR_(profile_sorted_sites) */
   UInt             id;           /* dense, in order of first allocation */
} MR_AllocSite;

/* Their keywords, in enum order. */
extern const HChar* const MR_(profile_sort_names)[MR_N_PROFILE_SORTS];

/* With timeline, live bytes are sampled every `every` bytes allocated (0:
   an interval that adapts to give 1,000 to 2,000 samples). */
void MR_(profile_init)(Bool timeline, ULong every);

/* now is the profile's clock, the bytes allocated so far, counting this
   allocation. */
void MR_(profile_alloc)(ExeContext* allocated_at, SizeT szB, ULong now);
void MR_(profile_free)(ExeContext* allocated_at, SizeT szB);
void MR_(profile_resize)(ExeContext* allocated_at, SizeT old_szB,
                         SizeT new_szB, ULong now);

/* Is the profile on? */
Bool MR_(profile_is_on)(void);

/* Every site, the largest first by sort; live[0..n_live) are every live
   block, for the ages of the oldest.  The caller frees the array. */
MR_AllocSite** MR_(profile_sorted_sites)(MR_ProfileSort sort,
                                         MR_Block* const* live, UInt n_live,
                                         UInt* n);

/* The whole run's live bytes and blocks now, and at their peak, with
   the clock then.  The sites' at_peak values are those of the same
   moment (within 1% of the peak's bytes, as Massif's peak: taking them
   at every new peak would cost a walk of the sites each time). */
typedef struct {
   ULong live_bytes, live_blocks;
   ULong peak_bytes, peak_blocks, peak_time;
} MR_ProfileTotals;
void MR_(profile_totals)(MR_ProfileTotals* t);

/* A timeline sample now, if a timeline is kept: the last one of a
   report. */
void MR_(profile_sample_now)(ULong now);

/* The HEAP PROFILE section: the top sites in the order sort asks for;
   live[0..n_live) are every live block, for the ages of the oldest. */
void MR_(profile_print)(UInt top, MR_ProfileSort sort, ULong now,
                        MR_Block* const* live, UInt n_live);

#endif
