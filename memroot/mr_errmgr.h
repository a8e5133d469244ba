/* memroot errmgr: the callbacks through which Valgrind's error manager
   compares, describes, prints and suppresses the tool's errors.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_ERRMGR_H
#define __MR_ERRMGR_H

#include "mr_basics.h"

/* Registers the callbacks with the core. */
void MR_(errmgr_register)(void);

#endif
