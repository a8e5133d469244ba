/* Builds: a lost 48-byte "document" owning a 33-byte title and a list of
   3 "sections" (24 bytes), each owning a 100-byte body; nothing outside
   points into the structure.  Every block but the document is reachable
   only from lost blocks: the document is definitely lost and carries the
   title (strdup), the 3 sections and the 3 bodies, one loss record each
   since each section is built from its own call site.
   Memcheck: definitely lost 48 bytes in 1 block (1 loss record),
   indirectly lost 405 bytes in 7 blocks (7 loss records). */
#include <stdlib.h>
#include <string.h>

struct section { struct section* next; char* body; long n; };
struct document { char* title; struct section* first; long pad[4]; };

static char* body(void)
{
   return calloc(1, 100);
}

static struct section* section(struct section* next, long n)
{
   struct section* s = malloc(sizeof *s);
   s->next = next;
   s->body = body();
   s->n = n;
   return s;
}

static void write_and_lose(void)
{
   struct document* d = calloc(1, sizeof *d);
   d->title = strdup("a title of thirty-one characters");
   d->first = section(section(section(NULL, 3), 2), 1);
}

int main(void)
{
   write_and_lose();
   return 0;
}
