/* memroot json: the little JSON writing the machine-readable reports
   need.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_JSON_H
#define __MR_JSON_H

#include "mr_basics.h"

/* s as a JSON string, quoted and escaped; null for NULL. */
void MR_(json_string)(VgFile* fp, const HChar* s);

#endif
