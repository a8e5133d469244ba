/* memroot account: the heap's accounting hooks, handed on to the
   profile and to the core's xtree memory profile as the options ask.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_xtree.h"
#include "pub_tool_xtmemory.h"
#include "mr_account.h"
#include "mr_profile.h"

static MR_AccountParams acct;

Bool MR_(account_init)(const MR_AccountParams* p)
{
   acct = *p;
   return acct.profile || acct.xtree_full;
}

void MR_(account_alloc)(ExeContext* allocated_at, SizeT szB, ULong now)
{
   if (acct.profile)
      MR_(profile_alloc)(allocated_at, szB, now);
   if (acct.xtree_full)
      VG_(XTMemory_Full_alloc)(szB, allocated_at);
}

void MR_(account_free)(ExeContext* allocated_at, SizeT szB,
                       ExeContext* freed_at)
{
   if (acct.profile)
      MR_(profile_free)(allocated_at, szB);
   if (acct.xtree_full && freed_at != NULL)
      VG_(XTMemory_Full_free)(szB, allocated_at, freed_at);
}

void MR_(account_resize)(ExeContext* allocated_at, SizeT old_szB,
                         SizeT new_szB, ULong now)
{
   if (acct.profile)
      MR_(profile_resize)(allocated_at, old_szB, new_szB, now);
   if (acct.xtree_full)
      VG_(XTMemory_Full_resize_in_place)(old_szB, new_szB, allocated_at);
}
