/* Allocation-heavy: millions of short-lived small blocks (8 to 127 bytes)
   through malloc and free, with a window of 4096 blocks live at any time.
   Stresses the tool's malloc replacement and block bookkeeping. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define WINDOW 4096

static char *live[WINDOW];

int main(int argc, char **argv)
{
   long n = argc > 1 ? atol(argv[1]) : 3000000;
   uint32_t x = 12345;
   unsigned long sum = 0;

   for (long i = 0; i < n; i++) {
      x = x * 1103515245u + 12345u;
      unsigned slot = (x >> 8) % WINDOW;
      size_t size = 8 + (x >> 20) % 120;
      free(live[slot]);
      live[slot] = malloc(size);
      live[slot][0] = (char)i;
      live[slot][size - 1] = (char)(i >> 8);
      if (live[(slot + 1) % WINDOW])
         sum += (unsigned char)live[(slot + 1) % WINDOW][0];
   }
   for (int i = 0; i < WINDOW; i++)
      free(live[i]);
   printf("%lu\n", sum);
   return 0;
}
