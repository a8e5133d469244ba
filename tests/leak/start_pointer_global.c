/* Builds: one 48-byte block held by a global through a pointer to its
   first byte.
   Memcheck: still reachable 48 bytes in 1 block. */
#include <stdlib.h>

void* held;

int main(void)
{
   held = calloc(1, 48);
   return 0;
}
