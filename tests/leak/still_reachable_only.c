/* Builds: a program that loses nothing but frees nothing either: blocks
   held by a global (a 20-byte block holding a pointer to an 8-byte one),
   by a static array (3 blocks of 12 bytes) and by the main thread's TLS.
   Memcheck: only still reachable blocks: 20, 8, 36 (3 blocks) and 4
   bytes; definitely, indirectly and possibly lost all 0, no errors. */
#include <stdlib.h>

struct holder { long* value; long a, b; };

struct holder* top;
static char* table[3];
static __thread int* counter;

int main(void)
{
   top = malloc(20);
   top->value = malloc(8);
   for (int i = 0; i < 3; i++)
      table[i] = malloc(12);
   counter = malloc(4);
   return 0;
}
