/* memroot options: the command line, parsed with Valgrind's VG_*_CLO
   macros into MR_(clo_*) globals, and the usage text --help prints.  A
   malformed or unknown option stops Valgrind before the program starts,
   with the core's bad-option message.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the GNU General Public
   License, version 2 or (at your option) any later version; see COPYING. */

#include "pub_tool_options.h"
#include "pub_tool_replacemalloc.h"
#include "mr_options.h"

/* The tool name the core writes into XML (<protocoltool>, <tool>).  Not
   in the tool headers; read by the core only to print the preamble. */
extern const HChar* VG_(clo_toolname);

/* Memcheck's defaults, so that a switch from Memcheck changes nothing. */
MR_LeakCheckMode MR_(clo_leak_check)            = MR_LC_Summary;
VgRes            MR_(clo_leak_resolution)       = Vg_HighRes;
UInt             MR_(clo_show_leak_kinds)       = MR_R2S(MR_Possible)
                                                  | MR_R2S(MR_Unreached);
UInt             MR_(clo_errors_for_leak_kinds) = MR_R2S(MR_Possible)
                                                  | MR_R2S(MR_Unreached);
UInt             MR_(clo_leak_check_heuristics) = MR_H2S(MR_LchStdString)
                                                  | MR_H2S(MR_LchLength64)
                                                  | MR_H2S(MR_LchNewArray)
                                                  | MR_H2S(MR_LchMultipleInheritance);
MR_LeakScan      MR_(clo_leak_scan)             = MR_ScanTracked;
Bool             MR_(clo_xtree_leak)            = False;
const HChar*     MR_(clo_xtree_leak_file)       = "xtleak.kcg.%p";

Bool             MR_(clo_retention)             = True;
Long             MR_(clo_retention_roots)       = 10;
Long             MR_(clo_retention_sites)       = 3;
Double           MR_(clo_retention_threshold)   = 0.1;
const HChar*     MR_(clo_retention_file)        = NULL;
Addr             MR_(clo_retention_path)        = 0;
Bool             MR_(clo_retention_stacks)      = False;

/* Memcheck's freed-block queue. */
Long             MR_(clo_freelist_vol)          = 20000000;
Long             MR_(clo_freelist_big_blocks)   = 1000000;
Bool             MR_(clo_show_mismatched_frees) = True;
Bool             MR_(clo_heap_profile)          = False;
Long             MR_(clo_heap_profile_top)      = 10;
MR_ProfileSort   MR_(clo_heap_profile_sort)     = MR_SortLiveBytes;

static const HChar* const xml_tool_names[] = { "memroot", "memcheck", NULL };

