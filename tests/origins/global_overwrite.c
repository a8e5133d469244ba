/* A block whose only pointer, a global, is overwritten with another
   block's (marked line loses it).
   Memcheck: definitely lost 100 bytes in 1 block (1 loss record), still reachable 50 bytes in 1 block (1 loss record). */
#include <stdlib.h>

char* g_current;

static void open_session(void)
{
   g_current = malloc(100);                     /* SITE:store */
}

static void reopen(void)
{
   g_current = malloc(50);                      /* SITE:drop */
}

int main(void)
{
   open_session();
   reopen();
   return 0;
}
