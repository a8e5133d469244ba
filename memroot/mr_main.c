/* memroot main: tool registration, command-line options, start-up and
   exit.  The only piece that knows every other piece. */

#include "pub_tool_clreq.h"
#include "pub_tool_options.h"
#include "pub_tool_replacemalloc.h"
#include "pub_tool_tooliface.h"
#include "mr_clreq.h"
#include "mr_errors.h"
#include "mr_heap.h"
#include "mr_instrument.h"
#include "mr_leak.h"
#include "mr_mempool.h"
#include "mr_options.h"
#include "mr_profile.h"
#include "mr_slots.h"

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
static Long         clo_retention_roots = 10;
static Long         clo_retention_sites = 3;
static Double       clo_retention_threshold = 0.1;   /* percent */
static const HChar* clo_retention_file = NULL;
static Addr         clo_retention_path = 0;

void MR_(clo_retention_params)(MR_RetentionParams* p)
{
   p->max_roots     = clo_retention_roots;
   p->max_sites     = clo_retention_sites;
   p->threshold_ppm = (UInt)(clo_retention_threshold * 10000.0 + 0.5);
   p->deltamode     = MR_LCD_Any;
   p->json_file     = clo_retention_file;
}

void MR_(clo_leak_check_params)(MR_LeakCheckParams* lcp)
{
   lcp->mode                  = MR_(clo_leak_check);
   lcp->show_leak_kinds       = MR_(clo_show_leak_kinds);
   lcp->errors_for_leak_kinds = MR_(clo_errors_for_leak_kinds);
   lcp->heuristics            = MR_(clo_leak_check_heuristics);
   lcp->deltamode             = MR_LCD_Any;
   lcp->max_loss_records_output = 999999999;
   lcp->requested_by_monitor_command = False;
   lcp->xt_filename           = NULL;
}

static Bool mr_process_cmd_line_option(const HChar* arg)
{
   static const HChar* const xml_tool_names[] = { "memroot", "memcheck", NULL };
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
   else if VG_BOOL_CLO(arg, "--retention", MR_(clo_retention)) {}
   else if VG_BINT_CLO(arg, "--retention-roots", clo_retention_roots,
                       1, 1000000) {}
   else if VG_BINT_CLO(arg, "--retention-sites", clo_retention_sites,
                       0, 1000) {}
   else if VG_DBL_CLO(arg, "--retention-threshold", clo_retention_threshold) {
      if (clo_retention_threshold < 0.0 || clo_retention_threshold > 100.0)
         VG_(fmsg_bad_option)(arg, "must be a percentage between 0 and 100\n");
   }
   else if VG_STR_CLO(arg, "--retention-file", clo_retention_file) {}
   else if VG_BHEX_CLO(arg, "--retention-path", clo_retention_path,
                       1, ~(Addr)0) {}
   else if VG_BOOL_CLO(arg, "--xtree-leak", MR_(clo_xtree_leak)) {}
   else if VG_STR_CLO(arg, "--xtree-leak-file", MR_(clo_xtree_leak_file)) {}
   else if VG_STRINDEX_CLO(arg, "--xml-compat", xml_tool_names, ix)
      /* With "memcheck", readers that only accept the tool names they know
         (Qt Creator's knows memcheck, ptrcheck, helgrind) load memroot's
         XML, which is Memcheck's in every element they read. */
      VG_(clo_toolname) = xml_tool_names[ix];
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
   else
      return MR_(heap_process_cmd_line_option)(arg)
             || MR_(profile_process_cmd_line_option)(arg)
             || VG_(replacement_malloc_process_cmd_line_option)(arg);
   return True;
}

static void mr_print_usage(void)
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
"    --xtree-leak=no|yes              output leak result in xtree format? [no]\n"
"        (yes implies --leak-check=full --show-leak-kinds=all, unless\n"
"         --leak-check=no)\n"
"    --xtree-leak-file=<file>         xtree leak report file [xtleak.kcg.%%p]\n"
"    --xml-compat=memroot|memcheck    tool name written in the XML output,\n"
"        memcheck for readers that know no other [memroot]\n"
   );
   MR_(heap_print_usage)();
   MR_(profile_print_usage)();
}

