/* 256 globals, g00 to gff, each holding a list of 3 nodes of 32 bytes:
   256 roots, each with a path of its own. */
#include <stdlib.h>

struct node { struct node* next; long v[3]; };

#define V16(p) V(p##0) V(p##1) V(p##2) V(p##3) V(p##4) V(p##5) V(p##6) V(p##7) \
               V(p##8) V(p##9) V(p##a) V(p##b) V(p##c) V(p##d) V(p##e) V(p##f)
#define V256 V16(g0) V16(g1) V16(g2) V16(g3) V16(g4) V16(g5) V16(g6) V16(g7) \
             V16(g8) V16(g9) V16(ga) V16(gb) V16(gc) V16(gd) V16(ge) V16(gf)

#define V(name) struct node* name;
V256
#undef V

#define V(name) &name,
static struct node** const roots[256] = { V256 };
#undef V

int main(void)
{
   int r, i;
   for (r = 0; r < 256; r++)
      for (i = 0; i < 3; i++) {
         struct node* x = malloc(sizeof *x);
         x->next = *roots[r];
         *roots[r] = x;
      }
   return 0;
}
