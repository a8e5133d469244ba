/* Builds: a 64-byte zeroed block whose only pointer, in a global, points
   16 bytes into it.  No heuristic can accept it: offset 16 is neither the
   8 (length64, newarray) nor the 24 (stdstring) they look at, and the word
   it points to is 0, no vtable (multipleinheritance).  So the verdict is
   the same with every heuristic (the default) and with none.
   Memcheck: possibly lost 64 bytes in 1 block.
   Memcheck, with --leak-check-heuristics=none: possibly lost 64 bytes in
   1 block. */
#include <stdlib.h>

char* inside;

int main(void)
{
   inside = (char*)calloc(1, 64) + 16;
   return 0;
}
