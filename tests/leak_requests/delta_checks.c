/* Leak checks from inside the program, with Memcheck's requests: a full
   check, then the added and the changed loss records after the program
   leaks more, then the counts. */
#include <stdio.h>
#include <stdlib.h>
#include <valgrind/memcheck.h>

static void* volatile sink;

static void leak(size_t n)
{
   sink = malloc(n);
   sink = NULL;
}

int main(void)
{
   unsigned long leaked, dubious, reachable, suppressed;

   leak(100);
   VALGRIND_DO_LEAK_CHECK;
   leak(100);
   leak(7);
   VALGRIND_DO_ADDED_LEAK_CHECK;
   VALGRIND_DO_CHANGED_LEAK_CHECK;
   VALGRIND_DO_QUICK_LEAK_CHECK;
   VALGRIND_COUNT_LEAKS(leaked, dubious, reachable, suppressed);
   printf("bytes: leaked %lu dubious %lu reachable %lu suppressed %lu\n",
          leaked, dubious, reachable, suppressed);
   VALGRIND_COUNT_LEAK_BLOCKS(leaked, dubious, reachable, suppressed);
   printf("blocks: leaked %lu dubious %lu reachable %lu suppressed %lu\n",
          leaked, dubious, reachable, suppressed);
   return 0;
}
