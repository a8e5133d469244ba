/* Builds: before fork, a 10-byte block held by a global and a 20-byte
   block dropped; the child then drops a 30-byte block and exits, the
   parent waits for it and drops a 40-byte block.  Each process does its
   own exit leak check on its own copy of the heap.
   Memcheck, parent: definitely lost 60 bytes in 2 blocks (2 loss
   records), still reachable 10 bytes in 1 block.
   Memcheck, child: definitely lost 50 bytes in 2 blocks (2 loss records),
   still reachable 10 bytes in 1 block. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

void* kept;

static void drop(size_t n)
{
   void* p = malloc(n);
   (void)p;
}

int main(void)
{
   kept = malloc(10);
   drop(20);
   pid_t child = fork();
   if (child == 0) {
      drop(30);
      exit(0);
   }
   waitpid(child, NULL, 0);
   drop(40);
   return 0;
}
