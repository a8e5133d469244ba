/* memroot retain xml: the retention report as one <memroot_retention>
   element after the errors of the XML output.  Memcheck's readers skip
   elements they do not know (docs/xml.md).

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_debuginfo.h"
#include "pub_tool_execontext.h"
#include "mr_retain_render.h"
#include "mr_slots.h"
#include "mr_storesites.h"

static void xml_size(const HChar* indent, const HChar* tag, Long bytes,
                     Long blocks)
{
   VG_(printf_xml)("%s<%s><bytes>%lld</bytes><blocks>%lld</blocks></%s>\n",
                   indent, tag, bytes, blocks, tag);
}

static void xml_root(const MR_Retention* a, const MR_RetainedRoot* l)
{
   HChar name[MR_ROOT_NAME_LEN];
   UInt  j, max_sites = a->params->max_sites;

   VG_(printf_xml)("  <root>\n    <kind>%s</kind>\n    <name>%pS</name>\n",
                   MR_(str_root_kind)(l->root->key.kind),
                   MR_(root_name)(l->root, name, sizeof(name)));
   xml_size("    ", "retained", l->retained.bytes, l->retained.blocks);
   xml_size("    ", "reaches", l->reach.bytes, l->reach.blocks);
   if (a->report_no > 0)
      xml_size("    ", "growth",
               (Long)l->retained.bytes - (Long)l->before.bytes,
               (Long)l->retained.blocks - (Long)l->before.blocks);
   if (l->k != -1) {
      const MR_AllocSiteSize* top[max_sites ? max_sites : 1];
      UInt n = MR_(retention_top_sites)(a, l->k, top, max_sites);
      for (j = 0; j < n; j++) {
         VG_(printf_xml)("    <site>\n");
         xml_size("      ", "size", top[j]->size.bytes, top[j]->size.blocks);
         VG_(pp_ExeContext)(top[j]->allocated_at);
         VG_(printf_xml)("    </site>\n");
      }
   }
   VG_(printf_xml)("  </root>\n");
}

static void xml_sizes(const HChar* indent, MR_Size retained, MR_Size reach)
{
   xml_size(indent, "retained", retained.bytes, retained.blocks);
   xml_size(indent, "reaches", reach.bytes, reach.blocks);
}

static MR_Size root_retained(const MR_Retention* a, UInt r)
{
   Int k = a->dfn[MR_(node_of_root)(r)];
   MR_Size s = { a->ret_bytes[k], a->ret_blocks[k] };
   return s;
}

/* A code address in the elements of Memcheck's <frame>. */
static void xml_code_location(const HChar* indent, Addr ip)
{
   DiEpoch      ep = VG_(current_DiEpoch)();
   const HChar *fn, *obj, *file, *dir;
   UInt         line;
   VG_(printf_xml)("%s<ip>%#lX</ip>\n", indent, ip);
   if (VG_(get_objname)(ep, ip, &obj))
      VG_(printf_xml)("%s<obj>%pS</obj>\n", indent, obj);
   if (VG_(get_fnname)(ep, ip, &fn))
      VG_(printf_xml)("%s<fn>%pS</fn>\n", indent, fn);
   if (VG_(get_filename_linenum)(ep, ip, &file, &dir, &line)) {
      if (dir != NULL && dir[0] != '\0')
         VG_(printf_xml)("%s<dir>%pS</dir>\n", indent, dir);
      VG_(printf_xml)("%s<file>%pS</file>\n%s<line>%u</line>\n", indent, file,
                      indent, line);
   }
}

