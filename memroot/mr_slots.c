/* memroot slots: the pointer-slot shadow.  Updated by the store helpers
   the instrumentation calls and by Valgrind's memory events; read by the
   leak checker.  See docs/pointer-tracking.md. */

#include "pub_tool_aspacemgr.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_options.h"
#include "pub_tool_hashtable.h"
#include "pub_tool_machine.h"
#include "pub_tool_tooliface.h"
#include "pub_tool_vki.h"
#include "memroot.h"
#include "mr_heap.h"
#include "mr_slots.h"
#include "mr_vgcompat.h"

/* The shadow is a three-level sparse map over the 48-bit user address
   space: a static top level indexed by bits 47..32, middle maps indexed by
   bits 31..16, and secondaries holding one site id (0 = unmarked) per
   word of a 64 KiB chunk.  Middle maps and secondaries are made only when
   a word in their range is first marked, so memory that never holds a
   heap pointer costs nothing. */
/* The client sees the special sites through memroot.h. */
STATIC_ASSERT(MR_SITE_NONE == MEMROOT_SLOT_UNMARKED);
STATIC_ASSERT(MR_SITE_SYSCALL == MEMROOT_SLOT_SYSCALL);
STATIC_ASSERT(MR_SITE_STARTUP == MEMROOT_SLOT_STARTUP);
STATIC_ASSERT(MR_SITE_CORE == MEMROOT_SLOT_CORE);

#define MR_ADDR_BITS  48
#define SEC_SHIFT     16
#define SEC_BYTES     (1UL << SEC_SHIFT)
#define SEC_WORDS     (SEC_BYTES / 8)
#define MID_SHIFT     32
#define MID_ENTRIES   (1UL << (MID_SHIFT - SEC_SHIFT))
#define TOP_ENTRIES   (1UL << (MR_ADDR_BITS - MID_SHIFT))
#define ADDR_LIMIT    (1UL << MR_ADDR_BITS)

typedef struct { UInt site[SEC_WORDS]; } SecMap;
typedef struct { SecMap* sec[MID_ENTRIES]; } MidMap;

static MidMap* top_map[TOP_ENTRIES];

/* Fresh anonymous pages: zero, and not resident until touched. */
static void* shadow_alloc(SizeT szB)
{
   return MR_(vg_shadow_alloc)("memroot.slots", szB);
}

static inline UWord word_index(Addr a)
{
   return (a >> 3) & (SEC_WORDS - 1);
}

static inline SecMap* sec_get(Addr a)
{
   MidMap* mid;
   if (UNLIKELY(a >= ADDR_LIMIT))
      return NULL;
   mid = top_map[a >> MID_SHIFT];
   return mid ? mid->sec[(a >> SEC_SHIFT) & (MID_ENTRIES - 1)] : NULL;
}

static SecMap* sec_get_or_make(Addr a)
{
   MidMap** mid;
   SecMap** sec;
   if (UNLIKELY(a >= ADDR_LIMIT))
      return NULL;
   mid = &top_map[a >> MID_SHIFT];
   if (UNLIKELY(*mid == NULL))
      *mid = shadow_alloc(sizeof(MidMap));
   sec = &(*mid)->sec[(a >> SEC_SHIFT) & (MID_ENTRIES - 1)];
   if (UNLIKELY(*sec == NULL))
      *sec = shadow_alloc(sizeof(SecMap));
   return *sec;
}

static inline void set_site(Addr a, UInt site)
{
   SecMap* sec = sec_get_or_make(a);
   if (LIKELY(sec != NULL))
      sec->site[word_index(a)] = site;
}

/* Unmarks every word that overlaps [a, a+len): a word that is only partly
   live cannot hold a whole pointer, as under Memcheck. */
static void clear_words(Addr a, SizeT len)
{
   Addr w, end;
   if (len == 0 || a >= ADDR_LIMIT)
      return;
   w   = VG_ROUNDDN(a, 8);
   end = len > ADDR_LIMIT - a ? ADDR_LIMIT : VG_ROUNDUP(a + len, 8);
   while (w < end) {
      Addr    stop = VG_ROUNDDN(w, SEC_BYTES) + SEC_BYTES;
      SecMap* sec  = sec_get(w);
      if (stop > end)
         stop = end;
      if (sec != NULL) {
         UWord i, n = (stop - w) / 8;
         UInt* s = &sec->site[word_index(w)];
         for (i = 0; i < n; i++)
            s[i] = MR_SITE_NONE;
      }
      w = stop;
   }
}

static inline Bool in_heap_range(UWord v)
{
   return v - MR_(heap_lo) < MR_(heap_hi) - MR_(heap_lo);
}

/* Marks each word overlapping [a, a+len) whose current value lies in the
   heap range.  Every such word holds a byte of the range, so it lies in a
   page that holds the range: readable whenever the range is. */
