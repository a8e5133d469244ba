/* A pointer left in a freed block does not mark the block that reuses its
   memory. */
#include <stdlib.h>
#include "slot_report.h"

int main(void)
{
   void** a = malloc(64);
   void** b;
   a[1] = malloc(16);                    /* SITE:before_free */
   report("before_free", &a[1]);
   free(a);
   /* The freed queue gives a back at the next allocation (the test runs
      with --freelist-vol=0); the one after reuses it. */
   free(malloc(64));
   b = malloc(64);
   printf("reused=%d\n", b == a);
   report("after_reuse", &b[1]);
   return 0;
}
