/* memroot datafile: writes the data file.  Each section is one member of
   the top-level object, written from the piece that owns its facts: the
   heap's totals, the loss records (mr_lossrec.h), the heap errors
   (mr_errors.h), the retention report (mr_retain_json.c's members), the
   allocation-site profile and its timeline.  Sections refer to stacks by
   number; the stacks, and the frames they are made of, are written once,
   last, so that a big program's file stays small.  The file is written
   under a temporary name and renamed, so that a reader never sees half
   of one.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_clientstate.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_hashtable.h"
#include "pub_tool_libcfile.h"
#include "pub_tool_libcproc.h"
#include "pub_tool_options.h"
#include "pub_tool_vki.h"
#include "valgrind.h"
#include "mr_datafile.h"
#include "mr_errors.h"
#include "mr_heap.h"
#include "mr_json.h"
#include "mr_lossrec.h"
#include "mr_mempool.h"
#include "mr_origins.h"
#include "mr_profile.h"
#include "mr_retain_report.h"
#include "mr_storesites.h"
#include "mr_suspects.h"
#include "mr_timeline.h"

#ifndef MR_VERSION
#define MR_VERSION "unknown"
#endif

/* Sites whose timeline is written: the ones with the highest peaks. */
#define DF_TIMELINE_SITES 10
/* Allocation sites written per root of the retention report. */
#define DF_RETENTION_SITES 100

/* A stack met while writing: its number, in order of first use. */
typedef struct _DfStack {
   struct _DfStack* next;
   UWord            ecu;     /* key */
   UInt             id;
   ExeContext*      ec;
} DfStack;

/* The frames of one address, one per inlined call level, numbered
   first .. first + n - 1. */
typedef struct _DfIp {
   struct _DfIp* next;
   Addr          ip;         /* key */
   UInt          first, n;
   DiEpoch       ep;         /* of the first stack holding it */
} DfIp;

typedef struct {
   VgFile*      fp;
   VgHashTable* stacks;      /* of DfStack, by ECU */
   XArray*      stack_order; /* of DfStack* */
   VgHashTable* ips;         /* of DfIp, by address */
   XArray*      ip_order;    /* of DfIp* */
   UInt         n_frames;
} Df;

static UInt stack_id(Df* df, ExeContext* ec)
{
   UWord    ecu = VG_(get_ECU_from_ExeContext)(ec);
   DfStack* s   = VG_(HT_lookup)(df->stacks, ecu);
   if (s == NULL) {
      s = VG_(malloc)("memroot.datafile.stack", sizeof(DfStack));
      s->ecu = ecu;
      s->id  = VG_(sizeXA)(df->stack_order);
      s->ec  = ec;
      VG_(HT_add_node)(df->stacks, s);
      VG_(addToXA)(df->stack_order, &s);
   }
   return s->id;
}

static void write_stack_ref(VgFile* fp, ExeContext* ec, void* opaque)
{
   VG_(fprintf)(fp, "%u", stack_id(opaque, ec));
}

static void size_member(VgFile* fp, const HChar* name, ULong bytes,
                        ULong blocks)
{
   VG_(fprintf)(fp, "\"%s\": {\"bytes\": %llu, \"blocks\": %llu}", name,
                bytes, blocks);
}

/* ---------------- sections ---------------- */

static void write_command(Df* df)
{
   VgFile* fp = df->fp;
   Word    i;
   VG_(fprintf)(fp, "\"tool\": {\"name\": \"memroot\", \"version\": \"%s\", "
                "\"valgrind\": \"%d.%d\"},\n", MR_VERSION,
                __VALGRIND_MAJOR__, __VALGRIND_MINOR__);
   VG_(fprintf)(fp, "\"command\": {\"exe\": ");
   MR_(json_string)(fp, VG_(args_the_exename));
   VG_(fprintf)(fp, ", \"args\": [");
   for (i = 0; i < VG_(sizeXA)(VG_(args_for_client)); i++) {
      VG_(fprintf)(fp, "%s", i ? ", " : "");
      MR_(json_string)(fp, *(HChar**)VG_(indexXA)(VG_(args_for_client), i));
   }
   VG_(fprintf)(fp, "], \"valgrind_args\": [");
   for (i = 0; i < VG_(sizeXA)(VG_(args_for_valgrind)); i++) {
      VG_(fprintf)(fp, "%s", i ? ", " : "");
      MR_(json_string)(fp, *(HChar**)VG_(indexXA)(VG_(args_for_valgrind),
                                                  i));
   }
   VG_(fprintf)(fp, "], \"pid\": %d, \"ppid\": %d},\n", VG_(getpid)(),
                VG_(getppid)());
}

