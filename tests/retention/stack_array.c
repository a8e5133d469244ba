/* A worker keeps 1,000 blocks of 72 bytes in a local array of pointers
   and blocks reading a pipe nobody writes; the main thread then calls
   exit().  Its thread's storage holds its DTV (glibc's, 272 bytes), a
   bigger block than any of the 1,000: the path to where most of the
   array's memory is leads to one of them all the same.  The worker is
   thread 2. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static int parked[2], never_written[2];

static void* hold_items(void* arg)
{
   void* items[1000];                              /* SITE:local */
   char c = 'p';
   int i;
   for (i = 0; i < 1000; i++)
      items[i] = malloc(72);                       /* SITE:item */
   if (write(parked[1], &c, 1) != 1 || read(never_written[0], &c, 1) < 0) /* SITE:park */
      abort();
   return items[0];
}

int main(void)
{
   pthread_t t;
   char c;
   if (pipe(parked) || pipe(never_written))
      return 1;
   pthread_create(&t, NULL, hold_items, NULL);
   if (read(parked[0], &c, 1) != 1)
      return 1;
   usleep(200000);
   exit(0);
}
