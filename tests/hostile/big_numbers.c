/* Builds: an 8 MiB block, definitely lost, whose first word holds the only
   pointer to a 16-byte block (indirectly lost); and 1,100 globals, each
   holding one 32-byte block.
   Memcheck: definitely lost 8,388,608 bytes in 1 block, indirectly lost
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
   void** big = malloc(8 << 20);
   big[0] = malloc(16);
}

int main(void)
{
   HUNDRED(1) HUNDRED(2) HUNDRED(3) HUNDRED(4) HUNDRED(5) HUNDRED(6)
   HUNDRED(7) HUNDRED(8) HUNDRED(9) HUNDRED(10) HUNDRED(11)
   drop_big();
   return 0;
}
