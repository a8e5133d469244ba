/* Builds: a length-prefixed buffer as sqlite makes them: a 72-byte block
   whose first 8 bytes hold 64 (the size of the rest), and whose only
   pointer, in a global, points just past that length, 8 bytes in.  The
   length64 heuristic (on by default) accepts it; without it the block is
   possibly lost.
   Memcheck: still reachable 72 bytes in 1 block (via heuristic length64:
   72 bytes in 1 block).
   Memcheck, with --leak-check-heuristics=none: possibly lost 72 bytes in
   1 block. */
#include <stdlib.h>
#include <string.h>

char* payload;

static char* sized_alloc(unsigned long n)
{
   unsigned long* b = malloc(sizeof *b + n);
   b[0] = n;
   memset(b + 1, 0, n);
   return (char*)(b + 1);
}

int main(void)
{
   payload = sized_alloc(64);
   return 0;
}
