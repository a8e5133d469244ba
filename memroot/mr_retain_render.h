/* memroot retain render: the renderings of a retention report, one file
   each; only mr_retain_report.c calls them.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_RETAIN_RENDER_H
#define __MR_RETAIN_RENDER_H

#include "mr_retain_report.h"
#include "mr_suspects.h"

/* RETENTION BY ROOT on the log, and RETENTION BY THREAD STACK when
   asked (mr_retain_text.c). */
void MR_(retention_pp_text)(MR_Retention* a);

/* The paths from roots[0..n) to node target that
   MR_(retention_paths_to) found, on the log (mr_retain_text.c). */
void MR_(retention_pp_paths)(MR_Retention* a, Int target, const Int* roots,
                             Int n, UInt max_paths);

/* LEAK SUSPECTS on the log (mr_retain_text.c). */
void MR_(suspects_pp_text)(MR_Retention* a, const MR_Suspects* x);

/* <memroot_suspects> in the XML output (mr_retain_xml.c). */
void MR_(suspects_pp_xml)(MR_Retention* a, const MR_Suspects* x);

/* <memroot_retention> in the XML output (mr_retain_xml.c). */
void MR_(retention_pp_xml)(const MR_Retention* a);

/* The report, and the suspects x unless NULL, as JSON into the file name, already expanded
   (mr_retain_json.c); False, after saying why, when it cannot be
   written. */
Bool MR_(retention_write_json)(MR_Retention* a, const MR_Suspects* x,
                               const HChar* name);

#endif
