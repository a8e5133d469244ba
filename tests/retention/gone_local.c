/* A function keeps a list of 5 nodes of 32 bytes in a local while a
   retention report is made, then returns without freeing it; a second
   report, of what changed, finds the local gone. */
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

static void hold(void)
{
   struct node* held = build(5);
   MEMROOT_RETENTION_REPORT;                       /* SITE:held */
   (void)held;
}

int main(void)
{
   hold();
   MEMROOT_RETENTION_REPORT_CHANGED;
   return 0;
}
