/* memroot.h: client requests for programs run under memroot.

   Include it in a program to talk to memroot when it runs under
   `valgrind --tool=memroot`; natively every request costs a few
   instructions and does nothing. */

#ifndef __MEMROOT_H
#define __MEMROOT_H

#include "valgrind.h"

#endif
