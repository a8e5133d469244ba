/* Allocates one block and never frees it. */
#include <stdlib.h>

int main(void)
{
   char* p = malloc(123);
   p[0] = 1;
   p = NULL;
   return 0;
}
