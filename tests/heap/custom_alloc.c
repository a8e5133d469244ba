/* Custom allocators described to Valgrind with client requests.  Each case
   ends with probes: a FREELIKE_BLOCK one byte into a chunk is an invalid
   free whose report describes the chunk holding that byte (or none), so
   the log shows which chunks exist and their sizes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <valgrind/valgrind.h>

static char arena[8192] __attribute__((aligned(64)));
static char arena2[1024] __attribute__((aligned(64)));
static int pool_anchor, other_anchor, unknown_anchor;

#define A(off) (arena + (off))

/* A macro, so that each probe has its own stack and its own report. */
#define probe(p) VALGRIND_FREELIKE_BLOCK((char*)(p) + 1, 0)

static void malloclike(void)
{
   VALGRIND_MALLOCLIKE_BLOCK(A(0), 100, 0, 0);
   VALGRIND_MALLOCLIKE_BLOCK(A(128), 200, 16, 1);
   VALGRIND_MALLOCLIKE_BLOCK(A(512), 300, 0, 0);
   VALGRIND_FREELIKE_BLOCK(A(128), 16);
   VALGRIND_RESIZEINPLACE_BLOCK(A(0), 100, 120, 0);   /* grow */
   VALGRIND_RESIZEINPLACE_BLOCK(A(512), 300, 40, 0);  /* shrink */
   probe(A(0));
   probe(A(512));
}

static void malloclike_errors(void)
{
   VALGRIND_MALLOCLIKE_BLOCK(A(0), 100, 0, 0);
   VALGRIND_FREELIKE_BLOCK(A(1000), 0);                 /* no block */
   VALGRIND_RESIZEINPLACE_BLOCK(A(2000), 10, 20, 0);    /* no block */
   VALGRIND_RESIZEINPLACE_BLOCK(A(0), 99, 20, 0);       /* wrong old size */
   VALGRIND_RESIZEINPLACE_BLOCK(A(0), 100, 0, 0);       /* to nothing */
   VALGRIND_FREELIKE_BLOCK(A(0), 0);
   VALGRIND_FREELIKE_BLOCK(A(0), 0);                    /* twice */
   {
      char* m = malloc(16);
      VALGRIND_FREELIKE_BLOCK(m, 0);                   /* mismatch */
      VALGRIND_MALLOCLIKE_BLOCK(A(3000), 8, 0, 0);
      free(A(3000));                                   /* mismatch */
   }
}

static void mempool_alloc_free(void)
{
   VALGRIND_CREATE_MEMPOOL(&pool_anchor, 0, 0);
   VALGRIND_MEMPOOL_ALLOC(&pool_anchor, A(0), 64);
   VALGRIND_MEMPOOL_ALLOC(&pool_anchor, A(64), 32);
   VALGRIND_MEMPOOL_ALLOC(&pool_anchor, A(128), 16);
   VALGRIND_MEMPOOL_FREE(&pool_anchor, A(64));
   probe(A(0));
   probe(A(64));
   probe(A(128));
   printf("exists=%d\n", VALGRIND_MEMPOOL_EXISTS(&pool_anchor));
   VALGRIND_DESTROY_MEMPOOL(&pool_anchor);
   printf("exists=%d\n", VALGRIND_MEMPOOL_EXISTS(&pool_anchor));
   probe(A(0));
}

#define EIGHT_CHUNKS() do { int i_; \
      VALGRIND_CREATE_MEMPOOL(&pool_anchor, 0, 0); \
      for (i_ = 0; i_ < 8; i_++) \
         VALGRIND_MEMPOOL_ALLOC(&pool_anchor, A(i_ * 100), 100); } while (0)

/* Trim to [200, 650): chunks 0 and 1 and 7 go, 2..5 stay, chunk 6 keeps
   its first 50 bytes. */
static void mempool_trim(void)
{
   EIGHT_CHUNKS();
   VALGRIND_MEMPOOL_TRIM(&pool_anchor, A(200), 450);
   probe(A(0));   probe(A(100)); probe(A(200)); probe(A(300));
   probe(A(400)); probe(A(500)); probe(A(600)); probe(A(700));
}

/* Trim to [250, 650): chunk 2 straddles the start and keeps [250, 300). */
static void mempool_trim_straddle(void)
{
   EIGHT_CHUNKS();
   VALGRIND_MEMPOOL_TRIM(&pool_anchor, A(250), 400);
   probe(A(250));
}

