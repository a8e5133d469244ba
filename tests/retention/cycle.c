/* A ring of 10 blocks of 48 bytes, each pointing to the next and the last
   to the first, held by one static: it retains all 480 bytes. */
#include <stdlib.h>

static void** g_ring;

int main(void)
{
   void** first = malloc(48);
   void** prev = first;
   int i;
   for (i = 1; i < 10; i++) {
      void** b = malloc(48);                       /* SITE:member */
      *prev = b;
      prev = b;
   }
   *prev = first;                                  /* SITE:close */
   g_ring = first;
   first = prev = NULL;
   return 0;
}
