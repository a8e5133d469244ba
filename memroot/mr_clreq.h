/* memroot client requests: the handler of the requests a client program
   makes (memroot.h, valgrind.h). */

#ifndef __MR_CLREQ_H
#define __MR_CLREQ_H

#include "mr_basics.h"

/* Registers the handler with the core. */
void MR_(clreq_needs_client_requests)(void);

#endif
