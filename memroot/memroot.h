/* memroot.h: client requests for programs run under memroot.

   Include it in a program to talk to memroot when it runs under
   `valgrind --tool=memroot`; natively every request costs a few
   instructions and does nothing. */

#ifndef __MEMROOT_H
#define __MEMROOT_H

#include "valgrind.h"

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

#endif