static void mark_heap_values(Addr a, SizeT len, UInt site)
{
   Addr w, end;
   if (len == 0 || MR_(heap_hi) == 0 || a >= ADDR_LIMIT
       || len > ADDR_LIMIT - a)
      return;
   end = VG_ROUNDUP(a + len, 8);
   for (w = VG_ROUNDDN(a, 8); w < end; w += 8)
      if (in_heap_range(*(UWord*)w))
         set_site(w, site);
}

/* The same for memory the core reports written: only when readable. */
static void mark_written_range(Addr a, SizeT len, UInt site)
{
   if (len > 0 && MR_(heap_hi) != 0
       && VG_(am_is_valid_for_client)(a, len, VKI_PROT_READ))
      mark_heap_values(a, len, site);
}

/*------------------------------------------------------------*/
/*--- Store sites                                          ---*/
/*------------------------------------------------------------*/

/* A site is one store instruction; its id is given once, when the first
   translation holding it is instrumented, and kept if it is retranslated. */
typedef struct _SiteNode {
   struct _SiteNode* next;
   UWord             ip;   /* hash key */
   UInt              id;
} SiteNode;

typedef struct {
   Addr    ip;
   DiEpoch ep;             /* to describe ip even after its code is gone */
} Site;

static VgHashTable* site_by_ip;
static Site*        sites;
static UInt         n_sites, sites_cap;

UInt MR_(site_of_store)(Addr ip)
{
   SiteNode* n = VG_(HT_lookup)(site_by_ip, ip);
   if (n != NULL)
      return n->id;
   if (n_sites == sites_cap) {
      sites_cap = sites_cap == 0 ? 1024 : 2 * sites_cap;
      sites = VG_(realloc)("memroot.sites", sites, sites_cap * sizeof(Site));
   }
   /* Ids are 32-bit: the translation cache holds far fewer stores. */
   tl_assert(n_sites < 0xFFFFFFFFu - MR_SITE_FIRST_STORE);
   sites[n_sites].ip = ip;
   sites[n_sites].ep = VG_(current_DiEpoch)();
   n = VG_(malloc)("memroot.site_node", sizeof(SiteNode));
   n->ip = ip;
   n->id = MR_SITE_FIRST_STORE + n_sites++;
   VG_(HT_add_node)(site_by_ip, n);
   return n->id;
}

Addr MR_(slot_site_ip)(UInt site)
{
   if (site < MR_SITE_FIRST_STORE)
      return 0;
   tl_assert(site - MR_SITE_FIRST_STORE < n_sites);
   return sites[site - MR_SITE_FIRST_STORE].ip;
}

/* The same as an element inside an XML <error>: memroot's own fact,
   which readers of Memcheck's XML skip. */
static void pp_slot_site_xml(UInt site)
{
   const HChar *fn, *file, *dir;
   UInt        line;
   const Site* s;

   switch (site) {
   case MR_SITE_NONE:    VG_(printf_xml)("    <storedby>none</storedby>\n"); return;
   case MR_SITE_SYSCALL: VG_(printf_xml)("    <storedby>syscall</storedby>\n"); return;
   case MR_SITE_STARTUP: VG_(printf_xml)("    <storedby>startup</storedby>\n"); return;
   case MR_SITE_CORE:    VG_(printf_xml)("    <storedby>valgrind</storedby>\n"); return;
   }
   tl_assert(site - MR_SITE_FIRST_STORE < n_sites);
   s = &sites[site - MR_SITE_FIRST_STORE];
   VG_(printf_xml)("    <storedat>\n      <ip>0x%lX</ip>\n", s->ip);
   if (VG_(get_fnname)(s->ep, s->ip, &fn))
      VG_(printf_xml)("      <fn>%pS</fn>\n", fn);
   if (VG_(get_filename_linenum)(s->ep, s->ip, &file, &dir, &line))
      VG_(printf_xml)("      <dir>%pS</dir>\n      <file>%pS</file>\n"
                      "      <line>%u</line>\n", dir, file, line);
   VG_(printf_xml)("    </storedat>\n");
}

void MR_(pp_slot_site)(const HChar* indent, UInt site)
{
   const Site* s;
   if (VG_(clo_xml)) {
      pp_slot_site_xml(site);
      return;
   }
   switch (site) {
   case MR_SITE_NONE:
      VG_(umsg)("%snot stored since the memory became live\n", indent);
      return;
   case MR_SITE_SYSCALL:
      VG_(umsg)("%swritten by a system call\n", indent);
      return;
   case MR_SITE_STARTUP:
      VG_(umsg)("%spresent at start-up\n", indent);
      return;
   case MR_SITE_CORE:
      VG_(umsg)("%swritten by Valgrind (signal frame or heap copy)\n", indent);
      return;
   default:
      tl_assert(site - MR_SITE_FIRST_STORE < n_sites);
      s = &sites[site - MR_SITE_FIRST_STORE];
      {
         /* The innermost (inlined) function is the one that stored. */
         InlIPCursor* iipc = VG_(new_IIPC)(s->ep, s->ip);
         VG_(umsg)("%sstored at %s\n", indent,
                   VG_(describe_IP)(s->ep, s->ip, iipc));
         VG_(delete_IIPC)(iipc);
      }
   }
}

