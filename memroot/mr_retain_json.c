/* memroot retain json: the retention report as JSON members, written
   into an open file: the retention file (--retention-file, laid out in
   docs/retention.md) and the data file's retention section.  Stacks are
   written by the caller: inline frames in the first, references in the
   second.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_debuginfo.h"
#include "pub_tool_execontext.h"
#include "pub_tool_libcfile.h"
#include "pub_tool_libcproc.h"
#include "pub_tool_vki.h"
#include "mr_json.h"
#include "mr_retain_render.h"
#include "mr_slots.h"
#include "mr_storesites.h"

/* What the members are written with. */
typedef struct {
   VgFile*            fp;
   UInt               max_sites;
   MR_JsonStackWriter write_stack;
   void*              opaque;
} JsonOut;

static void json_size(VgFile* fp, const HChar* name, MR_Size s)
{
   VG_(fprintf)(fp, "\"%s\": {\"bytes\": %lu, \"blocks\": %u}", name,
                s.bytes, s.blocks);
}

/* "ip", "function", and "file" and "line" when known. */
static void json_code_location(VgFile* fp, DiEpoch ep, Addr ip)
{
   const HChar *fn, *file, *dir;
   UInt         line;
   VG_(fprintf)(fp, "\"ip\": \"%#lx\", \"function\": ", ip);
   MR_(json_string)(fp, VG_(get_fnname)(ep, ip, &fn) ? fn : NULL);
   if (VG_(get_filename_linenum)(ep, ip, &file, &dir, &line)) {
      VG_(fprintf)(fp, ", \"file\": ");
      MR_(json_string)(fp, file);
      VG_(fprintf)(fp, ", \"line\": %u", line);
   }
}

static void json_frame(UInt i, DiEpoch ep, Addr ip, void* opaque)
{
   VgFile* fp = opaque;
   VG_(fprintf)(fp, "%s{", i ? ", " : "");
   json_code_location(fp, ep, ip);
   VG_(fprintf)(fp, "}");
}

static void json_stack(VgFile* fp, ExeContext* allocated_at, void* opaque)
{
   VG_(fprintf)(fp, "[");
   VG_(apply_ExeContext)(json_frame, fp, allocated_at);
   VG_(fprintf)(fp, "]");
}

static void json_sites(const JsonOut* o, const MR_Retention* a, Int k)
{
   VgFile* fp = o->fp;
   UInt max_sites = o->max_sites;
   const MR_AllocSiteSize* top[max_sites ? max_sites : 1];
   UInt i, n = MR_(retention_top_sites)(a, k, top, max_sites);
   VG_(fprintf)(fp, "\"sites\": [");
   for (i = 0; i < n; i++) {
      VG_(fprintf)(fp, "%s{", i ? ", " : "");
      json_size(fp, "size", top[i]->size);
      VG_(fprintf)(fp, ", \"stack\": ");
      o->write_stack(fp, top[i]->allocated_at, o->opaque);
      VG_(fprintf)(fp, "}");
   }
   VG_(fprintf)(fp, "]");
}

static void json_root(VgFile* fp, const MR_Root* r)
{
   const MR_RootKey* k = &r->key;
   VG_(fprintf)(fp, "{\"kind\": \"%s\"", MR_(str_root_kind)(k->kind));
   switch (k->kind) {
   case MR_RootGlobal:
      VG_(fprintf)(fp, ", \"symbol\": ");
      MR_(json_string)(fp, k->name);
      VG_(fprintf)(fp, ", \"address\": \"%#lx\", \"object\": ", k->base);
      MR_(json_string)(fp, MR_(root_object)(r));
      break;
   case MR_RootObject:
      VG_(fprintf)(fp, ", \"object\": ");
      MR_(json_string)(fp, k->name);
      VG_(fprintf)(fp, ", \"address\": \"%#lx\", \"words\": %u",
                   r->first_word, r->n_words);
      break;
   case MR_RootStack:
      VG_(fprintf)(fp, ", \"thread\": %u, \"exited\": %s, \"frame\": %u,"
                   " \"ip\": \"%#lx\", \"function\": ", k->tid,
                   k->exited ? "true" : "false", r->frame_no, r->ip);
      MR_(json_string)(fp, MR_(ip_function)(r->ip));
      VG_(fprintf)(fp, ", \"local\": ");
      MR_(json_string)(fp, k->name);
      break;
   case MR_RootStackRest:
      VG_(fprintf)(fp, ", \"thread\": %u, \"exited\": %s, \"part\": \"%s\"",
                   k->tid, k->exited ? "true" : "false",
                   k->depth == MR_BELOW_STACK_POINTER
                      ? "below_stack_pointer" : "above_outermost_frame");
      break;
   case MR_RootRegister:
      VG_(fprintf)(fp, ", \"thread\": %u, \"register\": ", k->tid);
      MR_(json_string)(fp, k->name);
      break;
   case MR_RootTLS:
      VG_(fprintf)(fp, ", \"thread\": %u, \"exited\": %s", k->tid,
                   k->exited ? "true" : "false");
      break;
   case MR_RootMapping:
      VG_(fprintf)(fp, ", \"start\": \"%#lx\", \"end\": \"%#lx\", \"file\": ",
                   k->base, r->seg_end);
      MR_(json_string)(fp, k->name);
      break;
   }
   VG_(fprintf)(fp, "}");
}

