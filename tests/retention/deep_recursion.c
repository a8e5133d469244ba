/* A recursion 100,000 frames deep, each frame keeping a 24-byte block in
   a local; the deepest calls exit().  Every frame is a root of its own. */
#include <stdlib.h>

static void descend(int depth)
{
   void* volatile kept = malloc(24);
   if (depth == 0)
      exit(0);
   descend(depth - 1);                             /* SITE:call */
   free(kept);
}

int main(void)
{
   descend(99999);
   return 0;
}
