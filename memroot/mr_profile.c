/* memroot profile: per allocation stack, how much it allocated and how
   much of it is live, with peaks.  The clock is the number of bytes the
   program has allocated so far (the HEAP SUMMARY's "bytes allocated"), so
   two runs of a deterministic program give the same numbers.  The hot
   path is one hash lookup per allocation or free; only the report walks
   the heap (for the ages of the oldest live blocks). */

#include "pub_tool_hashtable.h"
#include "pub_tool_options.h"
#include "mr_mempool.h"
#include "mr_profile.h"

typedef struct _MR_Site {
   struct _MR_Site* next;
   UWord            ecu;          /* key: the ExeContext's unique number */
   ExeContext*      where;
   ULong            allocs;
   ULong            bytes;
   ULong            live_blocks, peak_blocks;
   ULong            live_bytes,  peak_bytes;
   ULong            oldest_birth; /* filled in by the report only */
} MR_Site;

typedef enum {
   MR_SortLiveBytes, MR_SortPeakBytes, MR_SortBytes,
   MR_SortAllocs, MR_SortLiveBlocks, MR_SortPeakBlocks
} MR_SortKey;

static const HChar* const sort_names[] = {
   "live-bytes", "peak-bytes", "bytes", "allocs", "live-blocks", "peak-blocks"
};

static Bool       mr_clo_profile = False;
static Long       mr_clo_top     = 10;
static MR_SortKey mr_clo_sort    = MR_SortLiveBytes;

static VgHashTable* mr_sites;

/* Whole run: live now, and the peak of live bytes with the clock then. */
static ULong mr_live_bytes, mr_live_blocks;
static ULong mr_peak_bytes, mr_peak_blocks, mr_peak_time;

void MR_(profile_init)(void)
{
   mr_sites = VG_(HT_construct)("memroot.sites");
}

Bool MR_(profile_process_cmd_line_option)(const HChar* arg)
{
   const HChar* key = NULL;
   Int          i;

   if VG_BOOL_CLO(arg, "--heap-profile", mr_clo_profile) {}
   else if VG_BINT_CLO(arg, "--heap-profile-top", mr_clo_top, 1, 1000000) {}
   else if VG_STR_CLO(arg, "--heap-profile-sort", key) {
      for (i = 0; i < sizeof(sort_names) / sizeof(sort_names[0]); i++) {
         if (VG_STREQ(key, sort_names[i])) {
            mr_clo_sort = i;
            return True;
         }
      }
      VG_(fmsg_bad_option)(arg, "expected one of live-bytes, peak-bytes, "
                           "bytes, allocs, live-blocks, peak-blocks\n");
   }
   else return False;
   return True;
}

void MR_(profile_print_usage)(void)
{
   VG_(printf)(
"    --heap-profile=no|yes            print allocation sites at exit [no]\n"
"    --heap-profile-top=<number>      how many sites to print [10]\n"
"    --heap-profile-sort=live-bytes|peak-bytes|bytes|allocs|live-blocks|peak-blocks\n"
"                                     order of the sites [live-bytes]\n"
   );
}

static MR_Site* site_of(const MR_Block* b)
{
   UWord    ecu = VG_(get_ECU_from_ExeContext)(b->where);
   MR_Site* s   = VG_(HT_lookup)(mr_sites, ecu);
   if (s == NULL) {
      s = VG_(calloc)("memroot.site", 1, sizeof(MR_Site));
      s->ecu   = ecu;
      s->where = b->where;
      VG_(HT_add_node)(mr_sites, s);
   }
   return s;
}

static void add_live(MR_Site* s, Long d_blocks, Long d_bytes)
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
      mr_peak_time   = MR_(heap_bytes_allocated)();
   }
}

void MR_(profile_alloc)(const MR_Block* b)
{
   MR_Site* s = site_of(b);
   s->allocs++;
   s->bytes += b->szB;
   add_live(s, 1, b->szB);
}

