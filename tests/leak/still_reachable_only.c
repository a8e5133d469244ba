/* Builds: a program that loses nothing but frees nothing either: blocks
   held by a global (a 20-byte block holding a pointer to an 8-byte one),
   by a static array (3 blocks of 12 bytes, one site) and by the main
   thread's TLS (4 bytes).  Nothing is lost, so no leak is an error.
   Memcheck: still reachable 68 bytes in 6 blocks (4 loss records). */
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