/*------------------------------------------------------------*/
/*--- Queries and the heap's operations                    ---*/
/*------------------------------------------------------------*/

UInt MR_(slot_site)(Addr a)
{
   SecMap* sec;
   tl_assert(VG_IS_8_ALIGNED(a));
   sec = sec_get(a);
   return sec ? sec->site[word_index(a)] : MR_SITE_NONE;
}

Bool MR_(slot_is_marked)(Addr a)
{
   return MR_(slot_site)(a) != MR_SITE_NONE;
}

void MR_(slots_clear)(Addr a, SizeT len)
{
   clear_words(a, len);
}

/* Words of dst wholly inside [dst, dst+len) take the site of the source
   word at the same offset; a source at another alignment modulo 8 puts no
   pointer at an aligned position, and partial words hold no pointer.
   src and dst do not overlap. */
void MR_(slots_copy)(Addr src, Addr dst, SizeT len)
{
   Addr w, end;
   if (len == 0)
      return;
   if (!VG_IS_8_ALIGNED(src - dst) || dst >= ADDR_LIMIT
       || len > ADDR_LIMIT - dst) {
      clear_words(dst, len);
      return;
   }
   w   = VG_ROUNDUP(dst, 8);
   end = VG_ROUNDDN(dst + len, 8);
   if (w >= end) {
      clear_words(dst, len);
      return;
   }
   clear_words(dst, w - dst);
   clear_words(end, dst + len - end);
   while (w < end) {
      Addr    sw   = w - dst + src;
      Addr    stop = end;
      SecMap* ssec = sec_get(sw);
      if (stop - w > SEC_BYTES - (w & (SEC_BYTES - 1)))
         stop = w + SEC_BYTES - (w & (SEC_BYTES - 1));
      if (stop - w > SEC_BYTES - (sw & (SEC_BYTES - 1)))
         stop = w + SEC_BYTES - (sw & (SEC_BYTES - 1));
      if (ssec == NULL) {
         clear_words(w, stop - w);
      } else {
         for (; w < stop; w += 8, sw += 8) {
            UInt site = ssec->site[word_index(sw)];
            if (site != MR_SITE_NONE)
               set_site(w, site);
            else
               clear_words(w, 8);
         }
      }
      w = stop;
   }
}

/*------------------------------------------------------------*/
/*--- Store helpers (called from instrumented code)        ---*/
/*------------------------------------------------------------*/

VG_REGPARM(2) void MR_(helperc_store8)(Addr a, UWord site)
{
   if (LIKELY(VG_IS_8_ALIGNED(a)))
      set_site(a, site);
   else
      mark_heap_values(a, 8, site);
}

VG_REGPARM(3) void MR_(helperc_store_range)(Addr a, UWord len, UWord site)
{
   mark_heap_values(a, len, site);
}

/*------------------------------------------------------------*/
/*--- Memory events                                        ---*/
/*------------------------------------------------------------*/

/* The stack below SP - redzone is dead and kept unmarked: every rise of
   SP unmarks what it leaves below.  So stack growth needs no event (the
   memory it makes live is unmarked already), which halves the calls
   instrumented code makes at SP changes.  The core reports SP moves with
   the redzone left out, as Memcheck assumes. */
#define RZ VG_STACK_REDZONE_SZB

/* The common case of an SP rise: a few words inside one secondary. */
static inline void clear_few_words(Addr a, SizeT len)
{
   Addr    w   = VG_ROUNDDN(a, 8);
   Addr    end = VG_ROUNDUP(a + len, 8);
   SecMap* sec;
   UWord   i;
   if (UNLIKELY((w >> SEC_SHIFT) != ((end - 1) >> SEC_SHIFT))) {
      clear_words(a, len);
      return;
   }
   sec = sec_get(w);
   if (sec != NULL)
      for (i = word_index(w); w < end; w += 8, i++)
         sec->site[i] = MR_SITE_NONE;
}

/* A rise clears the words it kills and the red zone below the new SP:
   after a return, what a callee left there is dead (Memcheck makes it
   undefined at every call and return, from VEX's AbiHints).  Without
   this, a pointer a callee left in its caller's red zone would stay
   marked when a later call's frame covers that word. */
#define MR_DIE_STACK(n)                                            \
   static VG_REGPARM(1) void die_stack_##n(Addr new_SP)             \
   {                                                                \
      clear_few_words(new_SP - RZ - n, n + RZ);                     \
   }

