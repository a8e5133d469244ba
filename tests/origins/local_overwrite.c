/* A block held only by a local variable of main, which is then
   overwritten (marked line) while main is still running.
   Memcheck: definitely lost 24 bytes in 1 block (1 loss record), still reachable 8 bytes in 1 block (1 loss record). */
#include <stdlib.h>

static void* volatile sink;

int main(void)
{
   char* volatile p = malloc(24);               /* SITE:store */
   p = malloc(8);                               /* SITE:drop */
   sink = p;
   return 0;
}
