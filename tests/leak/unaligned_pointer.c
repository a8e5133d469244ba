/* Builds: pointers stored in packed globals: the only pointers to a
   50-byte and a 60-byte block sit at offsets 1 and 9 of an 8-aligned
   packed struct, so they are not 8-byte aligned and the leak checker does
   not read them; the only pointer to a 70-byte block sits at offset 16,
   aligned.
   Memcheck: definitely lost 110 bytes in 2 blocks (2 loss records), still
   reachable 70 bytes in 1 block. */
#include <stdlib.h>

struct __attribute__((packed, aligned(8))) slots {
   char tag;
   void* at1;
   void* at9;
   void* at17_unused;
   void* at25_unused;
};

struct __attribute__((packed, aligned(8))) aligned_slot {
   char tag[16];
   void* at16;
};

struct slots odd;
struct aligned_slot even;

int main(void)
{
   odd.at1 = malloc(50);
   odd.at9 = malloc(60);
   even.at16 = malloc(70);
   return 0;
}
