/* A pointer stored by a successful compare-and-swap is marked with its
   line; a failed one marks nothing. */
#include <stdlib.h>
#include "slot_report.h"

#define SEQ __ATOMIC_SEQ_CST

void* swapped;
void* kept;

int main(void)
{
   void* expected = NULL;
   void* wrong = (void*)1;
   void* p = malloc(8);
   void* q = malloc(8);
   __atomic_compare_exchange_n(&swapped, &expected, p, 0, SEQ, SEQ); /* SITE:cas */
   __atomic_compare_exchange_n(&kept, &wrong, q, 0, SEQ, SEQ);
   report("swapped", &swapped);
   report("kept", &kept);
   return 0;
}
