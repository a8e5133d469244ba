/* A recursion 50 frames deep: the frame at depth d (0 outermost) keeps in
   its local `mine` a block of 100 + d bytes; the deepest asks for a
   retention report and calls exit(). */
#include <stdlib.h>
#include "memroot.h"

static void recurse(int depth)
{
   char* volatile mine = malloc(100 + depth);      /* SITE:alloc */
   if (depth == 49) {
      MEMROOT_RETENTION_REPORT;                    /* SITE:report */
      exit(0);
   }
   recurse(depth + 1);                             /* SITE:call */
   free(mine);
}

int main(void)
{
   recurse(0);
   return 0;
}
