/* memroot retain report: runs the retention analysis on a search and
   hands it to the renderings the options ask for.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_options.h"
#include "mr_retain_render.h"
#include "mr_retain_report.h"

void MR_(retention_report)(MR_Retention* a, const MR_RetentionParams* p)
{
   MR_Suspects* x = NULL;
   MR_(retention_select)(a, p);
   if (p->suspect_ppm > 0)
      x = MR_(suspects_of_report)(a, MR_(retention_n_reports)() > 0);
   if (VG_(clo_xml)) {
      if (x != NULL)
         MR_(suspects_pp_xml)(a, x);
      MR_(retention_pp_xml)(a);
   } else if (VG_(clo_verbosity) > 0) {
      if (x != NULL)
         MR_(suspects_pp_text)(a, x);
      MR_(retention_pp_text)(a);
   }
   if (p->json_file != NULL) {
      HChar* name = VG_(expand_file_name)("--retention-file", p->json_file);
      MR_(retention_write_json)(a, x, name);
      VG_(free)(name);
   }
   /* Last: a gone root of this report is a root of the last one. */
   MR_(retention_remember)(a, p->suspect_ppm > 0);
   MR_(suspects_free)(x);
}

MR_Suspects* MR_(suspects_of_report)(MR_Retention* a, Bool growth)
{
   MR_SuspectParams sp;
   sp.threshold_ppm = a->params->suspect_ppm;
   sp.max_sites     = a->params->max_sites;
   sp.now           = True;
   sp.growth        = growth;
   return MR_(suspects_find)(a, &sp);
}

void MR_(retention_paths)(MR_Retention* a, Addr addr, UInt max_paths)
{
   const MR_Search* s = a->search;
   Int i = MR_(search_find_block)(s, addr), target, n, *roots;

   if (i == -1) {
      VG_(umsg)("%#lx is not in a live heap block\n", addr);
      return;
   }
   if (s->facts[i].state > MR_Possible) {
      VG_(umsg)("Block %#lx (%'lu bytes) is %s: no root retains it\n",
                s->blocks[i]->data, (SizeT)s->blocks[i]->szB,
                MR_(str_reachedness)(s->facts[i].state));
      return;
   }
   roots  = VG_(malloc)("memroot.retain.roots", max_paths * sizeof(Int));
   target = MR_(node_of_block)(a, i);
   n = MR_(retention_paths_to)(a, target, roots, max_paths);
   MR_(retention_pp_paths)(a, target, roots, n, max_paths);
   VG_(free)(roots);
}

void MR_(search_and_report_retention)(const MR_SearchParams* sp,
                                      const MR_RetentionParams* p)
{
   MR_Search* s = MR_(leak_search)(sp);
   if (!s->interrupted) {
      MR_Retention* a = MR_(retention_attribute)(s);
      MR_(retention_report)(a, p);
      MR_(retention_free)(a);
   }
   MR_(search_free)(s);
}

void MR_(search_and_report_paths)(const MR_SearchParams* sp, Addr addr,
                                  UInt max_paths)
{
   MR_Search* s = MR_(leak_search)(sp);
   if (!s->interrupted) {
      MR_Retention* a = MR_(retention_attribute)(s);
      MR_(retention_paths)(a, addr, max_paths);
      MR_(retention_free)(a);
   }
   MR_(search_free)(s);
}

void MR_(search_and_report_suspects)(const MR_SearchParams* sp,
                                     const MR_SuspectParams* p)
{
   MR_Search* s = MR_(leak_search)(sp);
   if (!s->interrupted) {
      MR_Retention* a = MR_(retention_attribute)(s);
      MR_Suspects*  x = MR_(suspects_find)(a, p);
      if (VG_(clo_xml))
         MR_(suspects_pp_xml)(a, x);
      else if (VG_(clo_verbosity) > 0)
         MR_(suspects_pp_text)(a, x);
      /* Growth is measured at snapshots: asking for it takes one. */
      if (p->growth)
         MR_(retention_remember)(a, True);
      MR_(suspects_free)(x);
      MR_(retention_free)(a);
   }
   MR_(search_free)(s);
}

void MR_(search_and_snapshot)(const MR_SearchParams* sp)
{
   MR_Search* s = MR_(leak_search)(sp);
   if (!s->interrupted) {
      MR_Retention* a = MR_(retention_attribute)(s);
      MR_(retention_remember)(a, True);
      MR_(retention_free)(a);
   }
   MR_(search_free)(s);
}
