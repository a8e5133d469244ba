/* The MEMROOT_ names of memroot.h are Memcheck's leak requests. */
#include <stdio.h>
#include <stdlib.h>
#include "memroot.h"

static void* volatile sink;

int main(void)
{
   unsigned long leaked, dubious, reachable, suppressed;
   sink = malloc(33);
   sink = NULL;
   MEMROOT_DO_QUICK_LEAK_CHECK;
   MEMROOT_COUNT_LEAKS(leaked, dubious, reachable, suppressed);
   printf("leaked %lu\n", leaked);
   MEMROOT_COUNT_LEAK_BLOCKS(leaked, dubious, reachable, suppressed);
   printf("blocks %lu\n", leaked);
   return 0;
}
