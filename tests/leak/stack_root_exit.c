/* Builds: a function keeps two blocks in local variables (one start
   pointer, one interior pointer 8 bytes into a block of 40 zero bytes)
   and calls exit() while its frame is live: its stack is a root.
   Memcheck: still reachable 32 bytes in 1 block; possibly lost 40 bytes
   in 1 block (the word at offset 0 is 0, so no heuristic applies). */
#include <stdlib.h>

static void hold_and_exit(void)
{
   void* volatile whole = malloc(32);
   char* volatile inner = (char*)calloc(1, 40) + 8;
   (void)whole;
   (void)inner;
   exit(0);
}

int main(void)
{
   hold_and_exit();
   return 0;
}
