/* Pointer-heavy: a chained hash table of 400,000 heap nodes is built, then
   searched with move-to-front on every hit, so most stores are pointers
   into the heap.  The table stays reachable from a global at exit: the
   leak check scans all of it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
   uint64_t key;
   uint64_t value;
   struct node *next;
};

#define NBUCKETS (1u << 16)

static struct node **table;

static unsigned bucket(uint64_t key)
{
   return (unsigned)((key * 0x9e3779b97f4a7c15ull) >> 48);
}

static void insert(uint64_t key, uint64_t value)
{
   struct node *n = malloc(sizeof *n);
   n->key = key;
   n->value = value;
   n->next = table[bucket(key)];
   table[bucket(key)] = n;
}

/* Finds key and moves its node to the front of its chain. */
static struct node *lookup(uint64_t key)
{
   struct node **link = &table[bucket(key)];
   for (struct node *n = *link; n; link = &n->next, n = n->next) {
      if (n->key == key) {
         *link = n->next;
         n->next = table[bucket(key)];
         table[bucket(key)] = n;
         return n;
      }
   }
   return NULL;
}

int main(int argc, char **argv)
{
   long n = argc > 1 ? atol(argv[1]) : 400000;
   uint64_t sum = 0;

   table = calloc(NBUCKETS, sizeof *table);
   for (long i = 0; i < n; i++)
      insert((uint64_t)i * 7919, (uint64_t)i);
   for (long i = 0; i < 4 * n; i++) {
      struct node *hit = lookup((uint64_t)((i * 2654435761u) % n) * 7919);
      sum += hit ? hit->value : 0;
   }
   printf("%llu\n", (unsigned long long)sum);
   return 0;
}
