/* Builds: blocks grown and shrunk with realloc: one grown from 10 to 1000
   bytes and kept in a global, one shrunk from 500 to 50 bytes and dropped,
   one moved through three reallocs (16 -> 64 -> 256 -> 4096) and dropped,
   and one realloc(NULL, 33) (a malloc) kept.  The allocation stack of a
   block is that of its last realloc.
   Memcheck: definitely lost 4,146 bytes in 2 blocks (2 loss records),
   still reachable 1,033 bytes in 2 blocks (2 loss records). */
#include <stdlib.h>

void* grown;
void* from_null;

static void drop_shrunk(void)
{
   void* p = malloc(500);
   p = realloc(p, 50);
}

static void drop_moved(void)
{
   void* p = malloc(16);
   p = realloc(p, 64);
   p = realloc(p, 256);
   p = realloc(p, 4096);
}

int main(void)
{
   grown = malloc(10);
   grown = realloc(grown, 1000);
   from_null = realloc(NULL, 33);
   drop_shrunk();
   drop_moved();
   return 0;
}