static void mempool_change_move(void)
{
   VALGRIND_CREATE_MEMPOOL(&pool_anchor, 0, 0);
   VALGRIND_MEMPOOL_ALLOC(&pool_anchor, A(0), 64);
   VALGRIND_MEMPOOL_CHANGE(&pool_anchor, A(0), A(1024), 200);
   VALGRIND_MOVE_MEMPOOL(&pool_anchor, &other_anchor);
   printf("exists old=%d new=%d\n", VALGRIND_MEMPOOL_EXISTS(&pool_anchor),
          VALGRIND_MEMPOOL_EXISTS(&other_anchor));
   VALGRIND_MEMPOOL_ALLOC(&other_anchor, A(2048), 8);
   probe(A(0));
   probe(A(1024));
   probe(A(2048));
   VALGRIND_MEMPOOL_FREE(&other_anchor, A(1024));
   probe(A(1024));
}

static void mempool_bad_requests(void)
{
   VALGRIND_CREATE_MEMPOOL(&pool_anchor, 0, 0);
   VALGRIND_MEMPOOL_ALLOC(&pool_anchor, A(0), 64);
   VALGRIND_MEMPOOL_ALLOC(&unknown_anchor, A(100), 8);
   VALGRIND_MEMPOOL_FREE(&unknown_anchor, A(0));
   VALGRIND_MEMPOOL_TRIM(&unknown_anchor, A(0), 8);
   VALGRIND_MEMPOOL_CHANGE(&unknown_anchor, A(0), A(8), 8);
   VALGRIND_MOVE_MEMPOOL(&unknown_anchor, &other_anchor);
   VALGRIND_DESTROY_MEMPOOL(&unknown_anchor);
   VALGRIND_MEMPOOL_FREE(&pool_anchor, A(500));          /* not in pool */
   VALGRIND_MEMPOOL_CHANGE(&pool_anchor, A(500), A(8), 8); /* not in pool */
   VALGRIND_MEMPOOL_FREE(&pool_anchor, A(0));
   VALGRIND_MEMPOOL_FREE(&pool_anchor, A(0));            /* twice */
}

/* A metapool whose chunks are superblocks for MALLOCLIKE blocks; with
   auto-free, freeing a superblock frees the blocks inside it. */
static void metapool_auto_free(void)
{
   VALGRIND_CREATE_MEMPOOL_EXT(&pool_anchor, 0, 0,
                               VALGRIND_MEMPOOL_METAPOOL
                               | VALGRIND_MEMPOOL_AUTO_FREE);
   VALGRIND_MEMPOOL_ALLOC(&pool_anchor, arena2, 512);
   VALGRIND_MALLOCLIKE_BLOCK(arena2, 100, 0, 0);
   VALGRIND_MALLOCLIKE_BLOCK(arena2 + 128, 100, 0, 0);
   VALGRIND_MALLOCLIKE_BLOCK(arena2 + 400, 200, 0, 0);  /* sticks out */
   VALGRIND_MEMPOOL_FREE(&pool_anchor, arena2);
   probe(arena2); probe(arena2 + 128); probe(arena2 + 400);
}

static void metapool_without_auto_free(void)
{
   VALGRIND_CREATE_MEMPOOL_EXT(&pool_anchor, 0, 0, VALGRIND_MEMPOOL_METAPOOL);
   VALGRIND_MEMPOOL_ALLOC(&pool_anchor, arena2, 512);
   VALGRIND_MALLOCLIKE_BLOCK(arena2 + 16, 100, 0, 0);
   VALGRIND_MEMPOOL_FREE(&pool_anchor, arena2);
   probe(arena2 + 16);
}

/* A pool whose superblock is a malloc'd block: zeroed pool with
   redzones. */
static void pool_in_malloc_block(void)
{
   char* super = malloc(1000);
   VALGRIND_CREATE_MEMPOOL(super, 8, 1);
   VALGRIND_MEMPOOL_ALLOC(super, super + 8, 100);
   VALGRIND_MEMPOOL_ALLOC(super, super + 124, 100);
   probe(super + 8);
   probe(super + 230);   /* in the second chunk's redzone */
   VALGRIND_DESTROY_MEMPOOL(super);
   free(super);
}

static const struct { const char* name; void (*fn)(void); } cases[] = {
   {"malloclike", malloclike}, {"malloclike_errors", malloclike_errors},
   {"mempool_alloc_free", mempool_alloc_free}, {"mempool_trim", mempool_trim},
   {"mempool_trim_straddle", mempool_trim_straddle},
   {"mempool_change_move", mempool_change_move},
   {"mempool_bad_requests", mempool_bad_requests},
   {"metapool_auto_free", metapool_auto_free},
   {"metapool_without_auto_free", metapool_without_auto_free},
   {"pool_in_malloc_block", pool_in_malloc_block},
};

int main(int argc, char** argv)
{
   unsigned i;
   for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
      if (argc > 1 && strcmp(argv[1], cases[i].name) == 0)
         cases[i].fn();
   puts("done");
   return 0;
}
