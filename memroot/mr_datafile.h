/* memroot datafile: the data file (--memroot-out-file, monitor dump, the
   MEMROOT_DUMP client request), one JSON file holding everything memroot
   knows, from which memroot-report makes every view; laid out in
   docs/datafile.md, checked by docs/memroot-data.schema.json.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_DATAFILE_H
#define __MR_DATAFILE_H

#include "mr_retain.h"

/* The format's version: a reader refuses other versions.  Sections may
   be added without a change of version; a change in what an existing
   member means changes it. */
#define MR_DATAFILE_VERSION 1

/* Writes the file name (already expanded); reason says who asked
   ("exit", "monitor", "client request"); a, when not NULL, is a
   retention analysis whose report was selected.  False, after saying
   why, when the file cannot be written. */
Bool MR_(datafile_write)(const HChar* name, const HChar* reason,
                         MR_Retention* a);

/* The same mid-run: a search of its own made as sp asks, with the
   retention report rp asks for (NULL: none). */
Bool MR_(datafile_dump)(const HChar* name, const HChar* reason,
                        const MR_SearchParams* sp,
                        const MR_RetentionParams* rp);

#endif
