/* memroot options: the command line, parsed with Valgrind's VG_*_CLO
   macros into MR_(clo_*) globals, and the usage text --help prints.  A
   malformed or unknown option stops Valgrind before the program starts,
   with the core's bad-option message.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_libcfile.h"
#include "pub_tool_options.h"
#include "pub_tool_replacemalloc.h"
#include "pub_tool_vki.h"
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
Bool             MR_(clo_leak_origins)          = False;
Addr             MR_(clo_watch_block)           = 0;
Bool             MR_(clo_xtree_leak)            = False;
const HChar*     MR_(clo_xtree_leak_file)       = "xtleak.kcg.%p";

Bool             MR_(clo_retention)             = True;
Long             MR_(clo_retention_roots)       = 10;
Long             MR_(clo_retention_sites)       = 3;
Double           MR_(clo_retention_threshold)   = 0.1;
const HChar*     MR_(clo_retention_file)        = NULL;
Addr             MR_(clo_retention_path)        = 0;
Bool             MR_(clo_retention_stacks)      = False;
Bool             MR_(clo_suspects)              = True;
Double           MR_(clo_suspect_threshold)     = 10.0;
ULong            MR_(clo_snapshot_every)        = 0;

/* Memcheck's freed-block queue. */
Long             MR_(clo_freelist_vol)          = 20000000;
Long             MR_(clo_freelist_big_blocks)   = 1000000;
Bool             MR_(clo_show_mismatched_frees) = True;
Int              MR_(clo_free_callers)          = 4;
Bool             MR_(clo_heap_profile)          = False;
Long             MR_(clo_heap_profile_top)      = 10;
MR_ProfileSort   MR_(clo_heap_profile_sort)     = MR_SortLiveBytes;

const HChar*     MR_(clo_memroot_out_file)      = NULL;
ULong            MR_(clo_timeline_every)        = 0;

static const HChar* const xml_tool_names[] = { "memroot", "memcheck", NULL };

/* A file name option must name something. */
static void check_not_empty(const HChar* arg, const HChar* name)
{
   if (name[0] == '\0')
      VG_(fmsg_bad_option)(arg, "a file name is needed\n");
}

/* An address option: 0x and hex digits, as monitor commands take them. */
static void parse_block_address(const HChar* arg, const HChar* val, Addr* a)
{
   const HChar* pc = val;
   if (!VG_(parse_Addr)(&pc, a) || *pc != '\0')
      VG_(fmsg_bad_option)(arg, "expected an address such as 0x4a3a040,"
                           " 0x followed by at most 16 hex digits\n");
   if (*a == 0)
      VG_(fmsg_bad_option)(arg, "no block lies at address 0\n");
}

/* A sort key of the profile; a wrong one is told the keys there are. */
static void parse_profile_sort(const HChar* arg, const HChar* key)
{
   HChar keys[256] = "";
   Int   i;
   for (i = 0; i < MR_N_PROFILE_SORTS; i++) {
      if (VG_STREQ(key, MR_(profile_sort_names)[i])) {
         MR_(clo_heap_profile_sort) = i;
         return;
      }
      VG_(strcat)(keys, i ? ", " : "");
      VG_(strcat)(keys, MR_(profile_sort_names)[i]);
   }
   VG_(fmsg_bad_option)(arg, "expected one of %s\n", keys);
}

/* A number of bytes with an optional k, M or G (powers of 1024): at
   least 1, at most 2^50. */
static void parse_byte_count(const HChar* arg, const HChar* text, ULong* n)
{
   const HChar* p = text;
   ULong        v = 0, unit = 1;
   if (*p < '0' || *p > '9')
      goto bad;
   for (; *p >= '0' && *p <= '9'; p++) {
      if (v > (1ULL << 50))
         goto bad;
      v = v * 10 + (*p - '0');
   }
   switch (*p) {
   case 'k': unit = 1ULL << 10; p++; break;
   case 'M': unit = 1ULL << 20; p++; break;
   case 'G': unit = 1ULL << 30; p++; break;
   default: break;
   }
   if (*p != '\0' || v == 0 || v > (1ULL << 50) / unit)
      goto bad;
   *n = v * unit;
   return;
 bad:
   VG_(fmsg_bad_option)(arg, "expected a number of bytes from 1 to 2^50,"
                        " with an optional k, M or G (e.g. 64k)\n");
}

