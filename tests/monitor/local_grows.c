/* A long-running program whose main keeps a growing list in a local: 4
   entries of 48 bytes, a line on stdin, 8 more, another line, then exit.
   main waits for each line at a call of its own, so its frame is at
   another instruction each time. */
#include <stdio.h>
#include <stdlib.h>

struct entry { struct entry* next; long payload[5]; };

static void fill(struct entry** list, int n)
{
   while (n-- > 0) {
      struct entry* e = calloc(1, sizeof *e);
      e->next = *list;
      *list = e;
   }
}

static void wait_for_line(void)
{
   char line[16];
   printf("waiting\n");
   fflush(stdout);
   if (fgets(line, sizeof line, stdin) == NULL)
      exit(2);
}

int main(void)
{
   struct entry* growing = NULL;
   fill(&growing, 4);
   wait_for_line();                                /* SITE:first */
   fill(&growing, 8);
   wait_for_line();                                /* SITE:second */
   return growing == NULL;
}
