/* Builds: a pool in a static buffer whose first chunk already holds a
   pointer to the second chunk's address when both are described
   (VALGRIND_CREATE_MEMPOOL, VALGRIND_MEMPOOL_ALLOC); only a global points
   to the first chunk, stored before the pool existed.  An 8-byte heap
   block is held too (with no heap block, no pool chunk is looked at).
   A chunk's memory is undefined for Memcheck once described, so the
   pointer inside the first chunk does not count.
   Memcheck: definitely lost 16 bytes in 1 block, still reachable 56 bytes
   in 2 blocks. */
#include <stdlib.h>
#include <valgrind/valgrind.h>

static char  pool[1024] __attribute__((aligned(16)));
static char* g_first;
static void* g_heap;

int main(void)
{
   g_heap = malloc(8);
   g_first = pool;
   *(char**)pool = pool + 512;
   VALGRIND_CREATE_MEMPOOL(pool, 0, 0);
   VALGRIND_MEMPOOL_ALLOC(pool, pool, 48);
   VALGRIND_MEMPOOL_ALLOC(pool, pool + 512, 16);
   return 0;
}
