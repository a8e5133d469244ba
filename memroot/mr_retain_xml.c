/* memroot retain xml: the retention report as one <memroot_retention>
   element after the errors of the XML output.  Memcheck's readers skip
   elements they do not know (docs/xml.md).

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the GNU General Public
   License, version 2 or (at your option) any later version; see COPYING. */

#include "pub_tool_execontext.h"
#include "mr_retain_render.h"

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
   VG_(printf_xml)("</memroot_retention>\n");
}
