/* A global array of 10 pointers, each 8 bytes into a 40-byte block (a
   length header, then the characters): Memcheck calls the strings
   possibly lost, but the array holds them all the same.
   Memcheck: possibly lost 400 bytes in 10 blocks, still reachable 80
   bytes in 1 block. */
#include <stdlib.h>
#include <string.h>

char** g_strings;

int main(void)
{
   int i;
   g_strings = malloc(10 * sizeof *g_strings);
   for (i = 0; i < 10; i++) {
      char* b = malloc(40);
      memset(b, 'x', 40);
      g_strings[i] = b + 8;
      b = NULL;
   }
   return 0;
}