static void write_heap(Df* df)
{
   MR_HeapTotals t;
   MR_(heap_totals)(&t);
   VG_(fprintf)(df->fp, "\"heap\": {");
   size_member(df->fp, "in_use", t.in_use_bytes, t.in_use_blocks);
   VG_(fprintf)(df->fp, ", \"allocs\": %llu, \"frees\": %llu, "
                "\"bytes_allocated\": %llu},\n", t.allocs, t.frees,
                t.bytes_allocated);
}

/* The keywords of --show-leak-kinds, which suppressions also use. */
static const HChar* kind_keyword(MR_Reachedness r)
{
   switch (r) {
   case MR_Reachable:    return "reachable";
   case MR_Possible:     return "possible";
   case MR_IndirectLeak: return "indirect";
   case MR_Unreached:    return "definite";
   }
   tl_assert(0);
}

/* With --leak-origins=yes: where the record's first block lost its last
   pointer; the store site is a one-frame stack. */
static void write_last_pointer(Df* df, const MR_LossRecord* lr)
{
   VgFile*        fp = df->fp;
   MR_DropFacts   f;
   MR_HolderBlock hb;
   Bool           with_holder;
   Addr           ip;

   if (!MR_(lr_last_pointer)(lr, &f, &hb, &with_holder))
      return;
   VG_(fprintf)(fp, ", \"last_pointer\": {\"how\": \"%s\"",
                with_holder ? "with-holder" : MR_(drop_how_keyword)(f.how));
   if (with_holder || f.at == NULL || f.how == MR_DropHeld) {
      if (!with_holder && f.how == MR_DropHeld)
         VG_(fprintf)(fp, ", \"held_by\": %u", f.count);
      VG_(fprintf)(fp, "}");
      return;
   }
   VG_(fprintf)(fp, ", \"stack\": %u, \"holder\": {\"kind\": \"%s\", "
                "\"address\": \"0x%lx\", \"name\": ", stack_id(df, f.at),
                MR_(holder_kind_keyword)(f.holder_kind), f.holder);
   MR_(json_string)(fp, f.holder_name);
   if (f.holder_base != 0)
      VG_(fprintf)(fp, ", \"block\": \"0x%lx\", \"block_bytes\": %lu, "
                   "\"block_freed\": true", f.holder_base, f.holder_szB);
   else if (hb.base != 0)
      VG_(fprintf)(fp, ", \"block\": \"0x%lx\", \"block_bytes\": %lu, "
                   "\"block_freed\": false, \"block_record\": %u",
                   hb.base, hb.szB, hb.lr);
   ip = MR_(store_site_ip)(f.store_id);
   if (ip != 0)
      VG_(fprintf)(fp, ", \"stored_at\": %u}}",
                   stack_id(df, VG_(make_ExeContext_from_StackTrace)(&ip, 1)));
   else
      VG_(fprintf)(fp, ", \"stored_by\": \"%s\"}}",
                   MR_(store_site_keyword)(f.store_id));
}

