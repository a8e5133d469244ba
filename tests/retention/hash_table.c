/* A global hash table of 16 buckets holding 64 nodes of 32 bytes, plus the
   bucket array itself (128 bytes): the table retains 2,176 bytes in 65
   blocks, and nothing else is on the heap. */
#include <stdlib.h>

struct node { struct node* next; long key, value, spare; };

struct node** g_table;                             /* SITE:decl */

static void insert(long key)
{
   struct node* n = malloc(sizeof *n);             /* SITE:node */
   n->key = key;
   n->next = g_table[key % 16];
   g_table[key % 16] = n;                          /* SITE:bucket */
}

int main(void)
{
   long k;
   g_table = calloc(16, sizeof *g_table);          /* SITE:table */
   for (k = 0; k < 64; k++)
      insert(k);
   return 0;
}
