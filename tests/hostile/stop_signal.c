/* Builds: 100,000 live blocks, then a SIGTERM the program blocks and
   sends itself, so that it is pending when a leak search starts: at exit
   (argv[1] = "exit"), or in a VALGRIND_DO_LEAK_CHECK (argv[1] = "check"),
   after which the program unblocks the signal and dies of it.
   Under Memcheck the signal waits until the search ends and the run
   exits 0. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <valgrind/memcheck.h>

static void* g_blocks[100000];

int main(int argc, char** argv)
{
   sigset_t term;
   int      i;

   for (i = 0; i < 100000; i++)
      g_blocks[i] = malloc(16);
   sigemptyset(&term);
   sigaddset(&term, SIGTERM);
   sigprocmask(SIG_BLOCK, &term, NULL);
   raise(SIGTERM);
   if (strcmp(argv[1], "check") == 0) {
      VALGRIND_DO_LEAK_CHECK;
      printf("check returned\n");
      fflush(stdout);
      sigprocmask(SIG_UNBLOCK, &term, NULL);
      printf("not reached\n");
   }
   return 0;
}
