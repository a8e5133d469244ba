/* One block whose pointer is stored in two globals and dropped from
   both, between phases a test drives (it prints "waiting" and reads a
   line): the test watches the block in the first phase and sees each
   store and drop (marked lines); at the second phase the block is lost
   (definitely lost, 32 bytes in 1 block). */
#include <stdio.h>
#include <stdlib.h>

char* g_first;
char* g_second;

static void phase(void)
{
   char line[8];
   printf("waiting\n");
   fflush(stdout);
   if (fgets(line, sizeof line, stdin) == NULL)
      exit(1);
}

static void share(void)
{
   g_second = g_first;                          /* SITE:store */
}

static void forget(void)
{
   g_first = NULL;                              /* SITE:drop_first */
   g_second = NULL;                             /* SITE:drop_second */
}

int main(void)
{
   g_first = malloc(32);
   phase();
   share();
   forget();
   phase();
   return 0;
}
