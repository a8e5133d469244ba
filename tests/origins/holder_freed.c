/* A block held only by a field of a heap block that is freed (marked
   line): the pointer goes with its holder.
   Memcheck: definitely lost 64 bytes in 1 block. */
#include <stdlib.h>

struct holder { char* buf; };

struct holder* g_holder;

int main(void)
{
   g_holder = malloc(sizeof *g_holder);
   g_holder->buf = malloc(64);                  /* SITE:store */
   free(g_holder);                              /* SITE:drop */
   g_holder = NULL;
   return 0;
}
