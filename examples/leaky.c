/* The example from the README: a small cache that keeps growing, and a
   list whose head is dropped. */
#include <stdlib.h>
#include <string.h>

struct entry { char* key; struct entry* next; };

static struct entry* cache;          /* holds its entries: still reachable */

static void remember(const char* key)
{
   struct entry* e = malloc(sizeof *e);
   e->key = strdup(key);
   e->next = cache;
   cache = e;
}

static void forget_list(int n)
{
   struct entry* head = NULL;
   for (int i = 0; i < n; i++) {
      struct entry* e = malloc(sizeof *e);
      e->key = NULL;
      e->next = head;
      head = e;
   }
   /* head goes out of scope: the whole list is lost */
}

int main(void)
{
   remember("alpha");
   remember("beta");
   forget_list(3);
   return 0;
}
