/* memroot leaktext: the text of leak reports.  Where Memcheck has a
   layout, this is it, word for word, so that people and scripts feel at
   home.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_options.h"
#include "mr_leaktext.h"
#include "mr_vgcompat.h"

/* " (+N)" or " (-N)" between two checks; nothing when deltas are off. */
typedef struct { HChar s[32]; } Delta;

static Delta delta(SizeT now, SizeT old, MR_DeltaMode mode)
{
   Delta d;
   if (mode == MR_LCD_Any)
      d.s[0] = '\0';
   else if (now >= old)
      VG_(snprintf)(d.s, sizeof(d.s), " (+%'lu)", now - old);
   else
      VG_(snprintf)(d.s, sizeof(d.s), " (-%'lu)", old - now);
   return d;
}

static const HChar* xml_leak_kind(MR_Reachedness r)
{
   switch (r) {
   case MR_Unreached:    return "Leak_DefinitelyLost";
   case MR_IndirectLeak: return "Leak_IndirectlyLost";
   case MR_Possible:     return "Leak_PossiblyLost";
   case MR_Reachable:    return "Leak_StillReachable";
   }
   tl_assert(0);
}

void MR_(pp_loss_record_text)(UInt n_this_record, UInt n_total_records,
                              MR_Reachedness state,
                              SizeT szB, SizeT old_szB,
                              SizeT indirect_szB, SizeT old_indirect_szB,
                              UInt num_blocks, UInt old_num_blocks,
                              MR_DeltaMode mode)
{
   Delta d_blocks = delta(num_blocks, old_num_blocks, mode);
   Delta d_direct = delta(szB, old_szB, mode);
   const HChar* new_marker =
      MR_(vg_new_loss_record_marker)(mode != MR_LCD_Any, old_num_blocks);
   HChar text[256];

   if (indirect_szB > 0) {
      Delta d_total    = delta(szB + indirect_szB, old_szB + old_indirect_szB,
                               mode);
      Delta d_indirect = delta(indirect_szB, old_indirect_szB, mode);
      VG_(snprintf)(text, sizeof(text),
                    "%'lu%s (%'lu%s direct, %'lu%s indirect) bytes in %'u%s"
                    " blocks are %s in %sloss record %'u of %'u",
                    szB + indirect_szB, d_total.s, szB, d_direct.s,
                    indirect_szB, d_indirect.s, num_blocks, d_blocks.s,
                    MR_(str_reachedness)(state), new_marker, n_this_record,
                    n_total_records);
   } else {
      VG_(snprintf)(text, sizeof(text),
                    "%'lu%s bytes in %'u%s blocks are %s in %sloss record"
                    " %'u of %'u",
                    szB, d_direct.s, num_blocks, d_blocks.s,
                    MR_(str_reachedness)(state), new_marker, n_this_record,
                    n_total_records);
   }
   if (VG_(clo_xml)) {
      /* The core writes the <error> frame around this and the stack. */
      VG_(printf_xml)("  <kind>%s</kind>\n"
                      "  <xwhat>\n"
                      "    <text>%s</text>\n"
                      "    <leakedbytes>%lu</leakedbytes>\n"
                      "    <leakedblocks>%u</leakedblocks>\n"
                      "  </xwhat>\n",
                      xml_leak_kind(state), text, szB + indirect_szB,
                      num_blocks);
   } else {
      VG_(umsg)("%s\n", text);
   }
}

static void pp_summary_line(const HChar* label, SizeT bytes, SizeT old_bytes,
                            SizeT blocks, SizeT old_blocks, MR_DeltaMode mode)
{
   Delta d_bytes = delta(bytes, old_bytes, mode);
   Delta d_blocks = delta(blocks, old_blocks, mode);
   VG_(umsg)("%s: %'lu%s bytes in %'lu%s blocks\n",
             label, bytes, d_bytes.s, blocks, d_blocks.s);
}

void MR_(pp_leak_summary)(const MR_LeakSummary* now, const MR_LeakSummary* old,
                          const MR_LeakCheckParams* lcp)
{
   static const struct { MR_Reachedness r; const HChar* label; } lines[] = {
      { MR_Unreached,    "   definitely lost" },
      { MR_IndirectLeak, "   indirectly lost" },
      { MR_Possible,     "     possibly lost" },
      { MR_Reachable,    "   still reachable" },
   };
   const MR_DeltaMode mode = lcp->deltamode;
   Bool any_heuristic = False;
   Int  i;

   VG_(umsg)("LEAK SUMMARY:\n");
   for (i = 0; i < 4; i++)
      pp_summary_line(lines[i].label,
                      now->bytes[lines[i].r], old->bytes[lines[i].r],
                      now->blocks[lines[i].r], old->blocks[lines[i].r], mode);
   for (i = MR_LchNone + 1; i < MR_N_HEURISTICS; i++)
      if (now->heur_blocks[i] > 0 || old->heur_blocks[i] > 0) {
         if (!any_heuristic)
            VG_(umsg)("                      of which reachable via heuristic:\n");
         any_heuristic = True;
         VG_(umsg)("                        %-19s: %'lu%s bytes in %'lu%s blocks\n",
                   MR_(str_heuristic)(i),
                   now->heur_bytes[i],
                   delta(now->heur_bytes[i], old->heur_bytes[i], mode).s,
                   now->heur_blocks[i],
                   delta(now->heur_blocks[i], old->heur_blocks[i], mode).s);
      }
   pp_summary_line("        suppressed", now->suppressed_bytes,
                   old->suppressed_bytes, now->suppressed_blocks,
                   old->suppressed_blocks, mode);

   if (lcp->mode != MR_LC_Full
       && now->blocks[MR_Unreached] + now->blocks[MR_IndirectLeak]
          + now->blocks[MR_Possible] + now->blocks[MR_Reachable] > 0) {
      if (lcp->requested_by_monitor_command)
         VG_(umsg)("To see details of leaked memory, give 'full' arg to leak_check\n");
      else
         VG_(umsg)("Rerun with --leak-check=full to see details of leaked memory\n");
   }
   if (lcp->mode == MR_LC_Full && now->blocks[MR_Reachable] > 0
       && !MR_RiS(MR_Reachable, lcp->show_leak_kinds)) {
      VG_(umsg)("Reachable blocks (those to which a pointer was found) are not shown.\n");
      if (lcp->requested_by_monitor_command)
         VG_(umsg)("To see them, add 'reachable any' args to leak_check\n");
      else
         VG_(umsg)("To see them, rerun with: --leak-check=full --show-leak-kinds=all\n");
   }
   VG_(umsg)("\n");
}
