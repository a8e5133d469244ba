/* Builds: a lost two-block cycle whose blocks come from two different
   allocation sites and sizes (a 32-byte "owner" and a 64-byte "part"
   pointing at each other).  Memcheck scans blocks in address order, so
   the first-allocated block (the owner, lower address) leads the clique:
   the owner (from make_owner) is definitely lost and carries the part
   (from make_part).
   Memcheck: definitely lost 32 bytes in 1 block, indirectly lost 64
   bytes in 1 block. */
#include <stdlib.h>

struct owner { struct part* part; char pad[24]; };
struct part { struct owner* owner; char pad[56]; };

static struct owner* make_owner(void) { return calloc(1, sizeof(struct owner)); }
static struct part* make_part(void) { return calloc(1, sizeof(struct part)); }

static void couple_and_drop(void)
{
   struct owner* o = make_owner();
   struct part* p = make_part();
   o->part = p;
   p->owner = o;
}

int main(void)
{
   couple_and_drop();
   return 0;
}
