/* Builds: a thread keeps a 48-byte block in a local of its stack and
   blocks forever (on a pipe nobody writes); once it has stored the block
   the main thread calls exit().  A thread killed by the exit still has a
   live stack, which is a root: the block (from holder) is still
   reachable.  The thread's own DTV (272 bytes, calloc'ed by
   pthread_create) is possibly lost: glibc keeps only a pointer into it.
   Memcheck: possibly lost 272 bytes in 1 block, still reachable 48 bytes
   in 1 block. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static int ready[2], never[2];

static void* holder(void* arg)
{
   void* volatile local = malloc(48);
   char c = 0;
   (void)arg;
   (void)local;
   if (write(ready[1], &c, 1) != 1)
      abort();
   if (read(never[0], &c, 1) < 0)
      abort();
   return NULL;
}

int main(void)
{
   pthread_t t;
   char c;
   if (pipe(ready) || pipe(never))
      return 1;
   pthread_create(&t, NULL, holder, NULL);
   if (read(ready[0], &c, 1) != 1)
      return 1;
   exit(0);
}
