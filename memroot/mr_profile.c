/* memroot profile: per allocation stack, how much it allocated and how
   much of it is live, with peaks.  The clock is the number of bytes the
   program has allocated so far (the HEAP SUMMARY's "bytes allocated"), so
   two runs of a deterministic program give the same numbers.  The heap
   calls it only while it is on (--heap-profile=yes, or a data file to
   write); then each allocation or free costs one hash lookup (and, with a
   timeline, a note of the site's new values), and only the report walks
   the heap (for the ages of the oldest live blocks).

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_hashtable.h"
#include "mr_profile.h"
#include "mr_timeline.h"

const HChar* const MR_(profile_sort_names)[MR_N_PROFILE_SORTS] = {
   "live-bytes", "peak-bytes", "bytes", "allocs", "live-blocks", "peak-blocks"
};

static VgHashTable* mr_sites;
static UInt         mr_n_sites;
static Bool         mr_timeline;

/* Whole run: live now, and the peak of live bytes with the clock then. */
static ULong mr_live_bytes, mr_live_blocks;
static ULong mr_peak_bytes, mr_peak_blocks, mr_peak_time;
/* A peak not yet copied into the sites' at_peak values, and the live
   bytes when they last were. */
static Bool  mr_peak_unrecorded;
static ULong mr_recorded_peak_bytes;

void MR_(profile_init)(Bool timeline, ULong every)
{
   mr_sites = VG_(HT_construct)("memroot.profile");
   mr_timeline = timeline;
   if (timeline)
      MR_(timeline_init)(every);
}

Bool MR_(profile_is_on)(void)
{
   return mr_sites != NULL;
}

/* The live values now are the peak's: every site keeps its own. */
static void record_peak(void)
{
   MR_AllocSite* s;
   VG_(HT_ResetIter)(mr_sites);
   while ((s = VG_(HT_Next)(mr_sites)) != NULL) {
      s->at_peak_bytes  = s->live_bytes;
      s->at_peak_blocks = s->live_blocks;
   }
   mr_recorded_peak_bytes = mr_live_bytes;
   mr_peak_unrecorded = False;
}

/* Before a free ends a peak: record it if it is 1% above the one
   recorded (a heap growing in small steps would otherwise walk the sites
   at each free). */
static void before_free(void)
{
   if (mr_peak_unrecorded) {
      if (mr_live_bytes - mr_recorded_peak_bytes
          > mr_recorded_peak_bytes / 100)
         record_peak();
      mr_peak_unrecorded = False;
   }
}

static MR_AllocSite* site_of(ExeContext* allocated_at)
{
   UWord         ecu = VG_(get_ECU_from_ExeContext)(allocated_at);
   MR_AllocSite* s   = VG_(HT_lookup)(mr_sites, ecu);
   if (s == NULL) {
      s = VG_(calloc)("memroot.profile.site", 1, sizeof(MR_AllocSite));
      s->ecu          = ecu;
      s->allocated_at = allocated_at;
      s->id           = mr_n_sites++;
      VG_(HT_add_node)(mr_sites, s);
   }
   return s;
}

static void add_live(MR_AllocSite* s, Long d_blocks, Long d_bytes, ULong now)
{
   s->live_blocks += d_blocks;
   s->live_bytes  += d_bytes;
   if (s->live_blocks > s->peak_blocks)
      s->peak_blocks = s->live_blocks;
   if (s->live_bytes > s->peak_bytes)
      s->peak_bytes = s->live_bytes;
   mr_live_blocks += d_blocks;
   mr_live_bytes  += d_bytes;
   if (mr_live_bytes > mr_peak_bytes) {
      mr_peak_bytes  = mr_live_bytes;
      mr_peak_blocks = mr_live_blocks;
      mr_peak_time   = now;
      mr_peak_unrecorded = True;
   }
   if (mr_timeline)
      MR_(timeline_site_changed)(s->id, s->live_bytes, s->live_blocks);
}

void MR_(profile_sample_now)(ULong now)
{
   if (mr_timeline)
      MR_(timeline_sample)(now, mr_live_bytes, mr_live_blocks);
}

void MR_(profile_totals)(MR_ProfileTotals* t)
{
   if (mr_peak_unrecorded)
      record_peak();
   t->live_bytes  = mr_live_bytes;
   t->live_blocks = mr_live_blocks;
   t->peak_bytes  = mr_peak_bytes;
   t->peak_blocks = mr_peak_blocks;
   t->peak_time   = mr_peak_time;
}

void MR_(profile_alloc)(ExeContext* allocated_at, SizeT szB, ULong now)
{
   MR_AllocSite* s = site_of(allocated_at);
   s->allocs++;
   s->bytes += szB;
   add_live(s, 1, szB, now);
   if (mr_timeline && now >= MR_(timeline_due))
      MR_(timeline_sample)(now, mr_live_bytes, mr_live_blocks);
}

