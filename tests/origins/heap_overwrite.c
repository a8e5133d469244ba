/* A block held only by a field of a heap block; the field is cleared
   (marked line).
   Memcheck: definitely lost 40 bytes in 1 block (1 loss record), still reachable 16 bytes in 1 block (1 loss record). */
#include <stdlib.h>

struct holder { long id; char* buf; };

struct holder* g_holder;

static void fill(struct holder* h)
{
   h->buf = malloc(40);                         /* SITE:store */
}

static void clear(struct holder* h)
{
   h->buf = NULL;                               /* SITE:drop */
}

int main(void)
{
   g_holder = malloc(sizeof *g_holder);
   fill(g_holder);
   clear(g_holder);
   return 0;
}
