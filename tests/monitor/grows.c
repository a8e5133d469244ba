/* A long-running program for monitor commands: it leaks, waits for a
   line on stdin, leaks more, waits again, then exits.  A global list
   keeps three blocks reachable; a lost list has a tail held indirectly. */
#include <stdio.h>
#include <stdlib.h>

struct node { struct node* next; long payload[3]; };

struct node* kept;                          /* still reachable */
static struct node* volatile dropped;

static void leak_list(int n)
{
   for (int i = 0; i < n; i++) {
      struct node* e = calloc(1, sizeof *e);  /* SITE:lost */
      e->next = dropped;
      dropped = e;
   }
   dropped = NULL;                          /* head lost, tail indirect */
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
   for (int i = 0; i < 3; i++) {
      struct node* e = calloc(1, sizeof *e);
      e->next = kept;
      kept = e;                             /* SITE:kept */
   }
   leak_list(2);
   wait_for_line();
   leak_list(4);                            /* SITE:more */
   wait_for_line();
   return 0;
}
