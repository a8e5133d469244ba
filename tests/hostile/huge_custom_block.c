/* Builds: custom blocks no memory can hold: VALGRIND_MALLOCLIKE_BLOCK of
   SIZE_MAX bytes, of 2^62 bytes, and VALGRIND_RESIZEINPLACE_BLOCK of a
   real 16-byte custom block to SIZE_MAX; then the program frees its
   real block and exits.
   Under Memcheck the blocks are taken, 4,611,686,018,427,388,927 bytes
   are in use, and the leak search never ends.  Under memroot each
   request is a FishyValue error and is ignored; the heap is empty at
   exit. */
#include <stdint.h>
#include <stdio.h>
#include <valgrind/valgrind.h>

static char buf[4096];

int main(void)
{
   VALGRIND_MALLOCLIKE_BLOCK(buf, SIZE_MAX, 0, 0);
   VALGRIND_MALLOCLIKE_BLOCK(buf, (size_t)1 << 62, 0, 0);
   VALGRIND_MALLOCLIKE_BLOCK(buf + 64, 16, 0, 0);
   VALGRIND_RESIZEINPLACE_BLOCK(buf + 64, 16, SIZE_MAX, 0);
   VALGRIND_FREELIKE_BLOCK(buf + 64, 0);
   printf("done\n");
   return 0;
}