void MR_(profile_free)(const MR_Block* b)
{
   add_live(site_of(b), -1, -(Long)b->szB);
}

void MR_(profile_resize)(const MR_Block* b, SizeT old_szB)
{
   add_live(site_of(b), 0, (Long)b->szB - (Long)old_szB);
}

static ULong sort_value(const MR_Site* s)
{
   switch (mr_clo_sort) {
      case MR_SortLiveBytes:  return s->live_bytes;
      case MR_SortPeakBytes:  return s->peak_bytes;
      case MR_SortBytes:      return s->bytes;
      case MR_SortAllocs:     return s->allocs;
      case MR_SortLiveBlocks: return s->live_blocks;
      case MR_SortPeakBlocks: return s->peak_blocks;
   }
   tl_assert(0);
}

/* Largest first; equal keys in order of first allocation. */
static Int cmp_sites(const void* a, const void* b)
{
   const MR_Site* x = *(const MR_Site* const*)a;
   const MR_Site* y = *(const MR_Site* const*)b;
   ULong vx = sort_value(x), vy = sort_value(y);
   if (vx != vy)
      return vx > vy ? -1 : 1;
   return x->ecu < y->ecu ? -1 : x->ecu > y->ecu ? 1 : 0;
}

static void note_oldest(const MR_Block* b)
{
   MR_Site* s = site_of(b);
   if (b->u.birth < s->oldest_birth)
      s->oldest_birth = b->u.birth;
}

static void find_oldest_live_blocks(void)
{
   VgHashTable* heap = MR_(heap_blocks)();
   MR_Block*    b;
   MR_Block**   chunks;
   UInt         n, i;
   MR_Site*     s;

   VG_(HT_ResetIter)(mr_sites);
   while ((s = VG_(HT_Next)(mr_sites)) != NULL)
      s->oldest_birth = ~0ULL;
   VG_(HT_ResetIter)(heap);
   while ((b = VG_(HT_Next)(heap)) != NULL)
      note_oldest(b);
   chunks = MR_(mempool_chunks)(&n);
   for (i = 0; i < n; i++)
      note_oldest(chunks[i]);
   if (chunks != NULL)
      VG_(free)(chunks);
}

void MR_(profile_print)(void)
{
   MR_Site** sites;
   UInt      n, i, shown;
   ULong     now = MR_(heap_bytes_allocated)();

   if (!mr_clo_profile || VG_(clo_xml))
      return;
   find_oldest_live_blocks();
   sites = (MR_Site**)VG_(HT_to_array)(mr_sites, &n);
   VG_(ssort)(sites, n, sizeof(MR_Site*), cmp_sites);
   shown = n < mr_clo_top ? n : (UInt)mr_clo_top;

   VG_(umsg)("HEAP PROFILE: %'u of %'u allocation sites, by %s "
             "(time = bytes allocated so far)\n",
             shown, n, sort_names[mr_clo_sort]);
   VG_(umsg)("  peak live: %'llu bytes in %'llu blocks at time %'llu; "
             "now %'llu\n", mr_peak_bytes, mr_peak_blocks, mr_peak_time, now);
   VG_(umsg)("\n");
   for (i = 0; i < shown; i++) {
      MR_Site* s = sites[i];
      VG_(umsg)("site %'u of %'u: %'llu allocs, %'llu bytes allocated\n",
                i + 1, n, s->allocs, s->bytes);
      VG_(umsg)("  live: %'llu bytes in %'llu blocks "
                "(peak %'llu bytes, peak %'llu blocks)\n",
                s->live_bytes, s->live_blocks, s->peak_bytes, s->peak_blocks);
      if (s->live_blocks > 0)
         VG_(umsg)("  oldest live block: age %'llu\n", now - s->oldest_birth);
      VG_(pp_ExeContext)(s->where);
      VG_(umsg)("\n");
   }
   if (sites != NULL)
      VG_(free)(sites);
}
