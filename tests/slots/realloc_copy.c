/* realloc's copy keeps the marks and their store sites. */
#include <stdlib.h>
#include "slot_report.h"

int main(void)
{
   void** v = malloc(4 * sizeof(void*));
   v[3] = malloc(8);           /* SITE:element */
   v = realloc(v, 4096 * sizeof(void*));
   report("element", &v[3]);
   return 0;
}
