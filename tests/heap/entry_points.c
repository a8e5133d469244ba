/* Every C allocator entry point, with alignment checked by the program
   itself: it prints what it saw, and exits 1 on a misaligned block. */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int bad;

static void check(const char* what, void* p, size_t align)
{
   if (p == NULL || (uintptr_t)p % align != 0) {
      printf("%s: misaligned or NULL\n", what);
      bad = 1;
   }
}

int main(int argc, char** argv)
{
   size_t page = sysconf(_SC_PAGESIZE);
   void *p, *q;
   int i;

   /* Valgrind 3.19's malloc replacement stops the program here. */
   if (argc > 1) {
      p = pvalloc(10);
      check("pvalloc", p, page);
      free(p);
   }

   p = malloc(24);            check("malloc", p, 16);
   printf("usable(malloc 24) = %zu\n", malloc_usable_size(p));
   free(p);
   p = calloc(7, 3);          check("calloc", p, 16);
   for (i = 0; i < 21; i++)
      if (((char*)p)[i] != 0)
         bad = 1;
   free(p);
   p = realloc(NULL, 40);     check("realloc(NULL)", p, 16);
   p = realloc(p, 100);       check("realloc grow", p, 16);
   p = realloc(p, 10);        check("realloc shrink", p, 16);
   printf("usable(realloc 10) = %zu\n", malloc_usable_size(p));
   q = realloc(p, 0);
   printf("realloc(p, 0) = %s\n", q ? "block" : "NULL");
   free(q);
   for (i = 16; i <= 4096; i *= 4) {
      p = memalign(i, 33);    check("memalign", p, i);
      free(p);
      if (posix_memalign(&p, i, 33) != 0) bad = 1;
      check("posix_memalign", p, i);
      free(p);
      p = aligned_alloc(i, 2 * i); check("aligned_alloc", p, i);
      free(p);
   }
   printf("posix_memalign(3) = %d\n", posix_memalign(&p, 3, 8));
   p = valloc(10);            check("valloc", p, page);
   printf("usable(valloc 10) = %zu\n", malloc_usable_size(p));
   free(p);
   p = malloc(0);             check("malloc(0)", p, 1);
   printf("usable(malloc 0) = %zu\n", malloc_usable_size(p));
   /* one block left live */
   p = malloc(77);
   return bad;
}
