/* Two retention reports: between them g_growing gains 10 nodes of 32
   bytes while g_steady keeps its 5. */
#include <stdlib.h>
#include "memroot.h"

struct node { struct node* next; long v[3]; };
struct node* g_growing;
struct node* g_steady;

static void push(struct node** list, int n)
{
   while (n-- > 0) {
      struct node* x = malloc(sizeof *x);          /* SITE:push */
      x->next = *list;
      *list = x;
   }
}

int main(void)
{
   push(&g_growing, 20);
   push(&g_steady, 5);
   MEMROOT_RETENTION_REPORT;
   push(&g_growing, 10);
   MEMROOT_RETENTION_REPORT_INCREASED;
   return 0;
}
