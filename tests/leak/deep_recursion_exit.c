/* Builds: a recursion 200 frames deep; each frame allocates a 16-byte
   block it keeps in a local and a 8-byte block it drops; the deepest
   frame calls exit().  The live frames are roots.
   Memcheck: the 200 kept blocks are still reachable, the 200 dropped ones
   definitely lost; the allocation stacks differ only in recursion depth
   (up to --num-callers), so several records of each kind. */
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
