/* memroot instrument: VEX IR instrumentation of the client's stores. */

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
