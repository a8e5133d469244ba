/* Two globals point to the same 100-byte block, which holds a 50-byte
   one: neither global retains them alone; both reach 150 bytes.  A third
   global holds a 20-byte block of its own. */
#include <stdlib.h>

void* g_first;
void* g_second;
void* g_own;

int main(void)
{
   g_first = malloc(100);                          /* SITE:shared */
   *(void**)g_first = malloc(50);                  /* SITE:inner */
   g_second = g_first;
   g_own = malloc(20);
   return 0;
}
