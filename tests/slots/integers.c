/* Words holding ordinary data are never marked, even next to a heap
   pointer; a pointer is. */
#include <stdlib.h>
#include "slot_report.h"

struct node { long count; void* next; double weight; };

int main(void)
{
   struct node* n = malloc(sizeof *n);
   n->count = 12345;
   n->next = malloc(8);                  /* SITE:next */
   n->weight = 2.5;
   report("count", &n->count);
   report("next", &n->next);
   report("weight", &n->weight);
   return 0;
}
