/* A worker builds a list of 40 nodes of 32 bytes and ends with
   pthread_exit(list); nobody joins it, so the list stays in its result,
   in the thread's control block at the top of its stack mapping, which
   glibc keeps mapped.  Once the thread is gone, the main thread asks for a
   retention report, then calls exit().  The worker is thread 2.  Its DTV
   (glibc's, 272 bytes) is held only by a pointer into it, from its
   control block.
   Memcheck: possibly lost 272 bytes in 1 block, still reachable 1,280
   bytes in 40 blocks. */
#include <dirent.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include "memroot.h"

struct node { struct node* next; long v[3]; };

static void* give_up(void* arg)
{
   struct node* head = NULL;
   int i;
   for (i = 0; i < 40; i++) {
      struct node* x = malloc(sizeof *x);          /* SITE:node */
      x->next = head;
      head = x;
   }
   pthread_exit(head);                             /* SITE:exit */
}

/* The threads of the process, as the kernel lists them. */
static int threads(void)
{
   DIR* d = opendir("/proc/self/task");
   struct dirent* e;
   int n = 0;
   while ((e = readdir(d)) != NULL)
      n += e->d_name[0] != '.';
   closedir(d);
   return n;
}

int main(void)
{
   pthread_t t;
   pthread_create(&t, NULL, give_up, NULL);
   while (threads() > 1)
      usleep(10000);
   MEMROOT_RETENTION_REPORT;
   exit(0);
}
