/* Builds: a custom allocator's arena — in an mmap'd mapping, in a static
   buffer, or in a malloc'd block (argv[1]: mmap, static, malloc) — whose
   base pointer is stored in a global before or after (argv[2]: before,
   after) a 64-byte block is described at that very address with
   VALGRIND_MALLOCLIKE_BLOCK; a 32-byte block described next to it hangs
   from the first.  Both stay held until exit.
   Every variant, under Memcheck as under memroot: still reachable 96
   bytes in 2 blocks; nothing lost (the test runs each variant under both
   tools, since the header test runs fixtures without arguments). */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <valgrind/valgrind.h>

static char  static_arena[4096] __attribute__((aligned(64)));
static char* g_arena;

static char* arena_of(const char* where)
{
   if (strcmp(where, "mmap") == 0)
      return mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
   if (strcmp(where, "static") == 0)
      return static_arena;
   return malloc(4096);
}

int main(int argc, char** argv)
{
   char* arena = arena_of(argv[1]);
   int   early = strcmp(argv[2], "before") == 0;

   if (early)
      g_arena = arena;
   VALGRIND_MALLOCLIKE_BLOCK(arena, 64, 0, 0);
   if (!early)
      g_arena = arena;
   VALGRIND_MALLOCLIKE_BLOCK(arena + 64, 32, 0, 0);
   *(char**)arena = arena + 64;
   arena = NULL;
   return 0;
}