static void xml_thread_stack(const MR_Retention* a, UInt i)
{
   const MR_StackView*  v = a->stacks;
   const MR_ThreadSnap* t = MR_(roots_thread)(i);
   HChar part[64];
   UInt  f, j;

   VG_(printf_xml)("    <thread>\n      <tid>%u</tid>\n      <state>%s</state>\n",
                   t->tid, t->fate == MR_ThreadLive
                              ? "live" : MR_(str_thread_fate)(t->fate));
   xml_sizes("      ", v->thread_retained[i], v->thread_reach[i]);
   for (f = 0; f < t->n_frames; f++) {
      UInt g = v->frame_base[i] + f;
      VG_(printf_xml)("      <frame>\n        <number>%u</number>\n", f);
      xml_code_location("        ", t->ips[f]);
      xml_sizes("        ", v->frame_retained[g], v->frame_reach[g]);
      for (j = v->frame_root_start[g]; j < v->frame_root_start[g + 1]; j++) {
         UInt r = v->frame_roots[j];
         const HChar* local = MR_(roots_get)(r)->key.name;
         VG_(printf_xml)("        <local>\n");
         if (local != NULL)
            VG_(printf_xml)("          <name>%pS</name>\n", local);
         xml_sizes("          ", root_retained(a, r), a->root_reach[r]);
         VG_(printf_xml)("        </local>\n");
      }
      VG_(printf_xml)("      </frame>\n");
   }
   for (j = v->rest_start[i]; j < v->rest_start[i + 1]; j++) {
      UInt r = v->rest_roots[j];
      VG_(printf_xml)("      <part>\n        <name>%pS</name>\n",
                      MR_(root_part_name)(MR_(roots_get)(r), part,
                                          sizeof(part)));
      xml_sizes("        ", root_retained(a, r), a->root_reach[r]);
      VG_(printf_xml)("      </part>\n");
   }
   VG_(printf_xml)("    </thread>\n");
}

static void xml_stacks(const MR_Retention* a)
{
   const MR_StackView* v = a->stacks;
   UInt i;
   VG_(printf_xml)("  <stacks>\n");
   xml_size("    ", "retained", v->retained.bytes, v->retained.blocks);
   for (i = 0; i < v->n_threads; i++)
      xml_thread_stack(a, v->thread_order[i]);
   VG_(printf_xml)("  </stacks>\n");
}

void MR_(retention_pp_xml)(const MR_Retention* a)
{
   UInt i;
   VG_(printf_xml)("<memroot_retention>\n");
   xml_size("  ", "live", a->live.bytes, a->live.blocks);
   xml_size("  ", "reachable", a->ret_bytes[0], a->ret_blocks[0]);
   for (i = 0; i < a->n_listed; i++)
      xml_root(a, &a->roots[i]);
   xml_size("  ", "others", a->others.bytes, a->others.blocks);
   xml_size("  ", "shared", a->shared_total.bytes, a->shared_total.blocks);
   if (a->stacks != NULL)
      xml_stacks(a);
   VG_(printf_xml)("</memroot_retention>\n");
}

/*------------------------------------------------------------*/
/*--- Leak suspects                                         ---*/
/*------------------------------------------------------------*/

static const MR_Block* node_block(const MR_Retention* a, Int v)
{
   return a->search->blocks[MR_(block_of_node)(a, v)];
}

/* The path MR_(suspect_path) left: each hop's word, what holds it (a
   root's name, or the block it lies in), the block it points to and the
   store that wrote it. */
static void xml_suspect_path(MR_Retention* a, Int v)
{
   HChar name[MR_ROOT_NAME_LEN];
   Int   w;
   VG_(printf_xml)("    <path>\n");
   for (; (w = MR_(retention_path_next)(a, v)) != -1; v = w) {
      Addr where = MR_(retention_hop_word)(a, v, w);
      const MR_Block* to = node_block(a, w);
      VG_(printf_xml)("      <hop>\n");
      if (MR_(node_is_block)(a, v))
         VG_(printf_xml)("        <from><block>%#lx</block></from>\n",
                         node_block(a, v)->data);
      else
         VG_(printf_xml)("        <from><root>%pS</root></from>\n",
                         MR_(root_name)(MR_(roots_get)(v - 1), name,
                                        sizeof(name)));
      VG_(printf_xml)("        <word>%#lx</word>\n        <block>%#lx</block>\n"
                      "        <size>%lu</size>\n", where, to->data,
                      (SizeT)to->szB);
      if (where != 0)
         MR_(pp_store_site)("        ", MR_(slot_store_id)(where));
      VG_(printf_xml)("      </hop>\n");
   }
   VG_(printf_xml)("    </path>\n");
}

