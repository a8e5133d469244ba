/* Builds: a complete binary tree of 15 nodes (24 bytes each, one
   allocation site) whose root pointer is dropped: the root is definitely
   lost and carries the other 14 nodes.  Each node is allocated at the
   end of its own path of left and right calls, hence a stack and a loss
   record of its own.
   Memcheck: definitely lost 24 bytes in 1 block, indirectly lost 336
   bytes in 14 blocks (14 loss records). */
#include <stdlib.h>

struct tree { struct tree* left; struct tree* right; long depth; };

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

static void plant_and_forget(void)
{
   struct tree* root = grow(4);
   (void)root;
}

int main(void)
{
   plant_and_forget();
   return 0;
}
