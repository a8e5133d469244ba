/* A block of every leak kind, for the xtree leak file: still reachable
   from a global, possibly lost (only an interior pointer), definitely lost
   holding a list that is indirectly lost, and two definitely lost blocks
   from one helper called from two places, so that the tree has a shared
   node whose costs are the sum of its callers'.
   Memcheck: definitely lost 96 bytes in 3 blocks (3 loss records),
   indirectly lost 64 bytes in 2 blocks, possibly lost 64 bytes in 1
   block, still reachable 48 bytes in 1 block. */
#include <stdlib.h>

struct node { struct node* next; long payload[3]; };

static void* held;
static char* interior;

static void* helper(size_t n)
{
   return malloc(n);
}

static void lose_list(int n)
{
   struct node* head = NULL;
   for (int i = 0; i < n; i++) {
      struct node* e = malloc(sizeof *e);
      e->next = head;
      head = e;
   }
}

static void lose_once(void)
{
   helper(24);
}

int main(void)
{
   held = malloc(48);
   interior = (char*)malloc(64) + 8;
   lose_list(3);
   lose_once();
   helper(40);
   return 0;
}