static void write_leak(Df* df)
{
   VgFile*               fp = df->fp;
   MR_LeakCheckMode      mode;
   const MR_LeakSummary* sum = MR_(last_leak_summary)(&mode);
   UInt                  i, n, written = 0;

   if (sum == NULL) {
      VG_(fprintf)(fp, "\"leak\": null,\n");
      return;
   }
   VG_(fprintf)(fp, "\"leak\": {\"check\": %llu, \"mode\": \"%s\", "
                "\"summary\": {", MR_(leak_check_generation)(),
                mode == MR_LC_Full ? "full" : "summary");
   size_member(fp, "definitely_lost", sum->bytes[MR_Unreached],
               sum->blocks[MR_Unreached]);
   VG_(fprintf)(fp, ", ");
   size_member(fp, "indirectly_lost", sum->bytes[MR_IndirectLeak],
               sum->blocks[MR_IndirectLeak]);
   VG_(fprintf)(fp, ", ");
   size_member(fp, "possibly_lost", sum->bytes[MR_Possible],
               sum->blocks[MR_Possible]);
   VG_(fprintf)(fp, ", ");
   size_member(fp, "still_reachable", sum->bytes[MR_Reachable],
               sum->blocks[MR_Reachable]);
   VG_(fprintf)(fp, ", ");
   size_member(fp, "suppressed", sum->suppressed_bytes,
               sum->suppressed_blocks);
   VG_(fprintf)(fp, "},\n \"records\": [");
   n = MR_(lr_count)();
   for (i = 0; i < n; i++) {
      const MR_LossRecord* lr = MR_(lr_get)(i);
      if (MR_(lr_num_blocks)(lr) == 0)
         continue;
      VG_(fprintf)(fp, "%s\n  {\"number\": %u, \"of\": %u, \"kind\": \"%s\", "
                   "\"bytes\": %lu, \"direct_bytes\": %lu, "
                   "\"indirect_bytes\": %lu, \"blocks\": %u, \"stack\": %u, "
                   "\"shown\": %s, \"error\": %s, \"suppressed\": %s",
                   written++ ? "," : "", i + 1, n,
                   kind_keyword(MR_(lr_state)(lr)), MR_(lr_total_bytes)(lr),
                   MR_(lr_direct_bytes)(lr), MR_(lr_indirect_bytes)(lr),
                   MR_(lr_num_blocks)(lr),
                   stack_id(df, MR_(lr_allocated_at)(lr)),
                   MR_(lr_shown)(lr) ? "true" : "false",
                   MR_(lr_is_error)(lr) ? "true" : "false",
                   MR_(lr_suppressed)(lr) ? "true" : "false");
      write_last_pointer(df, lr);
      VG_(fprintf)(fp, "}");
   }
   VG_(fprintf)(fp, "]},\n");
}

static void write_errors(Df* df)
{
   VgFile* fp = df->fp;
   UInt    i, n;
   const MR_RecordedError* const* errs = MR_(recorded_errors)(&n);

   VG_(fprintf)(fp, "\"errors\": [");
   for (i = 0; i < n; i++) {
      const MR_RecordedError* e = errs[i];
      HChar text[256];
      if (e->kind == MR_Err_FishyValue)
         VG_(snprintf)(text, sizeof(text), "Argument '%s' of function %s has "
                       "a fishy (possibly negative) value: %ld", e->argument,
                       e->function, (SSizeT)e->value);
      else
         VG_(snprintf)(text, sizeof(text), "%s", MR_(error_what)(e->kind));
      VG_(fprintf)(fp, "%s\n  {\"kind\": \"%s\", \"text\": ", i ? "," : "",
                   MR_(error_xml_kind)(e->kind));
      MR_(json_string)(fp, text);
      VG_(fprintf)(fp, ", \"address\": \"%#lx\", \"stack\": %u, "
                   "\"count\": %llu, \"suppressed\": %s}", e->address,
                   stack_id(df, e->where), e->count,
                   e->suppressed ? "true" : "false");
   }
   VG_(fprintf)(fp, "],\n");
}

static void write_retention(Df* df, MR_Retention* a)
{
   if (a == NULL) {
      VG_(fprintf)(df->fp, "\"retention\": null,\n");
      return;
   }
   VG_(fprintf)(df->fp, "\"retention\": {");
   MR_(retention_json_members)(df->fp, a, NULL, DF_RETENTION_SITES,
                               write_stack_ref, df);
   VG_(fprintf)(df->fp, "},\n");
}

/* The leak suspects of the retention report, as its options ask: null
   without a report or with --suspects=no. */
static void write_suspects(Df* df, MR_Retention* a)
{
   MR_Suspects* x;
   if (a == NULL || a->params->suspect_ppm == 0) {
      VG_(fprintf)(df->fp, "\"suspects\": null,\n");
      return;
   }
   x = MR_(suspects_of_report)(a, False);
   VG_(fprintf)(df->fp, "\"suspects\": ");
   MR_(suspects_json)(df->fp, a, x, write_stack_ref, df);
   VG_(fprintf)(df->fp, ",\n");
   MR_(suspects_free)(x);
}

