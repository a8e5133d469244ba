/* A global holds one block of 272 bytes and, in an array, 1,000 blocks of
   72 bytes: the biggest block it holds is the odd one, but most of its
   memory is in the array's blocks. */
#include <stdlib.h>

struct registry {
   void* odd;
   void* items[1000];
};

struct registry g_registry;

int main(void)
{
   int i;
   g_registry.odd = malloc(272);                   /* SITE:odd */
   for (i = 0; i < 1000; i++)
      g_registry.items[i] = malloc(72);            /* SITE:item */
   return 0;
}
