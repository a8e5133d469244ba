/* Builds: two blocks held only by thread-local variables of the main
   thread: an external __thread pointer and a static __thread pointer.
   The main thread's static TLS lives in a mapping that is scanned.
   Memcheck: still reachable 24 bytes in 1 block and 56 bytes in 1 block;
   nothing lost. */
#include <stdlib.h>

__thread void* tls_global;
static __thread void* tls_static;

int main(void)
{
   tls_global = malloc(24);
   tls_static = malloc(56);
   return 0;
}
