/* memroot client requests: one switch over the request code, each case
   handing the request to the piece that owns it. */

#include "pub_tool_tooliface.h"
#include "valgrind.h"
#include "mr_clreq.h"
#include "mr_heap.h"
#include "mr_leak.h"
#include "mr_mempool.h"
#include "mr_retain.h"
#include "mr_monitor.h"
#include "mr_slots.h"

/* Requests memroot does not know are left to the core, which reports
   them once. */
static Bool mr_handle_client_request(ThreadId tid, UWord* arg, UWord* ret)
{
   switch (arg[0]) {
      case VG_USERREQ__MALLOCLIKE_BLOCK:
         MR_(heap_malloclike)(tid, arg[1], arg[2]);
         break;
      case VG_USERREQ__RESIZEINPLACE_BLOCK:
         MR_(heap_resize_in_place)(tid, arg[1], arg[2], arg[3]);
         break;
      case VG_USERREQ__FREELIKE_BLOCK:
         MR_(heap_freelike)(tid, arg[1]);
         break;
      case VG_USERREQ__CREATE_MEMPOOL:
         MR_(mempool_create)(tid, arg[1], arg[2], arg[3], arg[4]);
         break;
      case VG_USERREQ__DESTROY_MEMPOOL:
         MR_(mempool_destroy)(tid, arg[1]);
         break;
      /* valgrind.h passes pool sizes as unsigned int, as Memcheck reads
         them. */
      case VG_USERREQ__MEMPOOL_ALLOC:
         MR_(mempool_alloc)(tid, arg[1], arg[2], (UInt)arg[3]);
         break;
      case VG_USERREQ__MEMPOOL_FREE:
         MR_(mempool_free)(tid, arg[1], arg[2]);
         break;
      case VG_USERREQ__MEMPOOL_TRIM:
         MR_(mempool_trim)(tid, arg[1], arg[2], (UInt)arg[3]);
         break;
      case VG_USERREQ__MOVE_MEMPOOL:
         MR_(mempool_move)(tid, arg[1], arg[2]);
         break;
      case VG_USERREQ__MEMPOOL_CHANGE:
         MR_(mempool_change)(tid, arg[1], arg[2], arg[3], (UInt)arg[4]);
         break;
      case VG_USERREQ__MEMPOOL_EXISTS:
         *ret = MR_(mempool_exists)(arg[1]);
         return True;
      case VG_USERREQ__GDB_MONITOR_COMMAND:
         *ret = MR_(handle_gdb_monitor_command)(tid, (const HChar*)arg[1]);
         return *ret;
      default:
         return MR_(leak_handle_client_request)(tid, arg, ret)
                || MR_(retention_handle_client_request)(tid, arg, ret)
                || MR_(slots_handle_client_request)(tid, arg, ret);
   }
   *ret = 0;
   return True;
}

void MR_(clreq_needs_client_requests)(void)
{
   VG_(needs_client_requests)(mr_handle_client_request);
}