static void json_retained_root(const JsonOut* o, const MR_Retention* a,
                               const MR_RetainedRoot* l)
{
   VgFile* fp = o->fp;
   VG_(fprintf)(fp, "{\"root\": ");
   json_root(fp, l->root);
   VG_(fprintf)(fp, ", ");
   json_size(fp, "retained", l->retained);
   VG_(fprintf)(fp, ", ");
   json_size(fp, "reachable", l->reach);
   VG_(fprintf)(fp, ", \"growth\": {\"bytes\": %lld, \"blocks\": %lld}, "
                "\"gone\": %s, ",
                (Long)l->retained.bytes - (Long)l->before.bytes,
                (Long)l->retained.blocks - (Long)l->before.blocks,
                l->k == -1 ? "true" : "false");
   if (l->k != -1)
      json_sites(o, a, l->k);
   else
      VG_(fprintf)(fp, "\"sites\": []");
   VG_(fprintf)(fp, "}");
}

static void json_shared_block(const JsonOut* o, const MR_Retention* a,
                              const MR_SharedBlock* sb)
{
   VgFile* fp = o->fp;
   const MR_Block* b = a->search->blocks[MR_(block_of_node)(a, a->order[sb->k])];
   UInt e;
   VG_(fprintf)(fp, "{\"address\": \"%#lx\", \"size\": %lu, ", b->data,
                (SizeT)b->szB);
   json_size(fp, "retained", sb->retained);
   VG_(fprintf)(fp, ", \"reached_from\": [");
   for (e = 0; e < sb->n_sharers; e++) {
      VG_(fprintf)(fp, "%s", e ? ", " : "");
      json_root(fp, MR_(roots_get)(sb->sharers[e]));
   }
   VG_(fprintf)(fp, "], ");
   json_sites(o, a, sb->k);
   VG_(fprintf)(fp, "}");
}

static void json_sizes(VgFile* fp, MR_Size retained, MR_Size reach)
{
   json_size(fp, "retained", retained);
   VG_(fprintf)(fp, ", ");
   json_size(fp, "reachable", reach);
}

static MR_Size root_retained(const MR_Retention* a, UInt r)
{
   Int k = a->dfn[MR_(node_of_root)(r)];
   MR_Size s = { a->ret_bytes[k], a->ret_blocks[k] };
   return s;
}

