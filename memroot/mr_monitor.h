/* memroot monitor: gdbserver monitor commands.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_MONITOR_H
#define __MR_MONITOR_H

#include "mr_basics.h"

/* True when req was a memroot command (handled, well-formed or not). */
Bool MR_(handle_gdb_monitor_command)(ThreadId tid, const HChar* req);

#endif
