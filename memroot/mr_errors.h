/* memroot errors: the tool's errors, reported through Valgrind's error
   manager so they are counted, suppressed and listed as Memcheck's are. */

#ifndef __MR_ERRORS_H
#define __MR_ERRORS_H

#include "mr_basics.h"
#include "mr_heap.h"

/* Each kind is one case in every switch of mr_errors.c: adding a kind
   adds a case there and a record function here. */
typedef enum {
   MR_Err_Free,             /* free/delete/realloc of no live block */
   MR_Err_FreeMismatch,     /* freed by another family than allocated it */
   MR_Err_IllegalMempool,   /* a mempool request naming no pool */
   MR_Err_FishyValue        /* an allocator size negative as signed */
} MR_ErrorKind;

/* Registers the error manager callbacks with the core. */
void MR_(errors_needs_tool_errors)(void);

void MR_(record_free_error)(ThreadId tid, Addr a);
/* b is live and in its block table while this runs. */
void MR_(record_freemismatch_error)(ThreadId tid, const MR_Block* b);
void MR_(record_illegal_mempool_error)(ThreadId tid, Addr pool);
/* True, after reporting it, when value is negative as a signed number. */
Bool MR_(record_fishy_value_error)(ThreadId tid, const HChar* function,
                                   const HChar* argument, SizeT value);

#endif