Bool MR_(process_cmd_line_option)(const HChar* arg)
{
   const HChar* address;
   const HChar* sort;
   const HChar* bytes;
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
   else if VG_BOOL_CLO(arg, "--leak-origins", MR_(clo_leak_origins)) {}
   else if VG_STR_CLO(arg, "--watch-block", address)
      parse_block_address(arg, address, &MR_(clo_watch_block));
   else if VG_BOOL_CLO(arg, "--xtree-leak", MR_(clo_xtree_leak)) {}
   else if VG_STR_CLO(arg, "--xtree-leak-file", MR_(clo_xtree_leak_file))
      check_not_empty(arg, MR_(clo_xtree_leak_file));

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
   else if VG_STR_CLO(arg, "--retention-file", MR_(clo_retention_file))
      check_not_empty(arg, MR_(clo_retention_file));
   else if VG_STR_CLO(arg, "--retention-path", address)
      parse_block_address(arg, address, &MR_(clo_retention_path));
   else if VG_BOOL_CLO(arg, "--retention-stacks", MR_(clo_retention_stacks)) {}
   else if VG_BOOL_CLO(arg, "--suspects", MR_(clo_suspects)) {}
   else if VG_DBL_CLO(arg, "--suspect-threshold",
                      MR_(clo_suspect_threshold)) {
      /* Every root retains at least 0%: a suspect must stand out. */
      if (!(MR_(clo_suspect_threshold) >= 0.01
            && MR_(clo_suspect_threshold) <= 100.0))
         VG_(fmsg_bad_option)(arg, "must be a percentage between 0.01 and"
                              " 100\n");
   }

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
   /* The bounds of the core's --num-callers. */
   else if VG_BINT_CLO(arg, "--free-callers", MR_(clo_free_callers), 1, 500) {}

   else if VG_BOOL_CLO(arg, "--heap-profile", MR_(clo_heap_profile)) {}
   else if VG_BINT_CLO(arg, "--heap-profile-top", MR_(clo_heap_profile_top),
                       1, 1000000) {}
   else if VG_STR_CLO(arg, "--heap-profile-sort", sort)
      parse_profile_sort(arg, sort);

   else if VG_STR_CLO(arg, "--memroot-out-file", MR_(clo_memroot_out_file))
      check_not_empty(arg, MR_(clo_memroot_out_file));
   else if VG_STR_CLO(arg, "--timeline-every", bytes)
      parse_byte_count(arg, bytes, &MR_(clo_timeline_every));
   else if VG_STR_CLO(arg, "--snapshot-every", bytes)
      parse_byte_count(arg, bytes, &MR_(clo_snapshot_every));

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
"    --leak-origins=no|yes            remember where each block lost its last\n"
"        pointer and say so in its loss record (costs time) [no]\n"
"    --watch-block=<address>          report every store and drop of a pointer\n"
"        to the block starting at <address> as an error [none]\n"
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
"    --suspects=no|yes                before the retention report, name the\n"
"        leak suspects: what retains or loses the most [yes]\n"
"    --suspect-threshold=<percent>    a suspect retains or loses at least\n"
"        this share of the live heap [10]\n"
"    --snapshot-every=<N>[k|M|G]      take a retention snapshot every N bytes\n"
"        allocated, for the growth suspects at exit [none]\n"
"    --xtree-leak=no|yes              output leak result in xtree format? [no]\n"
"        (yes implies --leak-check=full --show-leak-kinds=all, unless\n"
"         --leak-check=no)\n"
"    --xtree-leak-file=<file>         xtree leak report file [xtleak.kcg.%%p]\n"
"    --xml-compat=memroot|memcheck    tool name written in the XML output,\n"
"        memcheck for readers that know no other [memroot]\n"
"    --show-mismatched-frees=no|yes   show frees that don't match the allocator? [yes]\n"
"    --freelist-vol=<number>          volume of freed blocks queue     [20000000]\n"
"    --freelist-big-blocks=<number>   releases first blocks with size>= [1000000]\n"
"    --free-callers=<number>          callers in the stack recorded at a free,\n"
"        at most --num-callers (all of them with --xtree-memory=full) [4]\n"
"    --heap-profile=no|yes            print allocation sites at exit [no]\n"
"    --heap-profile-top=<number>      how many sites to print [10]\n"
"    --heap-profile-sort=live-bytes|peak-bytes|bytes|allocs|live-blocks|peak-blocks\n"
"                                     order of the sites [live-bytes]\n"
"    --memroot-out-file=<file>        at exit, write everything memroot knows\n"
"        (summaries, loss records, retention, errors, the allocation-site\n"
"        profile and its timeline) as a JSON data file for memroot-report\n"
"        (%%p is replaced with the PID, %%q{VAR} with $VAR, %%n with a\n"
"        sequence number) [none]\n"
"    --timeline-every=<N>[k|M|G]      with --memroot-out-file, a timeline\n"
"        sample every N bytes allocated [adaptive: 1,000 to 2,000 samples]\n"
   );
}

void MR_(print_debug_usage)(void)
{
   VG_(printf)("    (none)\n");
}