static void json_thread_stack(VgFile* fp, const MR_Retention* a, UInt i)
{
   const MR_StackView*  v = a->stacks;
   const MR_ThreadSnap* t = MR_(roots_thread)(i);
   HChar part[64];
   UInt  f, j;

   VG_(fprintf)(fp, "{\"thread\": %u, \"state\": \"%s\", ", t->tid,
                t->fate == MR_ThreadLive ? "live" : MR_(str_thread_fate)(t->fate));
   json_sizes(fp, v->thread_retained[i], v->thread_reach[i]);
   VG_(fprintf)(fp, ",\n   \"frames\": [");
   for (f = 0; f < t->n_frames; f++) {
      UInt g = v->frame_base[i] + f;
      VG_(fprintf)(fp, "%s\n    {\"frame\": %u, ", f ? "," : "", f);
      json_code_location(fp, VG_(current_DiEpoch)(), t->ips[f]);
      VG_(fprintf)(fp, ", ");
      json_sizes(fp, v->frame_retained[g], v->frame_reach[g]);
      VG_(fprintf)(fp, ", \"locals\": [");
      for (j = v->frame_root_start[g]; j < v->frame_root_start[g + 1]; j++) {
         UInt r = v->frame_roots[j];
         VG_(fprintf)(fp, "%s{\"local\": ", j > v->frame_root_start[g] ? ", " : "");
         MR_(json_string)(fp, MR_(roots_get)(r)->key.name);
         VG_(fprintf)(fp, ", ");
         json_sizes(fp, root_retained(a, r), a->root_reach[r]);
         VG_(fprintf)(fp, "}");
      }
      VG_(fprintf)(fp, "]}");
   }
   VG_(fprintf)(fp, "],\n   \"parts\": [");
   for (j = v->rest_start[i]; j < v->rest_start[i + 1]; j++) {
      UInt r = v->rest_roots[j];
      VG_(fprintf)(fp, "%s{\"part\": ", j > v->rest_start[i] ? ", " : "");
      MR_(json_string)(fp, MR_(root_part_name)(MR_(roots_get)(r), part,
                                               sizeof(part)));
      VG_(fprintf)(fp, ", ");
      json_sizes(fp, root_retained(a, r), a->root_reach[r]);
      VG_(fprintf)(fp, "}");
   }
   VG_(fprintf)(fp, "]}");
}

static void json_stacks(VgFile* fp, const MR_Retention* a)
{
   const MR_StackView* v = a->stacks;
   UInt i;
   VG_(fprintf)(fp, ",\n \"stacks\": {");
   json_size(fp, "retained", v->retained);
   VG_(fprintf)(fp, ", \"threads\": [");
   for (i = 0; i < v->n_threads; i++) {
      VG_(fprintf)(fp, "%s\n  ", i ? "," : "");
      json_thread_stack(fp, a, v->thread_order[i]);
   }
   VG_(fprintf)(fp, "]}");
}

/*------------------------------------------------------------*/
/*--- Leak suspects                                         ---*/
/*------------------------------------------------------------*/

static const MR_Block* node_block(const MR_Retention* a, Int v)
{
   return a->search->blocks[MR_(block_of_node)(a, v)];
}

static void json_site_list(const JsonOut* o, const MR_SuspectSite* top,
                           UInt n)
{
   UInt i;
   VG_(fprintf)(o->fp, "\"sites\": [");
   for (i = 0; i < n; i++) {
      VG_(fprintf)(o->fp, "%s{", i ? ", " : "");
      json_size(o->fp, "size", top[i].size);
      VG_(fprintf)(o->fp, ", \"stacks\": %u, \"stack\": ", top[i].n_stacks);
      o->write_stack(o->fp, top[i].stack, o->opaque);
      VG_(fprintf)(o->fp, "}");
   }
   VG_(fprintf)(o->fp, "]");
}

/* The path MR_(suspect_path) left, hop by hop. */
static void json_suspect_path(VgFile* fp, MR_Retention* a, Int v)
{
   Int w, h = 0;
   VG_(fprintf)(fp, "\"path\": [");
   for (; (w = MR_(retention_path_next)(a, v)) != -1; v = w, h++) {
      Addr where = MR_(retention_hop_word)(a, v, w);
      Addr ip = where != 0
                ? MR_(store_site_ip)(MR_(slot_store_id)(where)) : 0;
      VG_(fprintf)(fp, "%s\n    {\"from\": ", h ? "," : "");
      if (MR_(node_is_block)(a, v))
         VG_(fprintf)(fp, "{\"block\": \"%#lx\"}", node_block(a, v)->data);
      else
         json_root(fp, MR_(roots_get)(v - 1));
      VG_(fprintf)(fp, ", \"word\": \"%#lx\", \"block\": \"%#lx\","
                   " \"size\": %lu, \"stored_at\": ", where,
                   node_block(a, w)->data, (SizeT)node_block(a, w)->szB);
      if (ip != 0) {
         VG_(fprintf)(fp, "{");
         json_code_location(fp, VG_(current_DiEpoch)(), ip);
         VG_(fprintf)(fp, "}");
      } else {
         VG_(fprintf)(fp, "null");
      }
      VG_(fprintf)(fp, "}");
   }
   VG_(fprintf)(fp, "]");
}

