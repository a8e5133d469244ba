/* memroot client requests: one switch over the request code.  Heap and
   pool requests go to the piece that owns them; leak checks, retention
   reports and slot queries are answered here, with the parameters the
   options give.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_aspacemgr.h"
#include "pub_tool_options.h"
#include "pub_tool_tooliface.h"
#include "pub_tool_vki.h"
#include "valgrind.h"
#include "memcheck.h"
#include "memroot.h"
#include "mr_clreq.h"
#include "mr_datafile.h"
#include "mr_heap.h"
#include "mr_lossrec.h"
#include "mr_mempool.h"
#include "mr_monitor.h"
#include "mr_options.h"
#include "mr_retain_report.h"
#include "mr_slots.h"
#include "mr_storesites.h"

/* The delta mode a request passes as a word (0 any, 1 increased, 2
   changed); False, with MR_LCD_Any, for any other word. */
static Bool deltamode_of_request(UWord w, MR_DeltaMode* mode)
{
   switch (w) {
   case 0: *mode = MR_LCD_Any; return True;
   case 1: *mode = MR_LCD_Increased; return True;
   case 2: *mode = MR_LCD_Changed; return True;
   default: *mode = MR_LCD_Any; return False;
   }
}

/* VALGRIND_DO_LEAK_CHECK and its variants: arg[1] full (0) or summary
   (1), arg[2] the delta mode. */
static void do_leak_check(ThreadId tid, UWord* arg)
{
   MR_LeakCheckParams lcp;
   MR_(clo_leak_check_params)(&lcp, MR_ByOptions, False);
   switch (arg[1]) {
   case 0: lcp.mode = MR_LC_Full; break;
   case 1: lcp.mode = MR_LC_Summary; break;
   default:
      VG_(umsg)("Warning: unknown memroot leak search mode %lu; "
                "doing a full leak search\n", arg[1]);
      lcp.mode = MR_LC_Full;
   }
   if (!deltamode_of_request(arg[2], &lcp.deltamode))
      VG_(umsg)("Warning: unknown memroot leak search deltamode %lu; "
                "showing every loss record\n", arg[2]);
   MR_(detect_memory_leaks)(tid, &lcp);
}

/* The four results go to the client's variables; memcheck.h initialises
   them, so the macros work natively too. */
static void count_leaks(UWord* arg)
{
   UWord**       argp = (UWord**)arg;
   MR_LeakTotals bytes, blocks;
   MR_LeakTotals* t = arg[0] == VG_USERREQ__COUNT_LEAKS ? &bytes : &blocks;
   MR_(leak_totals)(&bytes, &blocks);
   *argp[1] = t->leaked;
   *argp[2] = t->dubious;
   *argp[3] = t->reachable;
   *argp[4] = t->suppressed;
}

static void retention_report(UWord mode)
{
   MR_RetentionParams p;
   MR_SearchParams    sp = MR_(clo_search_params)();
   MR_(clo_retention_params)(&p);
   if (!deltamode_of_request(mode, &p.deltamode))
      VG_(umsg)("Warning: unknown memroot retention report mode %lu; "
                "listing every root\n", mode);
   MR_(search_and_report_retention)(&sp, &p);
}

static void suspects(UWord mode)
{
   MR_SuspectParams p;
   MR_SearchParams  sp = MR_(clo_search_params)();
   MR_(clo_suspect_params)(&p);
   if (mode > 1)
      VG_(umsg)("Warning: unknown memroot suspects mode %lu; showing the"
                " suspects of the heap now\n", mode);
   else if (mode == 1) {
      p.now = False;
      p.growth = True;
   }
   MR_(search_and_report_suspects)(&sp, &p);
}

/* MEMROOT_GET_SLOT_SITE answers the store instruction's address, or the
   special id (memroot.h); MEMROOT_PRINT_SLOT_SITE prints it. */
static UWord slot_site(UWord request, Addr a)
{
   Addr w  = VG_ROUNDDN(a, 8);
   UInt id = MR_(slot_store_id)(w);
   if (request == VG_USERREQ__MEMROOT_PRINT_SLOT_SITE) {
      VG_(umsg)("Word at %#lx:\n", w);
      MR_(pp_store_site)("   ", id);
      return 0;
   }
   return id < MR_STORE_FIRST ? id : MR_(store_site_ip)(id);
}

/* A file name the client passes: a readable string of fewer than
   VKI_PATH_MAX bytes.  NULL, after saying why, when it is not. */