static void xml_suspect(MR_Retention* a, const MR_Suspects* x, UInt i)
{
   const MR_Suspect* s = &x->list[i];
   MR_SuspectSite top[x->params.max_sites ? x->params.max_sites : 1];
   HChar name[MR_ROOT_NAME_LEN];
   UInt  j, n;

   VG_(printf_xml)("  <suspect>\n    <kind>%s</kind>\n",
                   s->kind == MR_SuspectSingle ? "single"
                   : s->kind == MR_SuspectGroup ? "group" : "lost");
   xml_size("    ", s->kind == MR_SuspectLost ? "lost" : "retained",
            s->size.bytes, s->size.blocks);
   if (s->kind == MR_SuspectSingle) {
      Int v = a->order[s->k];
      if (MR_(node_is_block)(a, v))
         VG_(printf_xml)("    <block>%#lx</block>\n", node_block(a, v)->data);
      else
         VG_(printf_xml)("    <root>%pS</root>\n",
                         MR_(root_name)(MR_(roots_get)(v - 1), name,
                                        sizeof(name)));
   }
   if (s->kind == MR_SuspectGroup) {
      VG_(printf_xml)("    <members>%u</members>\n    <parents>%u</parents>\n",
                      s->n_members, s->n_parents);
      VG_(pp_ExeContext)(s->site);
   }
   if (s->kind == MR_SuspectLost) {
      for (j = 0; j < x->n_lost_records; j++) {
         const MR_LostRecord* r = &x->lost_records[j];
         VG_(printf_xml)("    <record>\n");
         xml_size("      ", "direct", r->direct.bytes, r->direct.blocks);
         VG_(printf_xml)("      <indirect_bytes>%lu</indirect_bytes>\n",
                         r->indirect_bytes);
         VG_(pp_ExeContext)(r->allocated_at);
         VG_(printf_xml)("    </record>\n");
      }
      VG_(printf_xml)("  </suspect>\n");
      return;
   }
   if (MR_(node_is_block)(a, a->order[s->acc])) {
      const MR_Block* b = node_block(a, a->order[s->acc]);
      VG_(printf_xml)("    <accumulation>\n      <block>%#lx</block>\n"
                      "      <size>%lu</size>\n", b->data, (SizeT)b->szB);
      xml_size("      ", "retained", s->acc_size.bytes, s->acc_size.blocks);
      VG_(pp_ExeContext)(b->allocated_at);
      VG_(printf_xml)("    </accumulation>\n");
      xml_suspect_path(a, MR_(suspect_path)(a, x, i));
   }
   n = MR_(suspect_sites)(x, i, top, x->params.max_sites);
   for (j = 0; j < n; j++) {
      VG_(printf_xml)("    <site>\n");
      xml_size("      ", "size", top[j].size.bytes, top[j].size.blocks);
      VG_(printf_xml)("      <stacks>%u</stacks>\n", top[j].n_stacks);
      VG_(pp_ExeContext)(top[j].stack);
      VG_(printf_xml)("    </site>\n");
   }
   VG_(printf_xml)("  </suspect>\n");
}

static void xml_growth(MR_Retention* a, const MR_Suspects* x)
{
   HChar name[MR_ROOT_NAME_LEN];
   UInt  i, j;
   VG_(printf_xml)("  <snapshots>%u</snapshots>\n", x->n_snapshots);
   for (i = 0; i < x->n_growth; i++) {
      const MR_GrowthSuspect* g = &x->growth[i];
      VG_(printf_xml)("  <growth>\n    <root>%pS</root>\n",
                      MR_(root_name)(MR_(roots_get)(MR_(root_of_node)(a->order[g->k])), name,
                                     sizeof(name)));
      xml_size("    ", "retained", g->now.bytes, g->now.blocks);
      VG_(printf_xml)("    <per_snapshot>%lld</per_snapshot>\n", g->per_step);
      for (j = 0; j < g->n_steps; j++)
         VG_(printf_xml)("    <step>%lld</step>\n", g->step[j]);
      for (j = 0; j < g->n_sites; j++) {
         VG_(printf_xml)("    <site>\n");
         xml_size("      ", "growth", g->site_bytes[j], g->site_blocks[j]);
         VG_(pp_ExeContext)(g->site[j]);
         VG_(printf_xml)("    </site>\n");
      }
      VG_(printf_xml)("  </growth>\n");
   }
}

void MR_(suspects_pp_xml)(MR_Retention* a, const MR_Suspects* x)
{
   UInt i;
   VG_(printf_xml)("<memroot_suspects>\n  <threshold_ppm>%u</threshold_ppm>\n",
                   x->params.threshold_ppm);
   xml_size("  ", "live", a->live.bytes, a->live.blocks);
   for (i = 0; i < x->n; i++)
      xml_suspect(a, x, i);
   if (x->params.growth)
      xml_growth(a, x);
   VG_(printf_xml)("</memroot_suspects>\n");
}
