/* memroot.h: client requests for programs run under memroot.

   Include it (it is installed beside valgrind.h) to talk to memroot when
   the program runs under `valgrind --tool=memroot`; run natively, every
   request costs a few instructions and does nothing.

   memroot answers Memcheck's leak-check requests, so a program written
   for Memcheck (VALGRIND_DO_LEAK_CHECK and friends from memcheck.h) works
   unchanged.  The MEMROOT_ names below are the same requests. */

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

#endif