/* The sites whose timeline is written: top[0..n) of sites by peak. */
static UInt timeline_sites(MR_AllocSite** by_live, UInt n_sites,
                           MR_AllocSite** top)
{
   UInt i, j, n = 0;
   for (i = 0; i < n_sites; i++) {
      MR_AllocSite* s = by_live[i];
      /* Insertion into the short list, highest peak first, earlier
         sites first among equals. */
      for (j = n; j > 0 && (top[j - 1]->peak_bytes < s->peak_bytes
                            || (top[j - 1]->peak_bytes == s->peak_bytes
                                && top[j - 1]->id > s->id)); j--)
         if (j < DF_TIMELINE_SITES)
            top[j] = top[j - 1];
      if (j < DF_TIMELINE_SITES) {
         top[j] = s;
         if (n < DF_TIMELINE_SITES)
            n++;
      }
   }
   return n;
}

static void write_timeline(Df* df, MR_AllocSite** sites, UInt n_sites)
{
   VgFile* fp = df->fp;
   MR_AllocSite* top[DF_TIMELINE_SITES];
   const MR_TimelineSample* samples;
   UInt i, j, n, n_top;

   samples = MR_(timeline_samples)(&n);
   VG_(fprintf)(fp, "\"timeline\": {\"every\": %llu, \"samples\": [",
                MR_(timeline_every)());
   for (i = 0; i < n; i++)
      VG_(fprintf)(fp, "%s[%llu, %llu, %llu]", i ? (i % 8 ? ", " : ",\n  ")
                   : "\n  ", samples[i].time, samples[i].bytes,
                   samples[i].blocks);
   VG_(fprintf)(fp, "],\n \"sites\": [");
   n_top = timeline_sites(sites, n_sites, top);
   for (i = 0; i < n_top; i++) {
      UInt np, index = 0;
      const MR_TimelinePoint* p = MR_(timeline_points)(top[i]->id, &np);
      for (j = 0; j < n_sites; j++)
         if (sites[j] == top[i])
            index = j;
      VG_(fprintf)(fp, "%s\n  {\"site\": %u, \"points\": [", i ? "," : "",
                   index);
      for (j = 0; j < np; j++)
         /* A point after the last sample (the interval halved since)
            holds from the last one on. */
         VG_(fprintf)(fp, "%s[%u, %llu, %u]", j ? ", " : "",
                      p[j].sample < n ? p[j].sample : n - 1, p[j].bytes,
                      p[j].blocks);
      VG_(fprintf)(fp, "]}");
   }
   VG_(fprintf)(fp, "]},\n");
}

static void write_profile(Df* df)
{
   VgFile*          fp = df->fp;
   MR_ProfileTotals t;
   MR_AllocSite**   sites;
   MR_Block**       live;
   UInt             i, n, n_live, n_heap;
   ULong            now = MR_(heap_bytes_allocated)();

   if (!MR_(profile_is_on)()) {
      VG_(fprintf)(fp, "\"profile\": null,\n\"timeline\": null,\n");
      return;
   }
   MR_(profile_sample_now)(now);
   MR_(profile_totals)(&t);
   live  = MR_(mempool_all_blocks)(&n_live, &n_heap);
   sites = MR_(profile_sorted_sites)(MR_SortLiveBytes, live, n_live, &n);
   VG_(free)(live);
   VG_(fprintf)(fp, "\"profile\": {\"time\": %llu, ", now);
   size_member(fp, "live", t.live_bytes, t.live_blocks);
   VG_(fprintf)(fp, ", \"peak\": {\"bytes\": %llu, \"blocks\": %llu, "
                "\"time\": %llu},\n \"sites\": [", t.peak_bytes,
                t.peak_blocks, t.peak_time);
   for (i = 0; i < n; i++) {
      const MR_AllocSite* s = sites[i];
      VG_(fprintf)(fp, "%s\n  {\"stack\": %u, \"allocs\": %llu, "
                   "\"bytes\": %llu, \"live_bytes\": %llu, "
                   "\"live_blocks\": %llu, \"peak_bytes\": %llu, "
                   "\"peak_blocks\": %llu, \"at_peak_bytes\": %llu, "
                   "\"at_peak_blocks\": %llu, \"oldest_age\": ",
                   i ? "," : "", stack_id(df, s->allocated_at), s->allocs,
                   s->bytes, s->live_bytes, s->live_blocks, s->peak_bytes,
                   s->peak_blocks, s->at_peak_bytes, s->at_peak_blocks);
      if (s->live_blocks > 0)
         VG_(fprintf)(fp, "%llu}", now - s->oldest_birth);
      else
         VG_(fprintf)(fp, "null}");
   }
   VG_(fprintf)(fp, "]},\n");
   write_timeline(df, sites, n);
   VG_(free)(sites);
}

