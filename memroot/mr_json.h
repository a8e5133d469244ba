/* memroot json: the little JSON writing the machine-readable reports
   need. */

#ifndef __MR_JSON_H
#define __MR_JSON_H

#include "mr_basics.h"

/* s as a JSON string, quoted and escaped; null for NULL. */
void MR_(json_string)(VgFile* fp, const HChar* s);

#endif
