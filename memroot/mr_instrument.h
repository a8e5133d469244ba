/* memroot instrument: VEX IR instrumentation of the client's stores.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_INSTRUMENT_H
#define __MR_INSTRUMENT_H

#include "mr_basics.h"
#include "pub_tool_tooliface.h"

IRSB* MR_(instrument)(VgCallbackClosure* closure, IRSB* sb_in,
                      const VexGuestLayout* layout,
                      const VexGuestExtents* vge,
                      const VexArchInfo* archinfo_host,
                      IRType gWordTy, IRType hWordTy);

#endif
