/* Builds: 65,536 pseudo-random 32-bit numbers kept in a global table,
   written before the heap exists; then a list of 100,000 16-byte nodes
   whose head pointer is dropped.  Some numbers happen to equal addresses
   inside nodes.
   Under Memcheck those numbers count as pointers, so part of the lost
   list is possibly lost or still reachable.  Under memroot the numbers
   were never stored as heap pointers (the heap did not hold those
   addresses when they were written): definitely lost 16 bytes in 1
   block, indirectly lost 1,599,984 bytes in 99,999 blocks. */
#include <stdint.h>
#include <stdlib.h>

struct node { struct node* next; long value; };

static uint64_t g_numbers[65536];

static void fill_numbers(void)
{
   uint64_t x = 12345;
   for (int i = 0; i < 65536; i++) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      g_numbers[i] = x >> 32;
   }
}

static void drop_list(void)
{
   struct node* head = NULL;
   for (int i = 0; i < 100000; i++) {
      struct node* n = malloc(sizeof *n);
      n->next = head;
      n->value = i;
      head = n;
   }
}

int main(void)
{
   fill_numbers();
   drop_list();
   return 0;
}
