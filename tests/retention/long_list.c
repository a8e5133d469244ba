/* A list of 200,000 nodes of 16 bytes held by one global: retention and
   paths must not recurse once per node. */
#include <stdlib.h>

struct node { struct node* next; long v; };
struct node* g_list;

int main(void)
{
   int i;
   for (i = 0; i < 200000; i++) {
      struct node* n = malloc(sizeof *n);
      n->next = g_list;
      g_list = n;
   }
   return 0;
}
