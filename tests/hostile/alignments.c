/* Builds: aligned allocations at the edges of what the C library takes:
   memalign(SIZE_MAX, 16) and aligned_alloc(2^40, 16) (refused with NULL
   and an errno), aligned_alloc(32 MiB, 16) (granted, beyond the 16 MiB
   Valgrind's own allocator can align), posix_memalign with alignment 3
   (EINVAL) and memalign(24, 100) (rounded up to 32, as glibc does).
   Prints what each returned; run natively it prints the same. */
#define _GNU_SOURCE
#include <errno.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void refused(const char* what, void* p)
{
   printf("%s: %s, errno set %d\n", what, p ? "granted" : "NULL", errno != 0);
}

int main(void)
{
   void* p;
   int   rc;

   errno = 0;
   refused("memalign(SIZE_MAX, 16)", memalign(SIZE_MAX, 16));
   errno = 0;
   refused("aligned_alloc(1 << 40, 16)", aligned_alloc((size_t)1 << 40, 16));

   p = aligned_alloc((size_t)32 << 20, 16);
   printf("aligned_alloc(32 MiB, 16): aligned %d\n",
          p != NULL && (uintptr_t)p % ((size_t)32 << 20) == 0);
   memset(p, 1, 16);
   free(p);

   rc = posix_memalign(&p, 3, 16);
   printf("posix_memalign(3, 16): %s\n", rc == EINVAL ? "EINVAL" : "other");

   p = memalign(24, 100);
   printf("memalign(24, 100): aligned to 32 %d\n",
          p != NULL && (uintptr_t)p % 32 == 0);
   free(p);
   return 0;
}
