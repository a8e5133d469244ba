/* memroot timeline: live bytes and blocks sampled every so many bytes
   allocated, in total and per allocation site, for the data file.  The
   profile feeds it; the data file reads it.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_TIMELINE_H
#define __MR_TIMELINE_H

#include "mr_basics.h"

typedef struct {
   ULong time;          /* the clock: bytes allocated so far */
   ULong bytes, blocks; /* live then */
} MR_TimelineSample;

/* A site's value from sample `sample` on, until its next point. */
typedef struct {
   UInt  sample;
   UInt  blocks;
   ULong bytes;
} MR_TimelinePoint;

/* every: bytes allocated between samples; 0 adapts it, doubling it and
   dropping every other sample whenever MR_TIMELINE_MAX_SAMPLES are
   reached, so that a run keeps between half that and that many. */
#define MR_TIMELINE_FIRST_EVERY  256
#define MR_TIMELINE_MAX_SAMPLES  2000
void MR_(timeline_init)(ULong every);

/* The clock at which the next sample is due. */
extern ULong MR_(timeline_due);

/* Site `id` (dense, from 0) now has these live values. */
void MR_(timeline_site_changed)(UInt id, ULong bytes, ULong blocks);

/* A sample now, of these live totals; the changed sites' values go with
   it. */
void MR_(timeline_sample)(ULong now, ULong bytes, ULong blocks);

/* What was sampled. */
const MR_TimelineSample* MR_(timeline_samples)(UInt* n);
const MR_TimelinePoint*  MR_(timeline_points)(UInt id, UInt* n);
ULong MR_(timeline_every)(void);

#endif
