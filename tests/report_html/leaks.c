/* The HTML page's and the SARIF log's fixture: one leak of each kind and
   one heap error, each from its own function and line.
   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING.

   lose_list:  a 16-byte head (SITE:head) holding a chain of three 32-byte
               nodes (SITE:node); the head's pointer is dropped: 16 bytes
               in 1 block definitely lost, 96 bytes in 3 blocks indirectly
               lost (the head's loss record: 112 bytes, 16 direct, 96
               indirect);
   lose_block: 40 bytes in 1 block (SITE:block), definitely lost;
   hold_inner: 64 bytes in 1 block (SITE:inner) reached only by a pointer
               8 bytes into it, from the global g_inner: possibly lost;
   keep_cache: 200 bytes in 1 block (SITE:cache) held by the global
               g_cache: still reachable, the only root;
   free_twice: a 24-byte block (SITE:twice) freed, then freed again
               (SITE:again): one invalid free.
   So Memcheck says: definitely lost 56 bytes in 2 blocks, indirectly lost
   96 in 3, possibly lost 64 in 1, still reachable 200 in 1; 5 loss
   records; 416 bytes in 7 blocks in use at exit, of 440 bytes allocated
   in 8 allocs (and 2 frees: the invalid one counts). */
#include <stdlib.h>

struct node {
   struct node* next;
   char pad[24];
};

static char* g_inner;
static char* g_cache;

static __attribute__((noinline)) void lose_list(void)
{
   struct node** head = malloc(16);                      /* SITE:head */
   struct node* n = NULL;
   int i;
   for (i = 0; i < 3; i++) {
      struct node* m = malloc(sizeof *m);                /* SITE:node */
      m->next = n;
      n = m;
   }
   head[0] = n;
   head[1] = NULL;
}

static __attribute__((noinline)) void lose_block(void)
{
   char* p = malloc(40);                                 /* SITE:block */
   p[0] = 1;
}

static __attribute__((noinline)) void hold_inner(void)
{
   g_inner = (char*)malloc(64) + 8;                      /* SITE:inner */
}

static __attribute__((noinline)) void keep_cache(void)
{
   g_cache = malloc(200);                                /* SITE:cache */
}

static __attribute__((noinline)) void free_twice(void)
{
   char* p = malloc(24);                                 /* SITE:twice */
   free(p);
   free(p);                                              /* SITE:again */
}

int main(void)
{
   lose_list();
   lose_block();
   hold_inner();
   keep_cache();
   free_twice();
   return 0;
}
