/* Four workers allocate and free their own blocks, and hand blocks to a
   consumer thread that frees them: frees across threads.  Some blocks of
   each worker stay live. */
#include <pthread.h>
#include <stdlib.h>

#define WORKERS 4
#define ROUNDS  200

static void* handoff[WORKERS][ROUNDS];
static void* kept[WORKERS];

static void* worker(void* arg)
{
   long w = (long)arg;
   int i;
   for (i = 0; i < ROUNDS; i++) {
      char* mine = malloc(16 + i);
      handoff[w][i] = calloc(1, 8 + w);
      mine = realloc(mine, 32 + i);
      free(mine);
   }
   kept[w] = malloc(100 * (w + 1));
   return NULL;
}

static void* consumer(void* arg)
{
   int w, i;
   for (w = 0; w < WORKERS; w++)
      for (i = 0; i < ROUNDS; i++)
         free(handoff[w][i]);
   return NULL;
}

int main(void)
{
   pthread_t t[WORKERS], c;
   long w;
   for (w = 0; w < WORKERS; w++)
      pthread_create(&t[w], NULL, worker, (void*)w);
   for (w = 0; w < WORKERS; w++)
      pthread_join(t[w], NULL);
   pthread_create(&c, NULL, consumer, NULL);
   pthread_join(c, NULL);
   return 0;
}
