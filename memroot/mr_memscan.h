/* memroot memscan: reading live client memory word by word — the root
   mappings, the live part of every thread's stack, heap blocks — with
   faults caught; and the pointers to a custom block's memory that were
   stored before it became heap.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_MEMSCAN_H
#define __MR_MEMSCAN_H

#include "mr_basics.h"

/* Which words of memory a scan takes as candidate pointers. */
typedef enum {
   MR_ScanTracked,        /* words a heap pointer was stored into */
   MR_ScanConservative    /* every aligned word */
} MR_LeakScan;

/* What a scan looks for: values in [lo, hi], in words the scan mode takes
   as candidates; it counts what it read and what faulted. */
typedef struct {
   Addr        lo, hi;
   MR_LeakScan scan;
   SizeT       scanned_szB, skipped_szB;
} MR_ScanFilter;

/* Is told each candidate: the word at `where` holds v. */
typedef void (*MR_WordVisitor)(Addr where, Addr v, void* opaque);

/* The 8-byte aligned words of [start, start+len), which the address-space
   manager says are readable; a page that faults all the same is skipped. */
void MR_(scan_range)(MR_ScanFilter* sf, Addr start, SizeT len,
                     MR_WordVisitor visit, void* opaque);

/* The same for memory that may be partly unmapped or unreadable (a
   client's custom block): only its readable mappings are read. */
void MR_(scan_mapped_range)(MR_ScanFilter* sf, Addr start, SizeT len,
                            MR_WordVisitor visit, void* opaque);

/* Every readable and writable client mapping (data, bss, anonymous and
   shared mappings, stacks, TLS; the client heap too when with_heap;
   device mappings other than /dev/zero never), thread stacks from their
   SP up: the roots of a leak search. */
void MR_(scan_live_memory)(MR_ScanFilter* sf, Bool with_heap,
                           MR_WordVisitor visit, void* opaque);

/* A custom block [p, p+szB) is now heap.  When the pointer range did not
   cover it, the range grows to the whole mapping holding it, and every
   live word already holding an address in the newly covered part is
   marked as a pointer stored before its block existed: a custom
   allocator's arena pointers, written before the arena's blocks were
   described, keep their blocks reachable, as under Memcheck. */
void MR_(admit_custom_block)(Addr p, SizeT szB);

#endif
