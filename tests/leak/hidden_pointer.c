/* Builds: the only reference to a 128-byte block is kept in a global
   xor-ed with a constant, so no word in memory points to it (a trick some
   programs use for "hidden" pointers); a second block, of 16 bytes, is
   held normally.
   Memcheck: definitely lost 128 bytes in 1 block, still reachable 16
   bytes in 1 block. */
#include <stdint.h>
#include <stdlib.h>

uintptr_t hidden;
void* visible;

static void hide(void)
{
   hidden = (uintptr_t)malloc(128) ^ (uintptr_t)0xa5a5a5a5a5a5a5a5ULL;
}

int main(void)
{
   hide();
   visible = malloc(16);
   return 0;
}
