/* memroot errors: what memroot reports through Valgrind's error manager,
   so that suppressions, --gen-suppressions and --error-exitcode work. */

#ifndef __MR_ERRORS_H
#define __MR_ERRORS_H

#include "mr_leak.h"

void MR_(errors_init)(void);

/* Reports loss record n_this_record of n_total_records as a Leak error;
   prints it when print_record, counts it when count_as_error.  True when
   a suppression matched it. */
Bool MR_(record_leak_error)(ThreadId tid, UInt n_this_record,
                            UInt n_total_records, const MR_LossRecord* lr,
                            Bool print_record, Bool count_as_error);

#endif
