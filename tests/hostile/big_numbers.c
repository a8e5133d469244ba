/* Builds: a 1,024-byte block, definitely lost, whose first word holds the
   only pointer to a 16-byte block (indirectly lost); and 1,100 globals, each
   holding one 32-byte block.  The lost block is kept small on purpose: ld.so
   leaves a cycle count (relocate_time) in its data, and under Valgrind that
   number often falls inside a block of megabytes, which Memcheck then calls
   possibly lost (README, "Where memroot's verdict differs").
   Memcheck: definitely lost 1,024 bytes in 1 block, indirectly lost
   16 bytes in 1 block, still reachable 35,200 bytes in 1,100 blocks. */
#include <stdlib.h>

#define ONE(n)     void* g##n;
#define TEN(n)     ONE(n##0) ONE(n##1) ONE(n##2) ONE(n##3) ONE(n##4) \
                   ONE(n##5) ONE(n##6) ONE(n##7) ONE(n##8) ONE(n##9)
#define HUNDRED(n) TEN(n##0) TEN(n##1) TEN(n##2) TEN(n##3) TEN(n##4) \
                   TEN(n##5) TEN(n##6) TEN(n##7) TEN(n##8) TEN(n##9)
HUNDRED(1) HUNDRED(2) HUNDRED(3) HUNDRED(4) HUNDRED(5) HUNDRED(6)
HUNDRED(7) HUNDRED(8) HUNDRED(9) HUNDRED(10) HUNDRED(11)

#undef ONE
#define ONE(n) g##n = malloc(32);

static void drop_big(void)
{
   void** big = malloc(1024);
   big[0] = malloc(16);
}

int main(void)
{
   HUNDRED(1) HUNDRED(2) HUNDRED(3) HUNDRED(4) HUNDRED(5) HUNDRED(6)
   HUNDRED(7) HUNDRED(8) HUNDRED(9) HUNDRED(10) HUNDRED(11)
   drop_big();
   return 0;
}