static void mr_print_debug_usage(void)
{
   VG_(printf)("    (none)\n");
}

static void mr_post_clo_init(void)
{
   /* As Memcheck: XML readers want every loss record. */
   if (VG_(clo_xml))
      MR_(clo_leak_check) = MR_LC_Full;
}

static void mr_fini(Int exitcode)
{
   if (VG_(clo_verbosity) > 0 && !VG_(clo_xml))
      MR_(heap_print_summary)();

   if (MR_(clo_leak_check) != MR_LC_Off) {
      MR_LeakCheckParams lcp;
      HChar* xt_filename = NULL;
      MR_(clo_leak_check_params)(&lcp);
      if (MR_(clo_xtree_leak)) {
         /* As Memcheck: the file has every record, so that a viewer can
            pick the kinds.  The name is expanded (%p, %q{VAR}) and checked
            only now, as Memcheck does; a bad one ends the run here with
            Valgrind's bad-option message. */
         xt_filename = VG_(expand_file_name)("--xtree-leak-file",
                                             MR_(clo_xtree_leak_file));
         lcp.xt_filename     = xt_filename;
         lcp.mode            = MR_LC_Full;
         lcp.show_leak_kinds = MR_(all_reachedness)();
      }
      MR_(detect_memory_leaks)(1 /* any thread: only for the error records */,
                               &lcp);
      VG_(free)(xt_filename);
   } else {
      if (VG_(clo_verbosity) == 1 && !VG_(clo_xml))
         VG_(umsg)("For a detailed leak analysis, rerun with: "
                   "--leak-check=full\n\n");
      if (MR_(clo_retention) || clo_retention_path != 0)
         MR_(leak_search)(MR_(clo_leak_check_heuristics));
   }
   if (MR_(clo_retention) && MR_(lc_n_blocks)() > 0) {
      MR_RetentionParams rp;
      MR_(clo_retention_params)(&rp);
      MR_(retention_report)(&rp);
   }
   if (clo_retention_path != 0 && !VG_(clo_xml))
      MR_(retention_paths)(clo_retention_path, 3);
   MR_(profile_print)();
}

/* Not in the tool headers, but a core option like any other: the core
   defaults it to yes for Memcheck only (m_main.c), and Memcheck's stacks
   show inlined calls as frames.  Loss records are keyed by stack, so
   memroot must see the same frames. */
extern Bool VG_(clo_read_inline_info);

static void mr_pre_clo_init(void)
{
   /* The name is what suppression files say: "Memroot:Leak". */
   VG_(details_name)("Memroot");
   VG_(details_version)(NULL);
   VG_(details_description)("a heap retention and leak analyser");
   VG_(details_copyright_author)(
      "Copyright (C) 2026, the memroot developers.");
   VG_(details_bug_reports_to)(VG_BUGS_TO);
   VG_(details_avg_translation_sizeB)(275);
   /* --read-inline-info=no on the command line still wins: options are
      read after this. */
   VG_(clo_read_inline_info) = True;

   VG_(basic_tool_funcs)(mr_post_clo_init, MR_(instrument), mr_fini);
   VG_(needs_command_line_options)(mr_process_cmd_line_option,
                                   mr_print_usage, mr_print_debug_usage);
   VG_(needs_xml_output)();
   /* Memcheck runs glibc's and libstdc++'s cleanup before its exit check;
      so must we, or their internal blocks show up as still in use. */
   VG_(needs_libc_freeres)();
   VG_(needs_cxx_freeres)();
   MR_(heap_needs_malloc_replacement)();
   MR_(errors_needs_tool_errors)();
   MR_(clreq_needs_client_requests)();
   MR_(heap_init)();
   MR_(mempool_init)();
   MR_(profile_init)();
   MR_(slots_init)();
   MR_(slots_register_events)();
}

VG_DETERMINE_INTERFACE_VERSION(mr_pre_clo_init)
