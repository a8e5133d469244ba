/* memroot json: strings for JSON files.  Names come from debug info and
   file systems: any byte may appear, and control characters must not
   reach the file raw.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "mr_json.h"

void MR_(json_string)(VgFile* fp, const HChar* s)
{
   if (s == NULL) {
      VG_(fprintf)(fp, "null");
      return;
   }
   VG_(fprintf)(fp, "\"");
   for (; *s != '\0'; s++) {
      UChar c = *s;
      if (c == '"' || c == '\\')
         VG_(fprintf)(fp, "\\%c", c);
      else if (c < 0x20)
         VG_(fprintf)(fp, "\\u%04x", c);
      else
         VG_(fprintf)(fp, "%c", c);
   }
   VG_(fprintf)(fp, "\"");
}