/* A free never makes a new peak: the clock is not needed. */
void MR_(profile_free)(ExeContext* allocated_at, SizeT szB)
{
   before_free();
   add_live(site_of(allocated_at), -1, -(Long)szB, 0);
}

void MR_(profile_resize)(ExeContext* allocated_at, SizeT old_szB,
                         SizeT new_szB, ULong now)
{
   if (new_szB < old_szB)
      before_free();
   add_live(site_of(allocated_at), 0, (Long)new_szB - (Long)old_szB, now);
}

static ULong sort_value(const MR_AllocSite* s, MR_ProfileSort sort)
{
   switch (sort) {
      case MR_SortLiveBytes:  return s->live_bytes;
      case MR_SortPeakBytes:  return s->peak_bytes;
      case MR_SortBytes:      return s->bytes;
      case MR_SortAllocs:     return s->allocs;
      case MR_SortLiveBlocks: return s->live_blocks;
      case MR_SortPeakBlocks: return s->peak_blocks;
      case MR_N_PROFILE_SORTS: break;
   }
   tl_assert(0);
}

/* A site with its sort key, so that sorting needs no global. */
typedef struct {
   ULong         key;
   MR_AllocSite* site;
} Keyed;

/* Largest first; equal keys in order of first allocation. */
static Int cmp_keyed(const void* a, const void* b)
{
   const Keyed* x = a;
   const Keyed* y = b;
   if (x->key != y->key)
      return x->key > y->key ? -1 : 1;
   return x->site->ecu < y->site->ecu ? -1
          : x->site->ecu > y->site->ecu ? 1 : 0;
}

static void find_oldest_live_blocks(MR_Block* const* live, UInt n_live)
{
   MR_AllocSite* s;
   UInt          i;

   VG_(HT_ResetIter)(mr_sites);
   while ((s = VG_(HT_Next)(mr_sites)) != NULL)
      s->oldest_birth = ~0ULL;
   for (i = 0; i < n_live; i++) {
      s = site_of(live[i]->allocated_at);
      if (live[i]->u.birth < s->oldest_birth)
         s->oldest_birth = live[i]->u.birth;
   }
}

MR_AllocSite** MR_(profile_sorted_sites)(MR_ProfileSort sort,
                                         MR_Block* const* live, UInt n_live,
                                         UInt* n)
{
   MR_AllocSite** sites;
   Keyed*         keyed;
   UInt           i;

   find_oldest_live_blocks(live, n_live);
   sites = (MR_AllocSite**)VG_(HT_to_array)(mr_sites, n);
   keyed = VG_(malloc)("memroot.profile.sorted",
                       (*n ? *n : 1) * sizeof(Keyed));
   for (i = 0; i < *n; i++) {
      keyed[i].key  = sort_value(sites[i], sort);
      keyed[i].site = sites[i];
   }
   VG_(ssort)(keyed, *n, sizeof(Keyed), cmp_keyed);
   if (sites == NULL)
      sites = VG_(malloc)("memroot.profile.sites", sizeof(MR_AllocSite*));
   for (i = 0; i < *n; i++)
      sites[i] = keyed[i].site;
   VG_(free)(keyed);
   return sites;
}

void MR_(profile_print)(UInt top, MR_ProfileSort sort, ULong now,
                        MR_Block* const* live, UInt n_live)
{
   MR_AllocSite** sites;
   UInt           n, i, shown;

   sites = MR_(profile_sorted_sites)(sort, live, n_live, &n);
   shown = n < top ? n : top;

   VG_(umsg)("HEAP PROFILE: %'u of %'u allocation sites, by %s "
             "(time = bytes allocated so far)\n",
             shown, n, MR_(profile_sort_names)[sort]);
   VG_(umsg)("  peak live: %'llu bytes in %'llu blocks at time %'llu; "
             "now %'llu\n", mr_peak_bytes, mr_peak_blocks, mr_peak_time, now);
   VG_(umsg)("\n");
   for (i = 0; i < shown; i++) {
      const MR_AllocSite* s = sites[i];
      VG_(umsg)("site %'u of %'u: %'llu allocs, %'llu bytes allocated\n",
                i + 1, n, s->allocs, s->bytes);
      VG_(umsg)("  live: %'llu bytes in %'llu blocks "
                "(peak %'llu bytes, peak %'llu blocks)\n",
                s->live_bytes, s->live_blocks, s->peak_bytes, s->peak_blocks);
      if (s->live_blocks > 0)
         VG_(umsg)("  oldest live block: age %'llu\n", now - s->oldest_birth);
      VG_(pp_ExeContext)(s->allocated_at);
      VG_(umsg)("\n");
   }
   VG_(free)(sites);
}