MR_DIE_STACK(4)
MR_DIE_STACK(8)
MR_DIE_STACK(12)
MR_DIE_STACK(16)
MR_DIE_STACK(32)
MR_DIE_STACK(112)
MR_DIE_STACK(128)
MR_DIE_STACK(144)
MR_DIE_STACK(160)

static void die_stack(Addr a, SizeT len)
{
   clear_words(a - RZ, len + RZ);
}

static void new_mem_tid(Addr a, SizeT len, ThreadId tid)
{
   clear_words(a, len);
}

static void new_mem_mmap(Addr a, SizeT len, Bool rr, Bool ww, Bool xx,
                         ULong di_handle)
{
   clear_words(a, len);
}

static void new_mem_startup(Addr a, SizeT len, Bool rr, Bool ww, Bool xx,
                            ULong di_handle)
{
   clear_words(a, len);
   if (rr)
      mark_written_range(a, len, MR_SITE_STARTUP);
}

static void post_mem_write(CorePart part, ThreadId tid, Addr a, SizeT len)
{
   UInt site = part == Vg_CoreSysCall ? MR_SITE_SYSCALL
             : part == Vg_CoreStartup ? MR_SITE_STARTUP
             : MR_SITE_CORE;
   mark_written_range(a, len, site);
}

/* Unmarks a thread's stack from its lowest byte up to (below) limit. */
static void clear_stack_below(ThreadId tid, Addr limit)
{
   Addr  max = VG_(thread_get_stack_max)(tid);
   SizeT szB = VG_(thread_get_stack_size)(tid);
   if (szB > 0 && max >= szB && limit > max - szB + 1 && limit <= max + 1)
      clear_words(max - szB + 1, limit - (max - szB + 1));
}

/* Nothing runs on a dead thread's stack again, red zone included. */
static void thread_exit(ThreadId tid)
{
   clear_stack_below(tid, VG_(get_SP)(tid));
}

/* A new thread may run on a stack a dead one used (glibc caches thread
   stacks): what that thread left above its last SP is dead now. */
static void thread_start(ThreadId tid)
{
   clear_stack_below(tid, VG_(get_SP)(tid) - RZ);
}

void MR_(slots_register_events)(void)
{
   VG_(track_new_mem_startup)      (new_mem_startup);
   VG_(track_new_mem_mmap)         (new_mem_mmap);
   VG_(track_new_mem_brk)          (new_mem_tid);
   VG_(track_new_mem_stack_signal) (new_mem_tid);
   VG_(track_die_mem_munmap)       (MR_(slots_clear));
   VG_(track_die_mem_brk)          (MR_(slots_clear));
   VG_(track_die_mem_stack_signal) (MR_(slots_clear));
   VG_(track_copy_mem_remap)       (MR_(slots_copy));
   VG_(track_post_mem_write)       (post_mem_write);
   VG_(track_pre_thread_ll_exit)   (thread_exit);

   VG_(track_pre_thread_first_insn) (thread_start);

   VG_(track_die_mem_stack_4)   (die_stack_4);
   VG_(track_die_mem_stack_8)   (die_stack_8);
   VG_(track_die_mem_stack_12)  (die_stack_12);
   VG_(track_die_mem_stack_16)  (die_stack_16);
   VG_(track_die_mem_stack_32)  (die_stack_32);
   VG_(track_die_mem_stack_112) (die_stack_112);
   VG_(track_die_mem_stack_128) (die_stack_128);
   VG_(track_die_mem_stack_144) (die_stack_144);
   VG_(track_die_mem_stack_160) (die_stack_160);
   VG_(track_die_mem_stack)     (die_stack);
}

/*------------------------------------------------------------*/
/*--- Client requests                                      ---*/
/*------------------------------------------------------------*/

Bool MR_(slots_handle_client_request)(ThreadId tid, UWord* arg, UWord* ret)
{
   Addr w;
   UInt site;
   switch (arg[0]) {
   case VG_USERREQ__MEMROOT_GET_SLOT_SITE:
   case VG_USERREQ__MEMROOT_PRINT_SLOT_SITE:
      w    = VG_ROUNDDN(arg[1], 8);
      site = MR_(slot_site)(w);
      if (arg[0] == VG_USERREQ__MEMROOT_PRINT_SLOT_SITE) {
         VG_(umsg)("Word at %#lx:\n", w);
         MR_(pp_slot_site)("   ", site);
         *ret = 0;
      } else {
         *ret = site < MR_SITE_FIRST_STORE ? site : MR_(slot_site_ip)(site);
      }
      return True;
   default:
      return False;
   }
}

void MR_(slots_init)(void)
{
   site_by_ip = VG_(HT_construct)("memroot.sites");
}