Bool MR_(process_cmd_line_option)(const HChar* arg)
{
   Bool show;
   Int  ix;

   if VG_XACT_CLO(arg, "--leak-check=no", MR_(clo_leak_check), MR_LC_Off) {}
   else if VG_XACT_CLO(arg, "--leak-check=summary",
                       MR_(clo_leak_check), MR_LC_Summary) {}
   else if VG_XACT_CLO(arg, "--leak-check=yes", MR_(clo_leak_check), MR_LC_Full) {}
   else if VG_XACT_CLO(arg, "--leak-check=full", MR_(clo_leak_check), MR_LC_Full) {}
   else if VG_XACT_CLO(arg, "--leak-resolution=low",
                       MR_(clo_leak_resolution), Vg_LowRes) {}
   else if VG_XACT_CLO(arg, "--leak-resolution=med",
                       MR_(clo_leak_resolution), Vg_MedRes) {}
   else if VG_XACT_CLO(arg, "--leak-resolution=high",
                       MR_(clo_leak_resolution), Vg_HighRes) {}
   else if VG_USET_CLO(arg, "--show-leak-kinds", MR_(leak_kinds_tokens),
                       MR_(clo_show_leak_kinds)) {}
   else if VG_USET_CLO(arg, "--errors-for-leak-kinds", MR_(leak_kinds_tokens),
                       MR_(clo_errors_for_leak_kinds)) {}
   else if VG_USET_CLO(arg, "--leak-check-heuristics",
                       MR_(leak_heuristics_tokens),
                       MR_(clo_leak_check_heuristics)) {}
   else if VG_XACT_CLO(arg, "--leak-scan=tracked",
                       MR_(clo_leak_scan), MR_ScanTracked) {}
   else if VG_XACT_CLO(arg, "--leak-scan=conservative",
                       MR_(clo_leak_scan), MR_ScanConservative) {}
   else if VG_BOOL_CLO(arg, "--show-reachable", show) {
      if (show)
         MR_(clo_show_leak_kinds) = MR_(all_reachedness)();
      else
         MR_(clo_show_leak_kinds) &= ~MR_R2S(MR_Reachable);
   }
   else if VG_BOOL_CLO(arg, "--show-possibly-lost", show) {
      if (show)
         MR_(clo_show_leak_kinds) |= MR_R2S(MR_Possible);
      else
         MR_(clo_show_leak_kinds) &= ~MR_R2S(MR_Possible);
   }
   else if VG_BOOL_CLO(arg, "--xtree-leak", MR_(clo_xtree_leak)) {}
   else if VG_STR_CLO(arg, "--xtree-leak-file", MR_(clo_xtree_leak_file)) {}

   else if VG_BOOL_CLO(arg, "--retention", MR_(clo_retention)) {}
   else if VG_BINT_CLO(arg, "--retention-roots", MR_(clo_retention_roots),
                       1, 1000000) {}
   else if VG_BINT_CLO(arg, "--retention-sites", MR_(clo_retention_sites),
                       0, 1000) {}
   else if VG_DBL_CLO(arg, "--retention-threshold",
                      MR_(clo_retention_threshold)) {
      if (MR_(clo_retention_threshold) < 0.0
          || MR_(clo_retention_threshold) > 100.0)
         VG_(fmsg_bad_option)(arg, "must be a percentage between 0 and 100\n");
   }
   else if VG_STR_CLO(arg, "--retention-file", MR_(clo_retention_file)) {}
   else if VG_BHEX_CLO(arg, "--retention-path", MR_(clo_retention_path),
                       1, ~(Addr)0) {}
   else if VG_BOOL_CLO(arg, "--retention-stacks", MR_(clo_retention_stacks)) {}

   else if VG_STRINDEX_CLO(arg, "--xml-compat", xml_tool_names, ix)
      /* With "memcheck", readers that only accept the tool names they know
         (Qt Creator's knows memcheck, ptrcheck, helgrind) load memroot's
         XML, which is Memcheck's in every element they read. */
      VG_(clo_toolname) = xml_tool_names[ix];

   else if VG_BINT_CLO(arg, "--freelist-vol", MR_(clo_freelist_vol),
                       0, 10LL*1000*1000*1000) {}
   else if VG_BINT_CLO(arg, "--freelist-big-blocks",
                       MR_(clo_freelist_big_blocks), 0, 10LL*1000*1000*1000) {}
   else if VG_BOOL_CLO(arg, "--show-mismatched-frees",
                       MR_(clo_show_mismatched_frees)) {}

   else if VG_BOOL_CLO(arg, "--heap-profile", MR_(clo_heap_profile)) {}
   else if VG_BINT_CLO(arg, "--heap-profile-top", MR_(clo_heap_profile_top),
                       1, 1000000) {}
   else if VG_STRINDEX_CLO(arg, "--heap-profile-sort",
                           MR_(profile_sort_names), ix)
      MR_(clo_heap_profile_sort) = ix;

   else
      return VG_(replacement_malloc_process_cmd_line_option)(arg);
   return True;
}

