/* A block whose address is never stored in memory: it lives in a
   register from malloc's return until it is lost (the register is
   reused).  Built at -O0, so the fixture keeps it out of memory by
   asking the compiler for a register variable.
   Memcheck: definitely lost 16 bytes in 1 block. */
#include <stdlib.h>

int main(void)
{
   register char* p asm("r12") = malloc(16);    /* SITE:alloc */
   (void)p;
   __asm__ volatile("xor %%r12, %%r12" ::: "r12");
   return 0;
}
