/* A long-running program whose global cache grows: 4 entries of 48 bytes,
   a line on stdin, 8 more, another line, then exit. */
#include <stdio.h>
#include <stdlib.h>

struct entry { struct entry* next; long payload[5]; };

struct entry* g_cache;

static void fill(int n)
{
   while (n-- > 0) {
      struct entry* e = calloc(1, sizeof *e);     /* SITE:entry */
      e->next = g_cache;
      g_cache = e;                                /* SITE:store */
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
   fill(4);
   wait_for_line();
   fill(8);
   wait_for_line();
   return 0;
}