/* ---------------- stacks and frames ---------------- */

static void collect_ip(UInt i, DiEpoch ep, Addr ip, void* opaque)
{
   Df*   df = opaque;
   DfIp* d  = VG_(HT_lookup)(df->ips, ip);
   if (d == NULL) {
      InlIPCursor* iipc = VG_(new_IIPC)(ep, ip);
      d = VG_(malloc)("memroot.datafile.ip", sizeof(DfIp));
      d->ip    = ip;
      d->ep    = ep;
      d->first = df->n_frames;
      d->n     = 0;
      do
         d->n++;
      while (VG_(next_IIPC)(iipc));
      VG_(delete_IIPC)(iipc);
      df->n_frames += d->n;
      VG_(HT_add_node)(df->ips, d);
      VG_(addToXA)(df->ip_order, &d);
   }
   VG_(fprintf)(df->fp, "%s%u", i ? ", " : "", d->first);
   for (i = 1; i < d->n; i++)
      VG_(fprintf)(df->fp, ", %u", d->first + i);
}

static void write_stacks(Df* df)
{
   Word i;
   VG_(fprintf)(df->fp, "\"stacks\": [");
   /* The list grows no more: every section is written. */
   for (i = 0; i < VG_(sizeXA)(df->stack_order); i++) {
      DfStack* s = *(DfStack**)VG_(indexXA)(df->stack_order, i);
      VG_(fprintf)(df->fp, "%s[", i ? (i % 4 ? ", " : ",\n  ") : "\n  ");
      VG_(apply_ExeContext)(collect_ip, df, s->ec);
      VG_(fprintf)(df->fp, "]");
   }
   VG_(fprintf)(df->fp, "],\n");
}

/* One frame out of the core's description of it (the only way to the
   inlined levels): "0xADDR: fn (file:line)", "0xADDR: fn (in object)"
   or "0xADDR: ???". */
static void write_frame(VgFile* fp, Addr ip, Bool inlined, const HChar* desc)
{
   const HChar* rest = VG_(strstr)(desc, ": ");
   const HChar* open = NULL;
   const HChar* p;
   SizeT        len;
   HChar        fn[512];

   rest = rest ? rest + 2 : desc;
   len = VG_(strlen)(rest);
   if (len > 0 && rest[len - 1] == ')')
      for (p = rest; (p = VG_(strstr)(p, " (")) != NULL; p++)
         open = p;
   len = open ? (SizeT)(open - rest) : len;
   if (len >= sizeof(fn))
      len = sizeof(fn) - 1;
   VG_(strncpy)(fn, rest, len);
   fn[len] = '\0';
   VG_(fprintf)(fp, "{\"ip\": \"%#lx\", \"function\": ", ip);
   MR_(json_string)(fp, VG_STREQ(fn, "???") ? NULL : fn);
   if (inlined)
      VG_(fprintf)(fp, ", \"inlined\": true");
   if (open != NULL && !VG_STREQN(4, open + 2, "in ")) {
      /* "(file:line)": the line after the last colon. */
      const HChar* inner = open + 2;
      const HChar* colon = NULL;
      HChar        file[512];
      for (p = inner; *p != '\0' && *p != ')'; p++)
         if (*p == ':')
            colon = p;
      if (colon != NULL && (SizeT)(colon - inner) < sizeof(file)) {
         VG_(strncpy)(file, inner, colon - inner);
         file[colon - inner] = '\0';
         VG_(fprintf)(fp, ", \"file\": ");
         MR_(json_string)(fp, file);
         VG_(fprintf)(fp, ", \"line\": %llu", VG_(strtoull10)(colon + 1, NULL));
      }
   }
}

