/* Builds: a complete binary tree of 15 nodes (24 bytes each); a global
   keeps the root's left subtree (7 nodes), the root pointer is dropped:
   the root is definitely lost and carries the right subtree (7 nodes).
   Each node has a stack and a loss record of its own (its own path of
   left and right calls).
   Memcheck: definitely lost 24 bytes in 1 block, indirectly lost 168
   bytes in 7 blocks (7 loss records), still reachable 168 bytes in 7
   blocks (7 loss records). */
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
