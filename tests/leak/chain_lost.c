/* Builds: a singly linked list of 10 nodes of 16 bytes built in a
   function whose frame held the only pointer to its head: the head is
   definitely lost and carries the other 9 nodes, indirectly lost.
   Memcheck: definitely lost 16 bytes in 1 block, indirectly lost 144
   bytes in 9 blocks (1 loss record). */
#include <stdlib.h>

struct node { struct node* next; long value; };

static void build_and_drop(void)
{
   struct node* head = NULL;
   for (int i = 0; i < 10; i++) {
      struct node* n = malloc(sizeof *n);
      n->next = head;
      n->value = i;
      head = n;
   }
}

int main(void)
{
   build_and_drop();
   return 0;
}
