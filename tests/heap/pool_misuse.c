/* Pool creations Memcheck aborts on: an auto-free pool that is not a
   metapool, and a second creation of the same pool. */
#include <string.h>
#include <valgrind/valgrind.h>

static int anchor;

int main(int argc, char** argv)
{
   if (strcmp(argv[1], "twice") == 0) {
      VALGRIND_CREATE_MEMPOOL(&anchor, 0, 0);
      VALGRIND_CREATE_MEMPOOL(&anchor, 0, 0);
   } else {
      VALGRIND_CREATE_MEMPOOL_EXT(&anchor, 0, 0, VALGRIND_MEMPOOL_AUTO_FREE);
   }
   return 0;
}
