/* memroot client requests: the handler of the requests a client program
   makes (memroot.h, valgrind.h, memcheck.h).

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_CLREQ_H
#define __MR_CLREQ_H

#include "mr_basics.h"

/* Registers the handler with the core. */
void MR_(clreq_needs_client_requests)(void);

#endif
