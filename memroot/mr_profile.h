/* memroot profile: allocation statistics per allocation stack, kept on
   every allocation and free, printed at exit with --heap-profile=yes. */

#ifndef __MR_PROFILE_H
#define __MR_PROFILE_H

#include "mr_basics.h"
#include "mr_heap.h"

void MR_(profile_init)(void);

Bool MR_(profile_process_cmd_line_option)(const HChar* arg);
void MR_(profile_print_usage)(void);

/* b->where, b->szB and b->u.birth are set; the heap clock has already
   advanced by b->szB. */
void MR_(profile_alloc)(const MR_Block* b);
/* b is still live. */
void MR_(profile_free)(const MR_Block* b);
/* b's size changed in place from old_szB. */
void MR_(profile_resize)(const MR_Block* b, SizeT old_szB);

/* The HEAP PROFILE section, when asked for. */
void MR_(profile_print)(void);

#endif
