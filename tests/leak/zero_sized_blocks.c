/* Builds: malloc(0) blocks from one site: two kept by a global array
   (called from two lines of main, so two stacks), three dropped (one
   stack).  A pointer to a zero-sized block is a pointer to its start (it
   is also one past its end).
   Memcheck: definitely lost 0 bytes in 3 blocks (1 loss record), still
   reachable 0 bytes in 2 blocks (2 loss records). */
#include <stdlib.h>

void* kept[2];

static void* zero(void)
{
   return malloc(0);
}

static void drop_three(void)
{
   for (int i = 0; i < 3; i++)
      zero();
}

int main(void)
{
   kept[0] = zero();
   kept[1] = zero();
   drop_three();
   return 0;
}
