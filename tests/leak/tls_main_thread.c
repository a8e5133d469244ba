/* Builds: two blocks held only by thread-local variables of the main
   thread: an external __thread pointer (24 bytes) and a static __thread
   pointer (56 bytes).  The main thread's static TLS lives in a mapping
   that is scanned.
   Memcheck: still reachable 80 bytes in 2 blocks (2 loss records). */
#include <stdlib.h>

__thread void* tls_global;
static __thread void* tls_static;

int main(void)
{
   tls_global = malloc(24);
   tls_static = malloc(56);
   return 0;
}
