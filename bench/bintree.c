/* Mixed: an unbalanced binary search tree of 300,000 random keys is built,
   the nodes with even keys are deleted (about half are freed), the rest is
   summed in order.  At exit the tree is reachable from a global, except
   one detached subtree: its root is definitely lost and the nodes below it
   indirectly lost, so the leak check has every kind of work to do.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct node {
   uint32_t key;
   struct node *left, *right;
};

static struct node *root;

static struct node **find(struct node **link, uint32_t key)
{
   while (*link && (*link)->key != key)
      link = key < (*link)->key ? &(*link)->left : &(*link)->right;
   return link;
}

static void insert(uint32_t key)
{
   struct node **link = find(&root, key);
   if (*link)
      return;
   *link = calloc(1, sizeof **link);
   (*link)->key = key;
}

static void delete(uint32_t key)
{
   struct node **link = find(&root, key), *n = *link;
   if (!n)
      return;
   if (n->left && n->right) {
      struct node **succ = &n->right;
      while ((*succ)->left)
         succ = &(*succ)->left;
      struct node *s = *succ;
      *succ = s->right;
      s->left = n->left;
      s->right = n->right;
      *link = s;
   } else {
      *link = n->left ? n->left : n->right;
   }
   free(n);
}

/* In-order sum without recursion: the tree may be deep. */
static uint64_t sum(struct node *n)
{
   struct node **stack = malloc(400000 * sizeof *stack);
   size_t depth = 0;
   uint64_t total = 0;
   while (n || depth) {
      for (; n; n = n->left)
         stack[depth++] = n;
      n = stack[--depth];
      total += n->key;
      n = n->right;
   }
   free(stack);
   return total;
}

int main(int argc, char **argv)
{
   long n = argc > 1 ? atol(argv[1]) : 300000;
   uint32_t x = 2463534242u;
   uint32_t *keys = malloc((size_t)n * sizeof *keys);

   for (long i = 0; i < n; i++) {
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      keys[i] = x;
      insert(x);
   }
   for (long i = 0; i < n; i++)
      if (keys[i] % 2 == 0)
         delete(keys[i]);
   free(keys);
   printf("%llu\n", (unsigned long long)sum(root));
   if (root && root->left)
      root->left->left = NULL;   /* leaks the subtree it pointed to */
   return 0;
}
