/* Builds: a memory pool whose superblock is a 1024-byte malloc'd block,
   described with VALGRIND_CREATE_MEMPOOL / VALGRIND_MEMPOOL_ALLOC /
   VALGRIND_MEMPOOL_FREE: four chunks of 24 bytes; one freed, one held by
   a global, two dropped (from one allocation stack).  The pool stays
   alive to the end.  A malloc'd block that holds pool chunks is left out
   of the leak check; its chunks are checked instead, so the superblock
   appears in no record.  (Memcheck 3.19 ignores pool chunks entirely when
   no malloc'd block is live.)
   Memcheck: definitely lost 48 bytes in 2 blocks (1 loss record), still
   reachable 24 bytes in 1 block. */
#include <stddef.h>
#include <stdlib.h>
#include <valgrind/memcheck.h>

static char* pool;
static size_t used;

static void* pool_alloc(size_t n)
{
   void* p = pool + used;
   used += n + 8;
   VALGRIND_MEMPOOL_ALLOC(pool, p, n);
   return p;
}

void* kept;

static void drop_two(void)
{
   for (int i = 0; i < 2; i++)
      pool_alloc(24);
}

int main(void)
{
   pool = malloc(1024);
   VALGRIND_CREATE_MEMPOOL(pool, 0, 0);
   VALGRIND_MEMPOOL_FREE(pool, pool_alloc(24));
   kept = pool_alloc(24);
   drop_two();
   return 0;
}