static const HChar* client_file_name(Addr a, const HChar* request)
{
   SizeT len;
   for (len = 0; len < VKI_PATH_MAX; len++) {
      if ((len == 0 || ((a + len) & (VKI_PAGE_SIZE - 1)) == 0)
          && !VG_(am_is_valid_for_client)(a + len, 1, VKI_PROT_READ))
         break;
      if (((const HChar*)a)[len] == '\0') {
         if (len == 0)
            break;
         return (const HChar*)a;
      }
   }
   VG_(umsg)("Warning: %s: the file name at %#lx is not a readable, non-empty"
             " string of fewer than %d bytes; nothing written\n", request, a,
             VKI_PATH_MAX);
   return NULL;
}

/* MEMROOT_DUMP: 1 when the data file was written. */
static UWord dump(Addr filename)
{
   const HChar* template = "memroot.out.%p.%n";
   MR_RetentionParams        storage;
   const MR_RetentionParams* rp;
   MR_SearchParams           sp = MR_(clo_dump_params)(&storage, &rp);
   HChar* name;
   Bool   ok;

   if (filename != 0) {
      template = client_file_name(filename, "MEMROOT_DUMP");
      if (template == NULL)
         return 0;
   }
   name = VG_(expand_file_name)("MEMROOT_DUMP", template);
   ok = MR_(datafile_dump)(name, "client request", &sp, rp);
   if (ok && VG_(clo_verbosity) >= 1)
      VG_(umsg)("memroot data file: %s\n", name);
   VG_(free)(name);
   return ok;
}

/* Requests memroot does not know are left to the core, which reports
   them once. */
static Bool mr_handle_client_request(ThreadId tid, UWord* arg, UWord* ret)
{
   switch (arg[0]) {
      case VG_USERREQ__MALLOCLIKE_BLOCK:
         MR_(heap_malloclike)(tid, arg[1], arg[2]);
         break;
      case VG_USERREQ__RESIZEINPLACE_BLOCK:
         MR_(heap_resize_in_place)(tid, arg[1], arg[2], arg[3]);
         break;
      case VG_USERREQ__FREELIKE_BLOCK:
         MR_(heap_freelike)(tid, arg[1]);
         break;
      case VG_USERREQ__CREATE_MEMPOOL:
         MR_(mempool_create)(tid, arg[1], arg[2], arg[3], arg[4]);
         break;
      case VG_USERREQ__DESTROY_MEMPOOL:
         MR_(mempool_destroy)(tid, arg[1]);
         break;
      /* valgrind.h passes pool sizes as unsigned int, as Memcheck reads
         them. */
      case VG_USERREQ__MEMPOOL_ALLOC:
         MR_(mempool_alloc)(tid, arg[1], arg[2], (UInt)arg[3]);
         break;
      case VG_USERREQ__MEMPOOL_FREE:
         MR_(mempool_free)(tid, arg[1], arg[2]);
         break;
      case VG_USERREQ__MEMPOOL_TRIM:
         MR_(mempool_trim)(tid, arg[1], arg[2], (UInt)arg[3]);
         break;
      case VG_USERREQ__MOVE_MEMPOOL:
         MR_(mempool_move)(tid, arg[1], arg[2]);
         break;
      case VG_USERREQ__MEMPOOL_CHANGE:
         MR_(mempool_change)(tid, arg[1], arg[2], arg[3], (UInt)arg[4]);
         break;
      case VG_USERREQ__MEMPOOL_EXISTS:
         *ret = MR_(mempool_exists)(arg[1]);
         return True;
      case VG_USERREQ__GDB_MONITOR_COMMAND:
         *ret = MR_(handle_gdb_monitor_command)(tid, (const HChar*)arg[1]);
         return *ret;
      case VG_USERREQ__DO_LEAK_CHECK:
         do_leak_check(tid, arg);
         break;
      case VG_USERREQ__COUNT_LEAKS:
      case VG_USERREQ__COUNT_LEAK_BLOCKS:
         count_leaks(arg);
         break;
      case VG_USERREQ__MEMROOT_RETENTION_REPORT:
         retention_report(arg[1]);
         break;
      case VG_USERREQ__MEMROOT_SUSPECTS:
         suspects(arg[1]);
         break;
      case VG_USERREQ__MEMROOT_SNAPSHOT: {
         MR_SearchParams sp = MR_(clo_search_params)();
         MR_(search_and_snapshot)(&sp);
         break;
      }
      case VG_USERREQ__MEMROOT_DUMP:
         *ret = dump(arg[1]);
         return True;
      case VG_USERREQ__MEMROOT_GET_SLOT_SITE:
      case VG_USERREQ__MEMROOT_PRINT_SLOT_SITE:
         *ret = slot_site(arg[0], arg[1]);
         return True;
      default:
         return False;
   }
   *ret = 0;
   return True;
}

void MR_(clreq_needs_client_requests)(void)
{
   VG_(needs_client_requests)(mr_handle_client_request);
}
