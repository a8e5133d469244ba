/* main keeps a list of 25 nodes of 32 bytes in a local, then calls down
   12 frames; the deepest asks for a retention report and calls exit().
   main's frame is then 13 frames from the innermost (14 and more at exit,
   below exit's own): deeper than the 8 the core's var-info lookup sees. */
#include <stdlib.h>
#include "memroot.h"

struct node { struct node* next; long v[3]; };

static struct node* build(int n)
{
   struct node* head = NULL;
   while (n-- > 0) {
      struct node* x = malloc(sizeof *x);
      x->next = head;
      head = x;
   }
   return head;
}

static void down(int depth)
{
   if (depth == 0) {
      MEMROOT_RETENTION_REPORT;
      exit(0);
   }
   down(depth - 1);
}

int main(void)
{
   struct node* far_away = build(25);              /* SITE:local */
   down(12);                                       /* SITE:call */
   return far_away != NULL;
}
