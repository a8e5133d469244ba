/* Builds: an anonymous private mapping holds the only pointer to a
   100-byte block (from keep_in_mapping), still reachable; a 200-byte
   block's only pointer was stored in a mapping that is then unmapped
   (from keep_in_unmapped), definitely lost.
   Memcheck: definitely lost 200 bytes in 1 block, still reachable 100
   bytes in 1 block. */
#include <stdlib.h>
#include <sys/mman.h>

static void** map_page(void)
{
   return mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
               -1, 0);
}

static void** keep_in_mapping(void)
{
   void** page = map_page();
   page[100] = malloc(100);
   return page;
}

static void keep_in_unmapped(void)
{
   void** page = map_page();
   page[7] = malloc(200);
   munmap(page, 4096);
}

void** mapping;

int main(void)
{
   /* the page's address is no heap pointer, keeping it changes nothing */
   mapping = keep_in_mapping();
   keep_in_unmapped();
   return 0;
}
