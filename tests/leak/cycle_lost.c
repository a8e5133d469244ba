/* Builds: a ring of 5 nodes of 16 bytes (each points to the next, the
   last to the first), every outside pointer to it dropped: a clique,
   whose leader (the first node, lowest address) is definitely lost and
   carries the other four.
   Memcheck: definitely lost 16 bytes in 1 block, indirectly lost 64
   bytes in 4 blocks. */
#include <stdlib.h>

struct node { struct node* next; long value; };

static void make_ring(void)
{
   struct node* first = malloc(sizeof *first);
   struct node* last = first;
   for (int i = 1; i < 5; i++) {
      struct node* n = malloc(sizeof *n);
      n->value = i;
      last->next = n;
      last = n;
   }
   last->next = first;
}

int main(void)
{
   make_ring();
   return 0;
}
