/* Builds: one 100-byte block whose only pointer is dropped when the
   function that allocated it returns.
   Memcheck: definitely lost 100 bytes in 1 block. */
#include <stdlib.h>
#include <string.h>

static void drop(void)
{
   char* p = malloc(100);
   memset(p, 1, 100);
}

int main(void)
{
   drop();
   return 0;
}
