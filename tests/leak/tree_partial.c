/* Builds: a complete binary tree of 15 nodes (24 bytes each); a global
   keeps the root's left subtree (7 nodes), the root pointer is dropped.
   Memcheck: still reachable 168 bytes in 7 blocks; definitely lost 24
   bytes in 1 block (the root) with 168 indirect; indirectly lost 168
   bytes in 7 blocks (the right subtree). */
#include <stdlib.h>

struct tree { struct tree* left; struct tree* right; long depth; };

struct tree* kept;

static struct tree* grow(int depth)
{
   if (depth == 0)
      return NULL;
   struct tree* t = malloc(sizeof *t);
   t->depth = depth;
   t->left = grow(depth - 1);
   t->right = grow(depth - 1);
   return t;
}

static void keep_left_half(void)
{
   struct tree* root = grow(4);
   kept = root->left;
}

int main(void)
{
   keep_left_half();
   return 0;
}
