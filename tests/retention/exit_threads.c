/* The main thread keeps a list of 50 nodes in a local of main and calls
   exit() from a helper; three workers, each keeping a list in a local of
   its own function, are parked when it does: on a barrier (100 nodes), on
   a condition variable (200 nodes) and in a read from a pipe nobody
   writes (300 nodes).  Nodes are 32 bytes.  With "report", the helper
   asks for a retention report just before it exits, so the same stacks
   are reported live and at exit.  Threads are numbered by Valgrind in
   creation order: main 1, then 2, 3, 4.  Each worker's DTV (glibc's,
   272 bytes) is held only by a pointer into it, from its control block.
   Memcheck: possibly lost 816 bytes in 3 blocks, still reachable 20,800
   bytes in 650 blocks. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "memroot.h"

struct node { struct node* next; long v[3]; };

static pthread_barrier_t barrier;
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never_signalled = PTHREAD_COND_INITIALIZER;
static int parked[2], never_written[2];
static int report;

static struct node* build(int n)
{
   struct node* head = NULL;
   while (n-- > 0) {
      struct node* x = malloc(sizeof *x);          /* SITE:node */
      x->next = head;
      head = x;
   }
   return head;
}

/* Says "about to block" on the same line as the blocking call, so that
   the worker's frame has that line whether or not it got there yet. */
static void say_parked(void)
{
   char c = 'p';
   if (write(parked[1], &c, 1) != 1)
      abort();
}

static void* park_on_barrier(void* arg)
{
   struct node* on_barrier = build(100);
   say_parked(); pthread_barrier_wait(&barrier);  /* SITE:barrier */
   return on_barrier;
}

static void* park_on_cond(void* arg)
{
   struct node* on_cond = build(200);
   pthread_mutex_lock(&mutex);
   say_parked(); pthread_cond_wait(&never_signalled, &mutex); /* SITE:cond */
   pthread_mutex_unlock(&mutex);
   return on_cond;
}

static void* park_in_read(void* arg)
{
   struct node* in_read = build(300);
   char c;
   say_parked(); if (read(never_written[0], &c, 1) < 0) abort(); /* SITE:read */
   return in_read;
}

static void leave(void)
{
   if (report)
      MEMROOT_RETENTION_REPORT;                    /* SITE:report */
   exit(0);                                        /* SITE:exit */
}

int main(int argc, char** argv)
{
   struct node* in_main = build(50);
   pthread_t t;
   char c;
   int i;
   report = argc > 1 && strcmp(argv[1], "report") == 0;
   if (pipe(parked) || pipe(never_written))
      return 1;
   pthread_barrier_init(&barrier, NULL, 2);
   pthread_create(&t, NULL, park_on_barrier, NULL);
   pthread_create(&t, NULL, park_on_cond, NULL);
   pthread_create(&t, NULL, park_in_read, NULL);
   for (i = 0; i < 3; i++)
      if (read(parked[0], &c, 1) != 1)
         return 1;
   usleep(200000);
   leave();                                        /* SITE:leave */
   return in_main != NULL;
}
