/* A pointer stored by another thread is marked with that thread's line. */
#include <pthread.h>
#include <stdlib.h>
#include "slot_report.h"

void* from_thread;

static void* worker(void* arg)
{
   from_thread = malloc(16);  /* SITE:thread */
   return NULL;
}

int main(void)
{
   pthread_t t;
   pthread_create(&t, NULL, worker, NULL);
   pthread_join(t, NULL);
   report("from_thread", &from_thread);
   return 0;
}
