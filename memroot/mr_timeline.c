/* memroot timeline: samples of the live heap, in total and per site.  A
   site's series holds a point only for the samples at which its value
   had changed since the one before, so that a quiet site costs nothing.
   With the adaptive interval the number of samples stays bounded: at the
   limit the interval doubles and every other sample goes, the sites'
   points moving to the sample that now stands for theirs.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "mr_timeline.h"

typedef struct {
   MR_TimelinePoint* p;
   UInt              n, cap;
   ULong             bytes, blocks;   /* since it last changed */
   Int               next_dirty;      /* -2: clean; -1: last dirty */
} Series;

ULong MR_(timeline_due);

static ULong              tl_every;
static Bool               tl_adaptive;
static MR_TimelineSample* tl_samples;
static UInt               tl_n, tl_cap;
static Series*            tl_sites;
static UInt               tl_n_sites;
static Int                tl_first_dirty = -1;

void MR_(timeline_init)(ULong every)
{
   tl_adaptive = every == 0;
   tl_every    = tl_adaptive ? MR_TIMELINE_FIRST_EVERY : every;
   MR_(timeline_due) = 0;
}

ULong MR_(timeline_every)(void)
{
   return tl_every;
}

static void grow(void** p, UInt* cap, UInt need, SizeT elt, const HChar* cc)
{
   if (need <= *cap)
      return;
   *cap = *cap ? 2 * *cap : 64;
   if (*cap < need)
      *cap = need;
   *p = VG_(realloc)(cc, *p, *cap * elt);
}

void MR_(timeline_site_changed)(UInt id, ULong bytes, ULong blocks)
{
   Series* s;
   if (id >= tl_n_sites) {
      UInt old = tl_n_sites, i;
      grow((void**)&tl_sites, &tl_n_sites, id + 1, sizeof(Series),
           "memroot.timeline.sites");
      VG_(memset)(tl_sites + old, 0, (tl_n_sites - old) * sizeof(Series));
      for (i = old; i < tl_n_sites; i++)
         tl_sites[i].next_dirty = -2;
   }
   s = &tl_sites[id];
   s->bytes  = bytes;
   s->blocks = blocks;
   if (s->next_dirty == -2) {
      s->next_dirty  = tl_first_dirty;
      tl_first_dirty = id;
   }
}

static void add_point(Series* s, UInt sample)
{
   /* A second value for the same sample replaces the first. */
   if (s->n > 0 && s->p[s->n - 1].sample == sample) {
      s->p[s->n - 1].bytes  = s->bytes;
      s->p[s->n - 1].blocks = s->blocks;
      return;
   }
   grow((void**)&s->p, &s->cap, s->n + 1, sizeof(MR_TimelinePoint),
        "memroot.timeline.points");
   s->p[s->n].sample = sample;
   s->p[s->n].bytes  = s->bytes;
   s->p[s->n].blocks = (UInt)s->blocks;
   s->n++;
}

/* Sample 2k stays as sample k; a point of sample s now holds from
   sample ceil(s/2): it was the value at sample 2*ceil(s/2) unless a
   later point replaces it. */
static void halve(void)
{
   UInt i, j;
   for (i = 0, j = 0; i < tl_n; i += 2)
      tl_samples[j++] = tl_samples[i];
   tl_n = j;
   for (i = 0; i < tl_n_sites; i++) {
      Series* s = &tl_sites[i];
      UInt    k, m = 0;
      for (k = 0; k < s->n; k++) {
         MR_TimelinePoint pt = s->p[k];
         pt.sample = (pt.sample + 1) / 2;
         if (m > 0 && s->p[m - 1].sample == pt.sample)
            m--;
         s->p[m++] = pt;
      }
      s->n = m;
   }
   tl_every *= 2;
}

void MR_(timeline_sample)(ULong now, ULong bytes, ULong blocks)
{
   Int id;
   if (tl_n > 0 && tl_samples[tl_n - 1].time == now) {
      /* The clock has not moved: this sample replaces the last. */
      tl_n--;
   }
   grow((void**)&tl_samples, &tl_cap, tl_n + 1, sizeof(MR_TimelineSample),
        "memroot.timeline.samples");
   tl_samples[tl_n].time   = now;
   tl_samples[tl_n].bytes  = bytes;
   tl_samples[tl_n].blocks = blocks;
   for (id = tl_first_dirty; id != -1; ) {
      Series* s = &tl_sites[id];
      add_point(s, tl_n);
      id = s->next_dirty;
      s->next_dirty = -2;
   }
   tl_first_dirty = -1;
   tl_n++;
   if (tl_adaptive && tl_n >= MR_TIMELINE_MAX_SAMPLES)
      halve();
   MR_(timeline_due) = now + tl_every;
}

const MR_TimelineSample* MR_(timeline_samples)(UInt* n)
{
   *n = tl_n;
   return tl_samples;
}

const MR_TimelinePoint* MR_(timeline_points)(UInt id, UInt* n)
{
   if (id >= tl_n_sites) {
      *n = 0;
      return NULL;
   }
   *n = tl_sites[id].n;
   return tl_sites[id].p;
}
