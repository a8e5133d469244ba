/* Pointers copied by glibc's memcpy (vector stores for small and medium
   sizes, rep movsb for large ones) stay marked in the copy.  argv[1] is
   the number of pointers copied. */
#include <stdlib.h>
#include <string.h>
#include "slot_report.h"

int main(int argc, char** argv)
{
   int i, n = atoi(argv[1]), marked = 0;
   void** from = malloc(n * sizeof(void*));
   void** to = malloc(n * sizeof(void*));
   for (i = 0; i < n; i++)
      from[i] = malloc(8);
   memcpy(to, from, n * sizeof(void*));
   for (i = 0; i < n; i++)
      marked += MEMROOT_GET_SLOT_SITE(&to[i]) > MEMROOT_SLOT_CORE;
   printf("marked=%d\n", marked);
   MEMROOT_PRINT_SLOT_SITE(&to[n - 1]);
   return 0;
}
