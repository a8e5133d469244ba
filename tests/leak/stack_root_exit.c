/* Builds: a function keeps two blocks in local variables (one start
   pointer to 32 bytes, one interior pointer 8 bytes into a block of 40
   zero bytes) and calls exit() while its frame is live: its stack is a
   root.  The word at offset 0 of the second block is 0, so no heuristic
   applies to it.
   Memcheck: possibly lost 40 bytes in 1 block, still reachable 32 bytes
   in 1 block. */
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
