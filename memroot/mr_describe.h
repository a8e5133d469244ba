/* memroot describe: where an address lies, as error messages and
   who_points_at say it: in a heap block, a pool chunk, a recently freed
   block, or what the core knows (a stack frame, a global, a mapping).

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_DESCRIBE_H
#define __MR_DESCRIBE_H

#include "mr_basics.h"
#include "pub_tool_execontext.h"
#include "pub_tool_xarray.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_addrinfo.h"

void MR_(describe_addr)(DiEpoch ep, Addr a, /*OUT*/AddrInfo* ai);

/* The description of a, printed as Memcheck prints it. */
void MR_(pp_describe_addr)(Addr a);

#endif
