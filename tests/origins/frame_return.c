/* A block held only by a local of a function that returns without
   freeing it: the pointer dies with the frame, at the closing brace
   (marked line).
   Memcheck: definitely lost 32 bytes in 1 block. */
#include <stdlib.h>

static void work(void)
{
   char* volatile scratch = malloc(32);         /* SITE:store */
   scratch[0] = 1;
}                                               /* SITE:drop */

int main(void)
{
   work();
   return 0;
}
