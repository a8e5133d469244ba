/* memroot.h: client requests for programs run under memroot.

   Include it (it is installed beside valgrind.h) to talk to memroot when
   the program runs under `valgrind --tool=memroot`; run natively, every
   request costs a few instructions and does nothing.

   memroot answers Memcheck's leak-check requests, so a program written
   for Memcheck (VALGRIND_DO_LEAK_CHECK and friends from memcheck.h) works
   unchanged.  The MEMROOT_ names below are the same requests.

   ----------------------------------------------------------------

   Notice that the following BSD-style license applies to this one
   file (memroot.h) only, so that any program, whatever its own
   licence, may include it.  The rest of memroot is licensed under the
   GNU General Public License, version 2 or later (see COPYING).

   ----------------------------------------------------------------

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: BSD-3-Clause

   Redistribution and use in source and binary forms, with or without
   modification, are permitted provided that the following conditions
   are met:

   1. Redistributions of source code must retain the above copyright
      notice, this list of conditions and the following disclaimer.

   2. Redistributions in binary form must reproduce the above copyright
      notice, this list of conditions and the following disclaimer in
      the documentation and/or other materials provided with the
      distribution.

   3. Neither the name of the copyright holder nor the names of its
      contributors may be used to endorse or promote products derived
      from this software without specific prior written permission.

   THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS
   "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT
   LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR
   A PARTICULAR PURPOSE ARE DISCLAIMED.  IN NO EVENT SHALL THE COPYRIGHT
   HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
   SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT
   LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
   DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
   THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
   (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
   OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
*/

#ifndef __MEMROOT_H
#define __MEMROOT_H

#include "valgrind.h"
#include "memcheck.h"

/* A full leak check now, as --leak-check=full does at exit. */
#define MEMROOT_DO_LEAK_CHECK          VALGRIND_DO_LEAK_CHECK
/* The same, showing only loss records that grew since the last check. */
#define MEMROOT_DO_ADDED_LEAK_CHECK    VALGRIND_DO_ADDED_LEAK_CHECK
/* The same, showing loss records that grew or shrank. */
#define MEMROOT_DO_CHANGED_LEAK_CHECK  VALGRIND_DO_CHANGED_LEAK_CHECK
/* A summary leak check now, as --leak-check=summary. */
#define MEMROOT_DO_QUICK_LEAK_CHECK    VALGRIND_DO_QUICK_LEAK_CHECK
/* Bytes leaked (definitely + indirectly), possibly lost, still reachable
   and suppressed in the last leak check; the four must be lvalues. */
#define MEMROOT_COUNT_LEAKS(leaked, dubious, reachable, suppressed) \
   VALGRIND_COUNT_LEAKS(leaked, dubious, reachable, suppressed)
/* The same in blocks. */
#define MEMROOT_COUNT_LEAK_BLOCKS(leaked, dubious, reachable, suppressed) \
   VALGRIND_COUNT_LEAK_BLOCKS(leaked, dubious, reachable, suppressed)

/* Requests of the pointer-slot shadow (docs/client-requests.md).  They
   start at 0x100 above memroot's base. */
typedef enum {
   VG_USERREQ__MEMROOT_GET_SLOT_SITE = VG_USERREQ_TOOL_BASE('M','R') + 0x100,
   VG_USERREQ__MEMROOT_PRINT_SLOT_SITE
} Vg_MemrootSlotRequest;

/* What MEMROOT_GET_SLOT_SITE returns when no store instruction marked the
   word; any other value is the address of the store instruction. */
#define MEMROOT_SLOT_UNMARKED  0  /* (also when not running under memroot) */
#define MEMROOT_SLOT_SYSCALL   1  /* written by a system call */
#define MEMROOT_SLOT_STARTUP   2  /* present at start-up */
#define MEMROOT_SLOT_CORE      3  /* written by Valgrind: signal frame, realloc */
#define MEMROOT_SLOT_EARLY     4  /* stored before the memory it points to
                                     became a heap block (custom allocators) */

/* The address of the instruction that last stored a possible heap pointer
   into the aligned 8-byte word holding addr, since that memory became
   live; or one of the MEMROOT_SLOT_ values. */
