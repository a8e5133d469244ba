/* Builds: a second thread stores a 72-byte block in its __thread variable
   and waits; the main thread runs a leak check (VALGRIND_DO_LEAK_CHECK)
   while that thread is alive, then lets it finish and joins it.  The
   dead thread's TLS no longer counts at exit.  At the first check the
   live thread's DTV (288 bytes, calloc'ed by pthread_create; glibc keeps
   only a pointer into it) is possibly lost; it is freed with the thread.
   Memcheck, check 1 of 2: possibly lost 288 bytes in 1 block, still
   reachable 72 bytes in 1 block.
   Memcheck, check 2 of 2: definitely lost 72 bytes in 1 block. */
#include <pthread.h>
#include <stdlib.h>
#include <valgrind/memcheck.h>

static __thread void* mine;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int stage;

static void wait_for(int s)
{
   pthread_mutex_lock(&lock);
   while (stage < s)
      pthread_cond_wait(&cond, &lock);
   pthread_mutex_unlock(&lock);
}

static void advance_to(int s)
{
   pthread_mutex_lock(&lock);
   stage = s;
   pthread_cond_broadcast(&cond);
   pthread_mutex_unlock(&lock);
}

static void* worker(void* arg)
{
   (void)arg;
   mine = malloc(72);
   advance_to(1);
   wait_for(2);
   return NULL;
}

int main(void)
{
   pthread_t t;
   pthread_create(&t, NULL, worker, NULL);
   wait_for(1);
   VALGRIND_DO_LEAK_CHECK;
   advance_to(2);
   pthread_join(t, NULL);
   return 0;
}
