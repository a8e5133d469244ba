/* Allocates, then forks; the child execs the program given as argv[1]
   (which allocates differently), the parent waits and allocates more. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv)
{
   void* before = malloc(111);
   pid_t pid = fork();
   if (pid == 0) {
      execv(argv[1], argv + 1);
      _exit(127);
   }
   waitpid(pid, NULL, 0);
   free(before);
   before = malloc(222);
   return 0;
}
