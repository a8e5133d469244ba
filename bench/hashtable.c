/* Pointer-heavy: a chained hash table of a few hundred thousand nodes,
   rehashed as it grows, then searched and unlinked; every node store is a
   heap pointer.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdio.h>
#include <stdlib.h>

struct node { struct node* next; unsigned long key; long value; };

static struct node** buckets;
static unsigned long n_buckets, n_items;

static void grow(void)
{
   unsigned long i, n = n_buckets ? 2 * n_buckets : 1024;
   struct node** b = calloc(n, sizeof *b);
   for (i = 0; i < n_buckets; i++) {
      struct node* e = buckets[i];
      while (e) {
         struct node* next = e->next;
         e->next = b[e->key % n];
         b[e->key % n] = e;
         e = next;
      }
   }
   free(buckets);
   buckets = b;
   n_buckets = n;
}

static void insert(unsigned long key)
{
   struct node* e = malloc(sizeof *e);
   if (n_items >= n_buckets)
      grow();
   e->key = key;
   e->value = (long)key * 3;
   e->next = buckets[key % n_buckets];
   buckets[key % n_buckets] = e;
   n_items++;
}

static struct node* find(unsigned long key)
{
   struct node* e = buckets[key % n_buckets];
   while (e && e->key != key)
      e = e->next;
   return e;
}

int main(void)
{
   unsigned long i, k = 1, found = 0;
   for (i = 0; i < 300000; i++) {
      k = k * 6364136223846793005UL + 1442695040888963407UL;
      insert(k >> 16);
   }
   for (i = 0; i < 3; i++) {
      unsigned long b;
      for (b = 0; b < n_buckets; b++) {
         struct node* e;
         for (e = buckets[b]; e; e = e->next)
            found += find(e->key) != NULL;
      }
   }
   for (i = 0; i < n_buckets; i++) {
      while (buckets[i]) {
         struct node* e = buckets[i];
         buckets[i] = e->next;
         free(e);
      }
   }
   free(buckets);
   printf("%lu\n", found);
   return 0;
}