/* Why a file could not be created, in words. */
static const HChar* creation_error(UWord err)
{
   switch (err) {
   case VKI_ENOENT:  return "no such directory";
   case VKI_ENOTDIR: return "a part of the path is not a directory";
   case VKI_EACCES:  return "permission denied";
   case VKI_EROFS:   return "read-only file system";
   case VKI_EISDIR:  return "it is a directory";
   case VKI_ENOSPC:  return "no space left on the device";
   default:          return "the system refused it";
   }
}

/* An output file is checked before the program starts, not at exit: its
   name expands (%p, %q{VAR}) and it can be created.  A file that did not
   exist is removed again. */
static void check_output_file(const HChar* option, const HChar* template)
{
   HChar  arg[VG_(strlen)(option) + VG_(strlen)(template) + 2];
   HChar* name;
   struct vg_stat st;
   Bool   existed;
   SysRes sr;

   VG_(sprintf)(arg, "%s=%s", option, template);
   name    = VG_(expand_file_name)(option, template);
   existed = !sr_isError(VG_(stat)(name, &st));
   sr = VG_(open)(name, VKI_O_WRONLY | VKI_O_CREAT, VKI_S_IRUSR | VKI_S_IWUSR);
   /* Past option parsing, VG_(fmsg_bad_option) no longer ends the run:
      say it its way, then end it. */
   if (sr_isError(sr)) {
      VG_(fmsg)("Bad option: %s\n", arg);
      VG_(fmsg)("cannot create '%s': %s\n", name, creation_error(sr_Err(sr)));
      VG_(fmsg)("Use --help for more information or consult the user "
                "manual.\n");
      VG_(exit)(1);
   }
   VG_(close)(sr_Res(sr));
   if (!existed)
      VG_(unlink)(name);
   VG_(free)(name);
}

void MR_(options_post_clo)(void)
{
   /* As Memcheck: XML readers want every loss record. */
   if (VG_(clo_xml))
      MR_(clo_leak_check) = MR_LC_Full;
   if (MR_(clo_retention_file) != NULL)
      check_output_file("--retention-file", MR_(clo_retention_file));
   if (MR_(clo_xtree_leak) && MR_(clo_leak_check) != MR_LC_Off)
      check_output_file("--xtree-leak-file", MR_(clo_xtree_leak_file));
   if (VG_(clo_xtree_memory) != Vg_XTMemory_None)
      check_output_file("--xtree-memory-file", VG_(clo_xtree_memory_file));
   if (MR_(clo_memroot_out_file) != NULL)
      check_output_file("--memroot-out-file", MR_(clo_memroot_out_file));
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
   p->suspect_ppm   = MR_(clo_suspects)
                      ? (UInt)(MR_(clo_suspect_threshold) * 10000.0 + 0.5) : 0;
}

void MR_(clo_suspect_params)(MR_SuspectParams* p)
{
   p->threshold_ppm = (UInt)(MR_(clo_suspect_threshold) * 10000.0 + 0.5);
   p->max_sites     = MR_(clo_retention_sites);
   p->now           = True;
   p->growth        = False;
}

void MR_(clo_heap_params)(MR_HeapParams* p, Bool account)
{
   p->freelist_vol          = MR_(clo_freelist_vol);
   p->freelist_big_blocks   = MR_(clo_freelist_big_blocks);
   p->show_mismatched_frees = MR_(clo_show_mismatched_frees);
   /* The xtree of frees is the free stacks' own report: whole stacks. */
   p->free_callers = VG_(clo_xtree_memory) == Vg_XTMemory_Full
                     || MR_(clo_free_callers) > VG_(clo_backtrace_size)
                     ? VG_(clo_backtrace_size) : MR_(clo_free_callers);
   p->account               = account;
   p->snapshot_every        = MR_(clo_snapshot_every);
   p->snapshot              = NULL;
}

void MR_(clo_origins_params)(MR_OriginsParams* p)
{
   p->on    = MR_(clo_leak_origins);
   p->watch = MR_(clo_watch_block);
}

void MR_(clo_profile_params)(UInt* top, MR_ProfileSort* sort)
{
   *top  = MR_(clo_heap_profile_top);
   *sort = MR_(clo_heap_profile_sort);
}

MR_SearchParams MR_(clo_dump_params)(MR_RetentionParams* storage,
                                     const MR_RetentionParams** rp)
{
   MR_(clo_retention_params)(storage);
   /* The data file holds the report; no second JSON file. */
   storage->json_file = NULL;
   *rp = MR_(clo_retention) ? storage : NULL;
   return MR_(clo_search_params)();
}

void MR_(clo_account_params)(MR_AccountParams* p)
{
   p->profile    = MR_(clo_heap_profile) || MR_(clo_memroot_out_file) != NULL;
   p->xtree_full = VG_(clo_xtree_memory) == Vg_XTMemory_Full;
}

Bool MR_(clo_timeline)(ULong* every)
{
   *every = MR_(clo_timeline_every);
   return MR_(clo_memroot_out_file) != NULL;
}
