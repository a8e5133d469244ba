/* A list of three nodes whose head pointer, a global, is cleared
   (marked line): the head is definitely lost there, the two other nodes
   are lost with it.
   Memcheck: definitely lost 16 bytes in 1 block (1 loss record), indirectly lost 32 bytes in 2 blocks (2 loss records). */
#include <stdlib.h>

struct node { long value; struct node* next; };

struct node* g_head;

static void push(long v)
{
   struct node* n = malloc(sizeof *n);
   n->value = v;
   n->next = g_head;
   g_head = n;                                  /* SITE:store */
}

int main(void)
{
   push(1);
   push(2);
   push(3);
   g_head = NULL;                               /* SITE:drop */
   return 0;
}
