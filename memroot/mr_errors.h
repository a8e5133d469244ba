/* memroot errors: the tool's errors, reported through Valgrind's error
   manager so they are counted, suppressed and listed as Memcheck's are. */

#ifndef __MR_ERRORS_H
#define __MR_ERRORS_H

#include "mr_basics.h"
#include "mr_heap.h"
#include "mr_leak.h"

/* Each kind is one case in every switch of mr_errors.c: adding a kind
   adds a case there and a record function here. */
typedef enum {
   MR_Err_Free,             /* free/delete/realloc of no live block */
   MR_Err_FreeMismatch,     /* freed by another family than allocated it */
   MR_Err_IllegalMempool,   /* a mempool request naming no pool */
   MR_Err_FishyValue,       /* an allocator size negative as signed */
   MR_Err_Leak              /* a loss record of a leak check */
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

/* Reports loss record n_this_record of n_total_records as a Leak error;
   prints it when print_record, counts it when count_as_error.  True when
   a suppression matched it. */
Bool MR_(record_leak_error)(ThreadId tid, UInt n_this_record,
                            UInt n_total_records, const MR_LossRecord* lr,
                            Bool print_record, Bool count_as_error);

/* Describes where a lies, as errors do: in which heap block or pool
   chunk, or what the core knows (stack frame, global, mapping). */
void MR_(pp_describe_addr)(Addr a);

#endif
