/* Marks move with a mapping that mremap moves, and die with munmap: a
   mapping made again at the same address starts unmarked. */
#define _GNU_SOURCE
#include <stdlib.h>
#include <sys/mman.h>
#include "slot_report.h"

#define PAGE 4096

int main(void)
{
   void** m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   void** far = mmap(NULL, 4 * PAGE, PROT_NONE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   void** moved;
   m[5] = malloc(16);          /* SITE:mapped */
   moved = mremap(m, PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, far);
   printf("did_move=%d\n", moved == far && moved != m);
   report("moved", &moved[5]);
   m = mmap(m, PAGE, PROT_READ | PROT_WRITE,
            MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
   moved[5] = malloc(16);
   munmap(moved, 2 * PAGE);
   moved = mmap(moved, PAGE, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
   report("old_place", &m[5]);
   report("remapped", &moved[5]);
   return 0;
}
