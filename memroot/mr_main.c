/* memroot main: tool registration, start-up and exit.  The only piece
   that knows every other piece; the options are mr_options.c's.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_options.h"
#include "pub_tool_tooliface.h"
#include "mr_account.h"
#include "mr_clreq.h"
#include "mr_datafile.h"
#include "mr_errmgr.h"
#include "mr_heap.h"
#include "mr_instrument.h"
#include "mr_lossrec.h"
#include "mr_mempool.h"
#include "mr_options.h"
#include "mr_origins.h"
#include "mr_profile.h"
#include "mr_retain_report.h"
#include "mr_slots.h"
#include "mr_storesites.h"
#include "mr_threads.h"
#include "mr_xtmemory.h"

/* --snapshot-every: the heap calls it as the program allocates. */
static void periodic_snapshot(void)
{
   MR_SearchParams sp = MR_(clo_search_params)();
   MR_(search_and_snapshot)(&sp);
}

static void mr_post_clo_init(void)
{
   MR_HeapParams    hp;
   MR_AccountParams ap;
   MR_OriginsParams op;
   ULong            every;

   MR_(options_post_clo)();
   MR_(clo_account_params)(&ap);
   MR_(clo_heap_params)(&hp, MR_(account_init)(&ap));
   hp.snapshot = periodic_snapshot;
   MR_(heap_init)(&hp);
   MR_(clo_origins_params)(&op);
   MR_(origins_init)(&op);
   /* Drops record the stack in the store helpers: the unwinder needs the
      instruction and frame pointers exact at each store too (unless the
      command line asked for more). */
   if (MR_(origins_on) && VG_(clo_vex_control).iropt_register_updates_default
                          == VexRegUpdSpAtMemAccess)
      VG_(clo_vex_control).iropt_register_updates_default
         = VexRegUpdUnwindregsAtMemAccess;
   if (ap.profile) {
      Bool timeline = MR_(clo_timeline)(&every);
      MR_(profile_init)(timeline, every);
   }
   if (ap.xtree_full)
      MR_(xtmemory_init)();
}

/* As Memcheck, first thing at exit: the file then counts the blocks the
   program left, before any report. */
static void xtmemory_at_exit(void)
{
   UInt       n = 0;
   MR_Block** live = NULL;
   if (VG_(clo_xtree_memory) == Vg_XTMemory_None)
      return;
   if (VG_(clo_xtree_memory) == Vg_XTMemory_Allocs)
      live = MR_(heap_live_blocks)(&n);
   MR_(xtmemory_report)(VG_(clo_xtree_memory_file), True, live, n);
   VG_(free)(live);
}

/* The leak check at exit, as the options ask; with a retention report to
   follow, its search keeps the pointers it followed.  Returns the signal
   that interrupted it, or 0. */
static Int leak_check_at_exit(Bool keep_edges)
{
   MR_LeakCheckParams lcp;
   HChar* xt_filename = NULL;
   Int    interrupted;

   MR_(clo_leak_check_params)(&lcp, MR_ByOptions, keep_edges);
   if (MR_(clo_xtree_leak)) {
      /* As Memcheck: the file has every record, so that a viewer can pick
         the kinds.  The name is expanded (%p, %q{VAR}) and checked only
         now, as Memcheck does; a bad one ends the run here with Valgrind's
         bad-option message. */
      xt_filename = VG_(expand_file_name)("--xtree-leak-file",
                                          MR_(clo_xtree_leak_file));
      lcp.xt_filename     = xt_filename;
      lcp.mode            = MR_LC_Full;
      lcp.show_leak_kinds = MR_(all_reachedness)();
   }
   interrupted = MR_(detect_memory_leaks)(1 /* any thread: only for the
                                               error records */, &lcp);
   VG_(free)(xt_filename);
   return interrupted;
}

/* A signal interrupted the exit's search: the run ends as the signal
   asked, with the shell's code for it, and no report after. */
static void exit_interrupted(Int sig)
{
   VG_(exit)(128 + sig);
}

static void print_heap_profile(void)
{
   UInt       n, n_heap;
   MR_Block** live = MR_(mempool_all_blocks)(&n, &n_heap);
   MR_(profile_print)(MR_(clo_heap_profile_top), MR_(clo_heap_profile_sort),
                      MR_(heap_bytes_allocated)(), live, n);
   VG_(free)(live);
}

