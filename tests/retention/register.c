/* A 77-byte block whose only pointer is in register r12 when the report
   is asked for: every memory copy of the pointer is overwritten first. */
#include <stdlib.h>
#include "memroot.h"

int main(void)
{
   void* p = malloc(77);
   __asm__ volatile("mov %0, %%r12" : : "r"(p) : "r12");
   p = NULL;
   MEMROOT_RETENTION_REPORT;
   __asm__ volatile("mov %%r12, %0" : "=r"(p));
   free(p);
   return 0;
}
