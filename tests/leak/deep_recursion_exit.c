/* Builds: a recursion 200 frames deep; each frame allocates a 16-byte
   block it keeps in a local and a 8-byte block it drops; the deepest
   frame calls exit().  The live frames are roots: the 200 kept blocks
   are still reachable, the 200 dropped ones definitely lost.  Their
   allocation stacks differ only in recursion depth, up to the default
   --num-callers=12: the kept blocks of the first 10 frames and the
   dropped blocks of the first 9 have a loss record each, the deeper ones
   share one per kind.
   Memcheck: definitely lost 1,600 bytes in 200 blocks (10 loss records),
   still reachable 3,200 bytes in 200 blocks (11 loss records). */
#include <stdlib.h>

static void* drop(void)
{
   return malloc(8);
}

static void descend(int depth)
{
   void* volatile kept = malloc(16);
   drop();
   if (depth == 0)
      exit(0);
   descend(depth - 1);
   (void)kept;
}

int main(void)
{
   descend(199);
   return 0;
}