static void write_datafile_at_exit(MR_Retention* a)
{
   HChar* name = VG_(expand_file_name)("--memroot-out-file",
                                       MR_(clo_memroot_out_file));
   if (MR_(datafile_write)(name, "exit", a) && VG_(clo_verbosity) >= 1)
      VG_(umsg)("memroot data file: %s\n", name);
   VG_(free)(name);
}

static void mr_fini(Int exitcode)
{
   const Bool retain = MR_(clo_retention) || MR_(clo_retention_path);
   const Bool datafile = MR_(clo_memroot_out_file) != NULL;
   Bool       datafile_written = False;
   MR_Search* s = NULL;
   MR_Search* own = NULL;

   xtmemory_at_exit();
   if (VG_(clo_verbosity) > 0 && !VG_(clo_xml))
      MR_(heap_print_summary)();

   if (MR_(clo_leak_check) != MR_LC_Off) {
      Int sig = leak_check_at_exit(retain);
      if (sig != 0)
         exit_interrupted(sig);
      s = MR_(last_check_search)();
   } else {
      if (VG_(clo_verbosity) == 1 && !VG_(clo_xml))
         VG_(umsg)("For a detailed leak analysis, rerun with: "
                   "--leak-check=full\n\n");
      if (retain) {
         MR_SearchParams sp = MR_(clo_search_params)();
         s = own = MR_(leak_search)(&sp);
         if (s->interrupted)
            exit_interrupted(s->interrupted);
      }
   }
   if (retain) {
      MR_Retention* a = MR_(retention_attribute)(s);
      const Bool reported = MR_(clo_retention) && s->n_blocks > 0;
      if (reported) {
         MR_RetentionParams rp;
         MR_(clo_retention_params)(&rp);
         MR_(retention_report)(a, &rp);
      }
      if (MR_(clo_retention_path) != 0 && !VG_(clo_xml))
         MR_(retention_paths)(a, MR_(clo_retention_path), 3);
      if (MR_(clo_heap_profile) && !VG_(clo_xml))
         print_heap_profile();
      /* Last, while the analysis is still there. */
      if (datafile) {
         write_datafile_at_exit(reported ? a : NULL);
         datafile_written = True;
      }
      MR_(retention_free)(a);
   } else if (MR_(clo_heap_profile) && !VG_(clo_xml)) {
      print_heap_profile();
   }
   MR_(search_free)(own);
   if (datafile && !datafile_written)
      write_datafile_at_exit(NULL);
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
      "Copyright (C) 2026, the memroot developers; GNU GPL'd.");
   VG_(details_bug_reports_to)(VG_BUGS_TO);
   VG_(details_avg_translation_sizeB)(275);
   /* --read-inline-info=no on the command line still wins: options are
      read after this. */
   VG_(clo_read_inline_info) = True;
   /* Nothing memroot does at a load or a store reads the guest registers
      but SP (a store into the stack), so only SP need be exact there, as
      under Massif: the generated code writes back the other registers
      less often.  --leak-origins asks for more (mr_post_clo_init). */
   VG_(clo_vex_control).iropt_register_updates_default
      = VexRegUpdSpAtMemAccess;

   VG_(basic_tool_funcs)(mr_post_clo_init, MR_(instrument), mr_fini);
   VG_(needs_command_line_options)(MR_(process_cmd_line_option),
                                   MR_(print_usage), MR_(print_debug_usage));
   VG_(needs_xml_output)();
   /* Memcheck runs glibc's and libstdc++'s cleanup before its exit check;
      so must we, or their internal blocks show up as still in use. */
   VG_(needs_libc_freeres)();
   VG_(needs_cxx_freeres)();
   MR_(heap_needs_malloc_replacement)();
   MR_(errmgr_register)();
   MR_(clreq_needs_client_requests)();
   MR_(mempool_init)();
   MR_(store_sites_init)();
   MR_(slots_register_events)();
   MR_(threads_register)();
}

VG_DETERMINE_INTERFACE_VERSION(mr_pre_clo_init)