static void write_frames(Df* df)
{
   VgFile* fp = df->fp;
   Word    i;
   UInt    n = 0;
   /* The description is plain text only outside XML mode. */
   Bool    xml = VG_(clo_xml);

   VG_(clo_xml) = False;
   VG_(fprintf)(fp, "\"frames\": [");
   for (i = 0; i < VG_(sizeXA)(df->ip_order); i++) {
      DfIp*        d  = *(DfIp**)VG_(indexXA)(df->ip_order, i);
      DiEpoch      ep = d->ep;
      InlIPCursor* iipc = VG_(new_IIPC)(ep, d->ip);
      const HChar* obj;
      UInt         level = 0;
      do {
         VG_(fprintf)(fp, "%s", n++ ? ",\n  " : "\n  ");
         write_frame(fp, d->ip, level + 1 < d->n,
                     VG_(describe_IP)(ep, d->ip, iipc));
         VG_(fprintf)(fp, ", \"object\": ");
         MR_(json_string)(fp, VG_(get_objname)(ep, d->ip, &obj) ? obj : NULL);
         VG_(fprintf)(fp, "}");
         level++;
      } while (VG_(next_IIPC)(iipc));
      VG_(delete_IIPC)(iipc);
      tl_assert(level == d->n);
   }
   VG_(fprintf)(fp, "]\n");
   VG_(clo_xml) = xml;
}

Bool MR_(datafile_dump)(const HChar* name, const HChar* reason,
                        const MR_SearchParams* sp,
                        const MR_RetentionParams* rp)
{
   MR_Search*    s;
   MR_Retention* a;
   Bool          ok;
   if (rp == NULL)
      return MR_(datafile_write)(name, reason, NULL);
   s = MR_(leak_search)(sp);
   if (s->interrupted) {
      MR_(search_free)(s);
      return False;
   }
   a = MR_(retention_attribute)(s);
   MR_(retention_select)(a, rp);
   ok = MR_(datafile_write)(name, reason, a);
   MR_(retention_free)(a);
   MR_(search_free)(s);
   return ok;
}

Bool MR_(datafile_write)(const HChar* name, const HChar* reason,
                         MR_Retention* a)
{
   HChar tmp[VG_(strlen)(name) + 32];
   Df    df;

   VG_(sprintf)(tmp, "%s.tmp.%d", name, VG_(getpid)());
   df.fp = VG_(fopen)(tmp, VKI_O_CREAT | VKI_O_TRUNC | VKI_O_WRONLY,
                      VKI_S_IRUSR | VKI_S_IWUSR | VKI_S_IRGRP | VKI_S_IROTH);
   if (df.fp == NULL) {
      VG_(umsg)("Error: can't create the data file '%s'\n", name);
      return False;
   }
   df.stacks      = VG_(HT_construct)("memroot.datafile.stacks");
   df.stack_order = VG_(newXA)(VG_(malloc), "memroot.datafile.order",
                               VG_(free), sizeof(DfStack*));
   df.ips         = VG_(HT_construct)("memroot.datafile.ips");
   df.ip_order    = VG_(newXA)(VG_(malloc), "memroot.datafile.iporder",
                               VG_(free), sizeof(DfIp*));
   df.n_frames    = 0;

   VG_(fprintf)(df.fp, "{\"memroot_data\": %d,\n\"reason\": ",
                MR_DATAFILE_VERSION);
   MR_(json_string)(df.fp, reason);
   VG_(fprintf)(df.fp, ",\n\"time\": %llu,\n", MR_(heap_bytes_allocated)());
   write_command(&df);
   write_heap(&df);
   write_leak(&df);
   write_errors(&df);
   write_retention(&df, a);
   write_suspects(&df, a);
   write_profile(&df);
   write_stacks(&df);
   write_frames(&df);
   VG_(fprintf)(df.fp, "}\n");
   VG_(fclose)(df.fp);

   VG_(HT_destruct)(df.stacks, VG_(free));
   VG_(deleteXA)(df.stack_order);
   VG_(HT_destruct)(df.ips, VG_(free));
   VG_(deleteXA)(df.ip_order);
   if (VG_(rename)(tmp, name) != 0) {
      VG_(unlink)(tmp);
      VG_(umsg)("Error: can't write the data file '%s'\n", name);
      return False;
   }
   return True;
}
