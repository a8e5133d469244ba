/* A second thread builds a list of 100 nodes of 32 bytes in a local of
   its deepest frame (10 calls below its start routine), says so through a
   pipe and blocks reading another, while the main thread asks for a
   retention report. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include "memroot.h"

struct node { struct node* next; long v[3]; };
static int up[2], down[2];

static void build_and_wait(void)
{
   struct node* pending = NULL;                    /* SITE:local */
   struct node* n;
   int i;
   for (i = 0; i < 100; i++) {
      n = malloc(sizeof *n);                       /* SITE:node */
      n->next = pending;
      pending = n;                                 /* SITE:store */
   }
   n = NULL;   /* only pending holds the list */
   char c = 'r';
   if (write(up[1], &c, 1) != 1 || read(down[0], &c, 1) != 1) abort(); /* SITE:wait */
}

static void descend(int depth)
{
   if (depth == 0)
      build_and_wait();
   else
      descend(depth - 1);
}

static void* worker(void* arg)
{
   descend(10);
   return arg;
}

int main(void)
{
   pthread_t t;
   char c;
   if (pipe(up) || pipe(down))
      return 1;
   pthread_create(&t, NULL, worker, NULL);
   if (read(up[0], &c, 1) != 1)
      return 1;
   MEMROOT_RETENTION_REPORT;
   if (write(down[1], &c, 1) != 1)
      return 1;
   pthread_join(t, NULL);
   return 0;
}
