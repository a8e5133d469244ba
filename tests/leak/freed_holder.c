/* Builds: the only pointer to a 64-byte block is stored in a 16-byte
   block that is then freed (freed memory is not scanned, even though its
   bytes still hold the pointer): that block (from orphan) is definitely
   lost.  Another 64-byte block is held through a live 16-byte block in a
   global: both still reachable.
   Memcheck: definitely lost 64 bytes in 1 block, still reachable 80 bytes
   in 2 blocks (2 loss records). */
#include <stdlib.h>

void** live_holder;

static void* target(void)
{
   return malloc(64);
}

static void orphan(void)
{
   void** holder = malloc(16);
   holder[0] = target();
   free(holder);
}

int main(void)
{
   orphan();
   live_holder = malloc(16);
   live_holder[0] = target();
   return 0;
}
