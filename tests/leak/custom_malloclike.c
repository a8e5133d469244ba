/* Builds: a bump allocator over an anonymous mapping that announces its
   blocks with VALGRIND_MALLOCLIKE_BLOCK and releases them with
   VALGRIND_FREELIKE_BLOCK: three 40-byte blocks; one freed, one held by a
   global, one dropped.  The blocks hold no pointers (the mapping itself
   is a root, so pointers stored in it would count).  Both remaining
   blocks are allocated at arena_alloc (the function issuing the request
   is the first frame of the stack).
   Memcheck: definitely lost 40 bytes in 1 block, still reachable 40 bytes
   in 1 block. */
#include <stddef.h>
#include <sys/mman.h>
#include <valgrind/memcheck.h>

static char* arena;
static size_t used;

static void* arena_alloc(size_t n)
{
   void* p = arena + used;
   used += n + 16;                    /* 16-byte gap as a redzone */
   VALGRIND_MALLOCLIKE_BLOCK(p, n, 0, 0);
   return p;
}

static void arena_free(void* p)
{
   VALGRIND_FREELIKE_BLOCK(p, 0);
}

void* kept;

static void drop(void)
{
   void* p = arena_alloc(40);
   (void)p;
}

int main(void)
{
   arena = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   arena_free(arena_alloc(40));
   kept = arena_alloc(40);
   drop();
   return 0;
}
