/* A buffer grown and shrunk by realloc, plus realloc(NULL, n) and
   realloc(p, 0). */
#include <stdlib.h>

int main(void)
{
   char* p = NULL;
   for (size_t n = 16; n <= 4096; n *= 2)
      p = realloc(p, n);
   p = realloc(p, 10);
   char* q = realloc(NULL, 64);
   q = realloc(q, 0);
   return p == NULL;
}
