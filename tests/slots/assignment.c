/* A pointer stored by an assignment carries the assignment's line. */
#include <stdlib.h>
#include "slot_report.h"

void* global;

int main(void)
{
   void* local;
   global = malloc(16);        /* SITE:global */
   local = malloc(16);         /* SITE:local */
   report("global", &global);
   report("local", &local);
   MEMROOT_PRINT_SLOT_SITE(&global);
   free(local);
   return 0;
}
