/* Builds: four blocks of distinct sizes (10, 20, 30 and 40 bytes), each
   held only by a different kind of static storage: an external global in
   .bss, an initialised global in .data, a file-scope static and a
   function-local static.  Nothing is lost.
   Memcheck: still reachable 100 bytes in 4 blocks (4 loss records). */
#include <stdlib.h>

void* in_bss;
void* in_data = (void*)1;
static void* file_static;

static void keep_in_function_static(void)
{
   static void* function_static;
   function_static = malloc(40);
}

int main(void)
{
   in_bss = malloc(10);
   in_data = malloc(20);
   file_static = malloc(30);
   keep_in_function_static();
   return 0;
}
