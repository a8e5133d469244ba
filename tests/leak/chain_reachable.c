/* Builds: a singly linked list of 10 nodes of 16 bytes whose head is in a
   global.
   Memcheck: still reachable 160 bytes in 10 blocks (1 loss record). */
#include <stdlib.h>

struct node { struct node* next; long value; };

struct node* list;

int main(void)
{
   for (int i = 0; i < 10; i++) {
      struct node* n = malloc(sizeof *n);
      n->next = list;
      n->value = i;
      list = n;
   }
   return 0;
}
