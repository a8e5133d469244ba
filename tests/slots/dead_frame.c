/* A heap pointer left in a local of a returned function is no longer
   marked, though the value is still in memory. */
#include <stdint.h>
#include <stdlib.h>
#include "slot_report.h"

/* slot[0] lies more than the ABI's 128-byte red zone below the caller's
   stack pointer once the function has returned. */
static __attribute__((noinline)) uintptr_t keep_in_local(void)
{
   void* volatile slot[64];
   slot[0] = malloc(16);                 /* SITE:live */
   report("live", (const void*)&slot[0]);
   return (uintptr_t)&slot[0];
}

int main(void)
{
   uintptr_t dead = keep_in_local();
   /* Asked before any call could reuse the dead frame. */
   unsigned long site = MEMROOT_GET_SLOT_SITE(dead);
   printf("dead=%#lx\n", site);
   return 0;
}
