/* One definitely lost block, one possibly lost block and one still
   reachable block: what a CI job would catch.
   Memcheck: definitely lost 40 bytes in 1 block, possibly lost 64 bytes
   in 1 block, still reachable 32 bytes in 1 block. */
#include <stdlib.h>

static char* interior;
static char* held;

static void lose(void)
{
   char* p = malloc(40);
   p[0] = 1;
}

int main(void)
{
   lose();
   interior = (char*)malloc(64) + 8;   /* only an interior pointer: possibly lost */
   held = malloc(32);                  /* still reachable */
   return 0;
}
