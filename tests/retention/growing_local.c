/* A local of main grows between two retention reports, asked for from
   two places in main: 20 nodes of 32 bytes, then 10 more. */
#include <stdlib.h>
#include "memroot.h"

struct node { struct node* next; long v[3]; };

static void push(struct node** list, int n)
{
   while (n-- > 0) {
      struct node* x = malloc(sizeof *x);
      x->next = *list;
      *list = x;
   }
}

int main(void)
{
   struct node* growing = NULL;
   push(&growing, 20);
   MEMROOT_RETENTION_REPORT;                       /* SITE:first */
   push(&growing, 10);
   MEMROOT_RETENTION_REPORT_INCREASED;             /* SITE:second */
   return growing == NULL;
}
