/* A cache with many live small blocks: a chained hash table of up to
   200,000 entries with an LRU list, each entry three blocks (the entry, its
   key string, its value), looked up with skewed keys; a miss inserts and
   evicts the least recently used entry.  The cache stays allocated at exit,
   reachable from globals: the exit leak check and retention report have
   about 600,000 blocks to walk.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAPACITY 200000
#define N_BUCKETS (1 << 19)
#define UNIVERSE 1000000UL
#define REQUESTS 700000

struct entry {
   struct entry *chain;          /* next in the bucket */
   struct entry *newer, *older;  /* the LRU list */
   char *key;
   unsigned char *value;
   unsigned long hash;
   unsigned len;
};

struct entry **buckets;
struct entry *newest, *oldest;
static unsigned long n_entries;

static unsigned long rng = 0x9E3779B97F4A7C15UL;

static unsigned long next(void)
{
   rng ^= rng << 13;
   rng ^= rng >> 7;
   rng ^= rng << 17;
   return rng;
}

static unsigned long hash(const char *s)
{
   unsigned long h = 1469598103934665603UL;
   for (; *s; s++)
      h = (h ^ (unsigned char)*s) * 1099511628211UL;
   return h;
}

static void unlink_lru(struct entry *e)
{
   if (e->newer) e->newer->older = e->older; else newest = e->older;
   if (e->older) e->older->newer = e->newer; else oldest = e->newer;
}

static void push_newest(struct entry *e)
{
   e->newer = NULL;
   e->older = newest;
   if (newest) newest->newer = e; else oldest = e;
   newest = e;
}

static void evict_oldest(void)
{
   struct entry *e = oldest, **link = &buckets[e->hash % N_BUCKETS];
   while (*link != e)
      link = &(*link)->chain;
   *link = e->chain;
   unlink_lru(e);
   free(e->key);
   free(e->value);
   free(e);
   n_entries--;
}

static struct entry *insert(const char *key, unsigned long h, unsigned long id)
{
   struct entry *e = malloc(sizeof *e);
   size_t klen = strlen(key) + 1;
   e->key = malloc(klen);
   memcpy(e->key, key, klen);
   e->len = 16 + id % 113;
   e->value = malloc(e->len);
   for (unsigned i = 0; i < e->len; i++)
      e->value[i] = (unsigned char)(id + i);
   e->hash = h;
   e->chain = buckets[h % N_BUCKETS];
   buckets[h % N_BUCKETS] = e;
   push_newest(e);
   if (++n_entries > CAPACITY)
      evict_oldest();
   return e;
}

int main(void)
{
   unsigned long hits = 0, sum = 0;
   char key[32];
   buckets = calloc(N_BUCKETS, sizeof *buckets);
   for (long i = 0; i < REQUESTS; i++) {
      /* The product of two uniform numbers favours small keys: a hot set
         that stays cached and a long tail that misses. */
      unsigned long a = next() % UNIVERSE, b = next() % UNIVERSE;
      unsigned long id = a * b / UNIVERSE;
      snprintf(key, sizeof key, "user:%lu", id);
      unsigned long h = hash(key);
      struct entry *e = buckets[h % N_BUCKETS];
      while (e && (e->hash != h || strcmp(e->key, key) != 0))
         e = e->chain;
      if (e) {
         hits++;
         unlink_lru(e);
         push_newest(e);
      } else {
         e = insert(key, h, id);
      }
      sum += e->value[id % e->len];
   }
   printf("hashcache: %lu entries, %lu hits, checksum %lu\n", n_entries, hits, sum);
   return 0;
}
