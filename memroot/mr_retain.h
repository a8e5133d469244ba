/* memroot retain: which roots hold the heap the leak search reached
   (still reachable and possibly lost blocks).  After a leak
   search, the graph super-root -> named roots -> blocks gives each root
   its retained size (its dominator subtree: what clearing it alone would
   free) and its reachable size (shared blocks included). */

#ifndef __MR_RETAIN_H
#define __MR_RETAIN_H

#include "mr_leak.h"

typedef struct {
   UInt         max_roots;      /* roots listed, the biggest first */
   UInt         threshold_ppm;  /* roots retaining less of the live heap
                                   (parts per million) are only counted */
   UInt         max_sites;      /* allocation sites listed per root */
   MR_DeltaMode deltamode;      /* which roots, by growth since the last
                                   retention report */
   const HChar* json_file;      /* also written there; NULL: not */
} MR_RetentionParams;

/* Attributes the blocks of the last leak search to roots and reports it
   as p asks. */
void MR_(retention_report)(const MR_RetentionParams* p);

/* After a leak search: the shortest paths from up to max_paths roots to
   the block holding addr, each pointer with the line that stored it. */
void MR_(retention_paths)(Addr addr, UInt max_paths);

/* A leak search and a retention report, as MEMROOT_RETENTION_REPORT
   asks; False when arg[0] is not a retention request. */
Bool MR_(retention_handle_client_request)(ThreadId tid, UWord* arg,
                                          UWord* ret);

#endif
