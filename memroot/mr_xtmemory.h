/* memroot xtmemory: Valgrind's xtree memory profile (--xtree-memory,
   --xtree-memory-file, the monitor command xtmemory), as Memcheck makes
   it, for callgrind_annotate, kcachegrind and ms_print.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_XTMEMORY_H
#define __MR_XTMEMORY_H

#include "mr_block.h"

/* With --xtree-memory=full: starts the core's full profile, which the
   heap then feeds through the accounting hooks (mr_account.h). */
void MR_(xtmemory_init)(void);

/* Writes the report to filename (NULL: the option's name at exit, the
   core's xtmemory.kcg.%p.%n mid-run).  live[0..n_live) are the live
   blocks outside memory pools, which --xtree-memory=allocs and a
   mid-run report without the option count, as Memcheck does; with
   --xtree-memory=full they are not read. */
void MR_(xtmemory_report)(const HChar* filename, Bool fini,
                          MR_Block* const* live, UInt n_live);

#endif