void MR_(print_usage)(void)
{
   VG_(printf)(
"    --leak-check=no|summary|full     search for memory leaks at exit?  [summary]\n"
"    --leak-resolution=low|med|high   differentiation of leak stack traces [high]\n"
"    --show-leak-kinds=kind1,kind2,.. which leak kinds to show?\n"
"                                            [definite,possible]\n"
"    --errors-for-leak-kinds=kind1,kind2,..  which leak kinds are errors?\n"
"                                            [definite,possible]\n"
"        where kind is one of:\n"
"          definite indirect possible reachable all none\n"
"    --leak-check-heuristics=heur1,heur2,... which heuristics to use for\n"
"        improving leak search false positive [all]\n"
"        where heur is one of:\n"
"          stdstring length64 newarray multipleinheritance all none\n"
"    --show-reachable=yes             same as --show-leak-kinds=all\n"
"    --show-reachable=no --show-possibly-lost=yes\n"
"                                     same as --show-leak-kinds=definite,possible\n"
"    --show-reachable=no --show-possibly-lost=no\n"
"                                     same as --show-leak-kinds=definite\n"
"    --leak-scan=tracked|conservative which words are candidate pointers:\n"
"        those a heap pointer was stored into (tracked), or all [tracked]\n"
"    --retention=no|yes               at exit, report which roots retain the\n"
"        reachable heap [yes]\n"
"    --retention-roots=<number>       roots listed, the biggest first [10]\n"
"    --retention-threshold=<percent>  list only roots retaining at least\n"
"        this share of the live heap [0.1]\n"
"    --retention-sites=<number>       allocation sites shown per root [3]\n"
"    --retention-file=<file>          also write the report as JSON to <file>\n"
"        (%%p is replaced with the PID, %%q{VAR} with $VAR) [none]\n"
"    --retention-path=<address>       at exit, show the shortest paths from\n"
"        roots to the block holding <address> [none]\n"
"    --retention-stacks=no|yes        with the retention report, each thread's\n"
"        stack frame by frame: what each frame and local retains [no]\n"
"    --xtree-leak=no|yes              output leak result in xtree format? [no]\n"
"        (yes implies --leak-check=full --show-leak-kinds=all, unless\n"
"         --leak-check=no)\n"
"    --xtree-leak-file=<file>         xtree leak report file [xtleak.kcg.%%p]\n"
"    --xml-compat=memroot|memcheck    tool name written in the XML output,\n"
"        memcheck for readers that know no other [memroot]\n"
"    --show-mismatched-frees=no|yes   show frees that don't match the allocator? [yes]\n"
"    --freelist-vol=<number>          volume of freed blocks queue     [20000000]\n"
"    --freelist-big-blocks=<number>   releases first blocks with size>= [1000000]\n"
"    --heap-profile=no|yes            print allocation sites at exit [no]\n"
"    --heap-profile-top=<number>      how many sites to print [10]\n"
"    --heap-profile-sort=live-bytes|peak-bytes|bytes|allocs|live-blocks|peak-blocks\n"
"                                     order of the sites [live-bytes]\n"
   );
}

void MR_(print_debug_usage)(void)
{
   VG_(printf)("    (none)\n");
}

void MR_(options_post_clo)(void)
{
   /* As Memcheck: XML readers want every loss record. */
   if (VG_(clo_xml))
      MR_(clo_leak_check) = MR_LC_Full;
}

void MR_(clo_leak_check_params)(MR_LeakCheckParams* lcp,
                                MR_LeakCheckAsker asker, Bool keep_edges)
{
   lcp->search.scan       = MR_(clo_leak_scan);
   lcp->search.keep_edges = keep_edges;
   lcp->resolution        = MR_(clo_leak_resolution);
   lcp->max_loss_records_output = 999999999;
   lcp->xt_filename       = NULL;
   switch (asker) {
   case MR_ByOptions:
      lcp->mode                  = MR_(clo_leak_check);
      lcp->show_leak_kinds       = MR_(clo_show_leak_kinds);
      lcp->errors_for_leak_kinds = MR_(clo_errors_for_leak_kinds);
      lcp->search.heuristics     = MR_(clo_leak_check_heuristics);
      lcp->deltamode             = MR_LCD_Any;
      lcp->requested_by_monitor_command = False;
      break;
   case MR_ByMonitor:
      /* Memcheck's monitor defaults, which differ from the command
         line's: no heuristics, only what increased, and never an error
         count. */
      lcp->mode                  = MR_LC_Full;
      lcp->show_leak_kinds       = MR_R2S(MR_Possible) | MR_R2S(MR_Unreached);
      lcp->errors_for_leak_kinds = 0;
      lcp->search.heuristics     = 0;
      lcp->deltamode             = MR_LCD_Increased;
      lcp->requested_by_monitor_command = True;
      break;
   }
}

MR_SearchParams MR_(clo_search_params)(void)
{
   MR_SearchParams sp;
   sp.heuristics = MR_(clo_leak_check_heuristics);
   sp.scan       = MR_(clo_leak_scan);
   sp.keep_edges = True;
   return sp;
}

void MR_(clo_retention_params)(MR_RetentionParams* p)
{
   p->max_roots     = MR_(clo_retention_roots);
   p->max_sites     = MR_(clo_retention_sites);
   p->threshold_ppm = (UInt)(MR_(clo_retention_threshold) * 10000.0 + 0.5);
   p->deltamode     = MR_LCD_Any;
   p->stacks        = MR_(clo_retention_stacks);
   p->json_file     = MR_(clo_retention_file);
}

void MR_(clo_heap_params)(MR_HeapParams* p)
{
   p->freelist_vol          = MR_(clo_freelist_vol);
   p->freelist_big_blocks   = MR_(clo_freelist_big_blocks);
   p->show_mismatched_frees = MR_(clo_show_mismatched_frees);
   p->profile               = MR_(clo_heap_profile);
}
