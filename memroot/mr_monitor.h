/* memroot monitor: gdbserver monitor commands. */

#ifndef __MR_MONITOR_H
#define __MR_MONITOR_H

#include "mr_basics.h"

/* True when req was a memroot command (handled, well-formed or not). */
Bool MR_(handle_gdb_monitor_command)(ThreadId tid, const HChar* req);

#endif
