/* Builds: a singly linked list of 100,000 nodes of 16 bytes, dropped; the
   list is built so that each node points to the next-allocated one, and
   marking it depth-first goes 100,000 levels deep: a leak checker that
   recurses overflows its stack.  Its head is definitely lost and carries
   the other 99,999 nodes.  A second list of 100,000 nodes stays
   reachable from a global.
   Memcheck: definitely lost 16 bytes in 1 block, indirectly lost
   1,599,984 bytes in 99,999 blocks, still reachable 1,600,000 bytes in
   100,000 blocks. */
#include <stdlib.h>

struct node { struct node* next; long value; };

#define N 100000

struct node* kept;

static struct node* chain(void)
{
   struct node* head = malloc(sizeof *head);
   struct node* tail = head;
   for (long i = 1; i < N; i++) {
      tail->next = malloc(sizeof *tail);
      tail->value = i;
      tail = tail->next;
   }
   tail->next = NULL;
   return head;
}

static void drop(void)
{
   struct node* head = chain();
   (void)head;
}

int main(void)
{
   drop();
   kept = chain();
   return 0;
}
