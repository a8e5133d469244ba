/* memroot basics: what every piece of the tool includes.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_BASICS_H
#define __MR_BASICS_H

#include "pub_tool_basics.h"
#include "pub_tool_libcassert.h"
#include "pub_tool_libcbase.h"
#include "pub_tool_libcprint.h"
#include "pub_tool_mallocfree.h"

/* Every global of the tool carries this prefix, as Valgrind's tools do. */
#define MR_(str) VGAPPEND(vgMemRoot_, str)

/* The user address space of amd64 (48 bits): the slot shadow covers it,
   and a heap block must lie in it. */
#define MR_ADDR_LIMIT ((Addr)1 << 48)

/* Ints in ascending order, for VG_(ssort). */
static inline Int MR_(cmp_Int)(const void* va, const void* vb)
{
   Int x = *(const Int*)va, y = *(const Int*)vb;
   return x < y ? -1 : x > y ? 1 : 0;
}

#endif
