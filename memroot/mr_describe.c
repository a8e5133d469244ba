/* memroot describe: Memcheck's order for describing an address: chunks of
   pools that are not metapools, heap blocks (live, then recently freed),
   metapool chunks, then what the core knows.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_errormgr.h"
#include "mr_describe.h"
#include "mr_heap.h"
#include "mr_mempool.h"

void MR_(describe_addr)(DiEpoch ep, Addr a, /*OUT*/AddrInfo* ai)
{
   if (MR_(mempool_describe)(a, False, ai))
      return;
   if (MR_(heap_describe)(a, ai))
      return;
   if (MR_(mempool_describe)(a, True, ai))
      return;
   VG_(describe_addr)(ep, a, ai);
}

void MR_(pp_describe_addr)(Addr a)
{
   AddrInfo ai;
   ai.tag = Addr_Undescribed;
   MR_(describe_addr)(VG_(current_DiEpoch)(), a, &ai);
   VG_(pp_addrinfo_mc)(a, &ai, False);
   VG_(clear_addrinfo)(&ai);
}
