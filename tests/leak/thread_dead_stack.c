/* Builds: two threads, run one after the other and joined: the first
   keeps a 64-byte block only in a local of its stack and returns (the
   block, from keep_on_stack, is definitely lost); the second stores a
   96-byte block in a global (from keep_in_global, still reachable).  A
   dead thread's stack is no root, even though glibc keeps the memory
   mapped for reuse.
   Memcheck: definitely lost 64 bytes in 1 block, still reachable 96 bytes
   in 1 block. */
#include <pthread.h>
#include <stdlib.h>

void* global;

static void* keep_on_stack(void* arg)
{
   void* volatile local = malloc(64);
   (void)arg;
   (void)local;
   return NULL;
}

static void* keep_in_global(void* arg)
{
   (void)arg;
   global = malloc(96);
   return NULL;
}

int main(void)
{
   pthread_t t;
   pthread_create(&t, NULL, keep_on_stack, NULL);
   pthread_join(t, NULL);
   pthread_create(&t, NULL, keep_in_global, NULL);
   pthread_join(t, NULL);
   return 0;
}
