/* Builds: 10,000 blocks of 32 bytes from one allocation site; a global
   array keeps the even-numbered ones, the odd-numbered ones are dropped.
   Memcheck: definitely lost 160,000 bytes in 5,000 blocks (1 loss
   record), still reachable 160,000 bytes in 5,000 blocks (1 loss
   record). */
#include <stdlib.h>

#define N 10000

void* kept[N / 2];

static void* site(void)
{
   return malloc(32);
}

int main(void)
{
   for (int i = 0; i < N; i++) {
      void* p = site();
      if (i % 2 == 0)
         kept[i / 2] = p;
   }
   return 0;
}