static void json_lost_records(const JsonOut* o, const MR_Suspects* x)
{
   UInt j;
   VG_(fprintf)(o->fp, ", \"records\": [");
   for (j = 0; j < x->n_lost_records; j++) {
      const MR_LostRecord* r = &x->lost_records[j];
      VG_(fprintf)(o->fp, "%s\n    {", j ? "," : "");
      json_size(o->fp, "direct", r->direct);
      VG_(fprintf)(o->fp, ", \"indirect_bytes\": %lu, \"stack\": ",
                   r->indirect_bytes);
      o->write_stack(o->fp, r->allocated_at, o->opaque);
      VG_(fprintf)(o->fp, "}");
   }
   VG_(fprintf)(o->fp, "]");
}

static void json_suspect(const JsonOut* o, MR_Retention* a,
                         const MR_Suspects* x, UInt i)
{
   const MR_Suspect* s = &x->list[i];
   MR_SuspectSite top[x->params.max_sites ? x->params.max_sites : 1];
   VgFile* fp = o->fp;

   VG_(fprintf)(fp, "{\"kind\": \"%s\", ",
                s->kind == MR_SuspectSingle ? "single"
                : s->kind == MR_SuspectGroup ? "group" : "lost");
   json_size(fp, s->kind == MR_SuspectLost ? "lost" : "retained", s->size);
   if (s->kind == MR_SuspectLost) {
      json_lost_records(o, x);
      VG_(fprintf)(fp, "}");
      return;
   }
   if (s->kind == MR_SuspectSingle) {
      Int v = a->order[s->k];
      if (MR_(node_is_block)(a, v)) {
         VG_(fprintf)(fp, ", \"block\": \"%#lx\"", node_block(a, v)->data);
      } else {
         VG_(fprintf)(fp, ", \"root\": ");
         json_root(fp, MR_(roots_get)(v - 1));
      }
   } else {
      VG_(fprintf)(fp, ", \"members\": %u, \"parents\": %u, \"stack\": ",
                   s->n_members, s->n_parents);
      o->write_stack(fp, s->site, o->opaque);
   }
   VG_(fprintf)(fp, ",\n   \"accumulation\": ");
   if (MR_(node_is_block)(a, a->order[s->acc])) {
      const MR_Block* b = node_block(a, a->order[s->acc]);
      VG_(fprintf)(fp, "{\"block\": \"%#lx\", \"size\": %lu, ", b->data,
                   (SizeT)b->szB);
      json_size(fp, "retained", s->acc_size);
      VG_(fprintf)(fp, ", \"stack\": ");
      o->write_stack(fp, b->allocated_at, o->opaque);
      VG_(fprintf)(fp, "},\n   ");
      json_suspect_path(fp, a, MR_(suspect_path)(a, x, i));
   } else {
      VG_(fprintf)(fp, "null, \"path\": []");
   }
   VG_(fprintf)(fp, ",\n   ");
   json_site_list(o, top, MR_(suspect_sites)(x, i, top, x->params.max_sites));
   VG_(fprintf)(fp, "}");
}

static void json_growth(const JsonOut* o, MR_Retention* a,
                        const MR_Suspects* x)
{
   VgFile* fp = o->fp;
   UInt i, j;
   VG_(fprintf)(fp, ", \"snapshots\": %u, \"growth\": [", x->n_snapshots);
   for (i = 0; i < x->n_growth; i++) {
      const MR_GrowthSuspect* g = &x->growth[i];
      VG_(fprintf)(fp, "%s\n  {\"root\": ", i ? "," : "");
      json_root(fp, MR_(roots_get)(MR_(root_of_node)(a->order[g->k])));
      VG_(fprintf)(fp, ", ");
      json_size(fp, "retained", g->now);
      VG_(fprintf)(fp, ", \"per_snapshot\": %lld, \"steps\": [", g->per_step);
      for (j = 0; j < g->n_steps; j++)
         VG_(fprintf)(fp, "%s%lld", j ? ", " : "", g->step[j]);
      VG_(fprintf)(fp, "],\n   \"accumulation\": ");
      if (MR_(node_is_block)(a, a->order[g->acc])) {
         const MR_Block* b = node_block(a, a->order[g->acc]);
         MR_Size r = { a->ret_bytes[g->acc], a->ret_blocks[g->acc] };
         VG_(fprintf)(fp, "{\"block\": \"%#lx\", \"size\": %lu, ", b->data,
                      (SizeT)b->szB);
         json_size(fp, "retained", r);
         VG_(fprintf)(fp, ", \"stack\": ");
         o->write_stack(fp, b->allocated_at, o->opaque);
         VG_(fprintf)(fp, "}");
      } else {
         VG_(fprintf)(fp, "null");
      }
      VG_(fprintf)(fp, ",\n   \"sites\": [");
      for (j = 0; j < g->n_sites; j++) {
         VG_(fprintf)(fp, "%s{\"growth\": {\"bytes\": %lld, \"blocks\": %lld},"
                      " \"stack\": ", j ? ", " : "", g->site_bytes[j],
                      g->site_blocks[j]);
         o->write_stack(fp, g->site[j], o->opaque);
         VG_(fprintf)(fp, "}");
      }
      VG_(fprintf)(fp, "]}");
   }
   VG_(fprintf)(fp, "]");
}

