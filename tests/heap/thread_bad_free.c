/* A block made by the main thread is freed twice by a second thread. */
#include <pthread.h>
#include <stdlib.h>

static void* twice(void* p)
{
   free(p);
   free(p);
   return NULL;
}

int main(void)
{
   pthread_t t;
   pthread_create(&t, NULL, twice, malloc(42));
   pthread_join(t, NULL);
   return 0;
}