#define MEMROOT_GET_SLOT_SITE(addr)                                    \
   ((unsigned long)VALGRIND_DO_CLIENT_REQUEST_EXPR(                    \
      0, VG_USERREQ__MEMROOT_GET_SLOT_SITE, (addr), 0, 0, 0, 0))

/* Prints on the log how the aligned 8-byte word holding addr was written:
   the store's function and file:line, or a system call, and so on. */
#define MEMROOT_PRINT_SLOT_SITE(addr)                                  \
   VALGRIND_DO_CLIENT_REQUEST_STMT(                                    \
      VG_USERREQ__MEMROOT_PRINT_SLOT_SITE, (addr), 0, 0, 0, 0)

/* memroot's retention requests start at 0x200 above its base. */
typedef enum {
   VG_USERREQ__MEMROOT_RETENTION_REPORT = VG_USERREQ_TOOL_BASE('M','R') + 0x200
} Vg_MemrootRetentionRequest;

/* A leak search now, and the retention report the --retention-* options
   ask for (docs/retention.md): the roots retaining the most. */
#define MEMROOT_RETENTION_REPORT                                       \
   VALGRIND_DO_CLIENT_REQUEST_STMT(                                    \
      VG_USERREQ__MEMROOT_RETENTION_REPORT, 0, 0, 0, 0, 0)
/* The same, listing the roots whose retained memory grew since the last
   retention report, the fastest growing first. */
#define MEMROOT_RETENTION_REPORT_INCREASED                             \
   VALGRIND_DO_CLIENT_REQUEST_STMT(                                    \
      VG_USERREQ__MEMROOT_RETENTION_REPORT, 1, 0, 0, 0, 0)
/* The same, listing the roots whose retained memory grew or shrank. */
#define MEMROOT_RETENTION_REPORT_CHANGED                               \
   VALGRIND_DO_CLIENT_REQUEST_STMT(                                    \
      VG_USERREQ__MEMROOT_RETENTION_REPORT, 2, 0, 0, 0, 0)

/* memroot's data-file requests start at 0x300 above its base. */
typedef enum {
   VG_USERREQ__MEMROOT_DUMP = VG_USERREQ_TOOL_BASE('M','R') + 0x300
} Vg_MemrootDataRequest;

/* Searches the heap now and writes the data file memroot-report reads
   (docs/datafile.md) to the file named by the string filename (%p, %q{VAR}
   and %n expand as in --memroot-out-file), or, with NULL, to
   memroot.out.%p.%n.  Returns 1 when the file was written; 0 when it
   could not be, and when not running under memroot. */
#define MEMROOT_DUMP(filename)                                         \
   ((int)VALGRIND_DO_CLIENT_REQUEST_EXPR(                              \
      0, VG_USERREQ__MEMROOT_DUMP, (filename), 0, 0, 0, 0))

/* memroot's leak-suspect requests start at 0x400 above its base. */
typedef enum {
   VG_USERREQ__MEMROOT_SUSPECTS = VG_USERREQ_TOOL_BASE('M','R') + 0x400,
   VG_USERREQ__MEMROOT_SNAPSHOT
} Vg_MemrootSuspectRequest;

/* A leak search now, and the LEAK SUSPECTS section (docs/suspects.md):
   what retains or loses at least --suspect-threshold of the live heap. */
#define MEMROOT_SUSPECTS                                               \
   VALGRIND_DO_CLIENT_REQUEST_STMT(                                    \
      VG_USERREQ__MEMROOT_SUSPECTS, 0, 0, 0, 0, 0)
/* A snapshot now, and the roots that grew at each of the last snapshots,
   the fastest first. */
#define MEMROOT_SUSPECTS_GROWTH                                        \
   VALGRIND_DO_CLIENT_REQUEST_STMT(                                    \
      VG_USERREQ__MEMROOT_SUSPECTS, 1, 0, 0, 0, 0)
/* A snapshot: a leak search whose roots' retained sizes are remembered
   for MEMROOT_SUSPECTS_GROWTH, the exit report and the next retention
   report; nothing is printed. */
#define MEMROOT_SNAPSHOT                                               \
   VALGRIND_DO_CLIENT_REQUEST_STMT(                                    \
      VG_USERREQ__MEMROOT_SNAPSHOT, 0, 0, 0, 0, 0)

#endif