static void json_suspects(const JsonOut* o, MR_Retention* a,
                          const MR_Suspects* x)
{
   UInt i;
   VG_(fprintf)(o->fp, "{\"threshold_ppm\": %u, \"threshold_bytes\": %lu, ",
                x->params.threshold_ppm, x->threshold_bytes);
   json_size(o->fp, "lost", x->lost);
   VG_(fprintf)(o->fp, ", \"list\": [");
   for (i = 0; i < x->n; i++) {
      VG_(fprintf)(o->fp, "%s\n  ", i ? "," : "");
      json_suspect(o, a, x, i);
   }
   VG_(fprintf)(o->fp, "]");
   if (x->params.growth)
      json_growth(o, a, x);
   VG_(fprintf)(o->fp, "}");
}

void MR_(retention_json_members)(VgFile* fp, MR_Retention* a,
                                const MR_Suspects* x, UInt max_sites,
                                MR_JsonStackWriter ws, void* opaque)
{
   JsonOut o = { fp, max_sites, ws, opaque };
   MR_Size reachable = { a->ret_bytes[0], a->ret_blocks[0] };
   UInt    i;
   Int     t;

   VG_(fprintf)(fp, "\"report\": %u, ", a->report_no);
   json_size(fp, "live", a->live);
   VG_(fprintf)(fp, ", ");
   json_size(fp, "reachable", reachable);
   VG_(fprintf)(fp, ",\n \"roots\": [");
   for (i = 0; i < a->n_listed; i++) {
      VG_(fprintf)(fp, "%s\n  ", i ? "," : "");
      json_retained_root(&o, a, &a->roots[i]);
   }
   VG_(fprintf)(fp, "],\n ");
   json_size(fp, "others", a->others);
   VG_(fprintf)(fp, ",\n ");
   json_size(fp, "shared", a->shared_total);
   VG_(fprintf)(fp, ",\n \"shared_blocks\": [");
   for (t = 0; t < a->n_shared_listed; t++) {
      VG_(fprintf)(fp, "%s\n  ", t ? "," : "");
      json_shared_block(&o, a, &a->shared[t]);
   }
   VG_(fprintf)(fp, "]");
   if (a->stacks != NULL)
      json_stacks(fp, a);
   if (x != NULL) {
      VG_(fprintf)(fp, ",\n \"suspects\": ");
      json_suspects(&o, a, x);
   }
}

void MR_(suspects_json)(VgFile* fp, MR_Retention* a, const MR_Suspects* x,
                        MR_JsonStackWriter ws, void* opaque)
{
   JsonOut o = { fp, x->params.max_sites, ws, opaque };
   json_suspects(&o, a, x);
}

Bool MR_(retention_write_json)(MR_Retention* a, const MR_Suspects* x,
                               const HChar* name)
{
   VgFile* fp = VG_(fopen)(name, VKI_O_CREAT | VKI_O_TRUNC | VKI_O_WRONLY,
                           VKI_S_IRUSR | VKI_S_IWUSR | VKI_S_IRGRP
                           | VKI_S_IROTH);
   if (fp == NULL) {
      VG_(umsg)("Error: can't open the retention file '%s'\n", name);
      return False;
   }
   VG_(fprintf)(fp, "{\"memroot_retention\": 1, \"pid\": %d, ",
                VG_(getpid)());
   MR_(retention_json_members)(fp, a, x, a->params->max_sites, json_stack,
                               NULL);
   VG_(fprintf)(fp, "}\n");
   VG_(fclose)(fp);
   return True;
}
