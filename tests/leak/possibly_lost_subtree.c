/* Builds: a 32-byte parent block holding start pointers to 3 children
   of 8 bytes; the only pointer to the parent, in a global, points 16
   bytes into it (no heuristic matches: the word there is a heap address,
   not a vtable).  A block reached from a possibly lost block is itself
   only possibly reached, even through a start pointer: the parent and
   its 3 children (each made by its own call) are possibly lost.
   Memcheck: possibly lost 56 bytes in 4 blocks (4 loss records). */
#include <stdlib.h>

struct parent { long tag; long other; long* kids[2]; };

char* inside;

static long* make_kid(long v)
{
   long* k = malloc(sizeof *k);
   *k = v;
   return k;
}

int main(void)
{
   struct parent* p = malloc(sizeof *p);
   p->tag = 7;
   p->other = (long)make_kid(0);
   p->kids[0] = make_kid(1);
   p->kids[1] = make_kid(2);
   inside = (char*)p + 16;
   p = NULL;
   return 0;
}
