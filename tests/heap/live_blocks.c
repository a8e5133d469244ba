/* Holds argv[1] blocks of 8 bytes live until exit, all from one site. */
#include <stdlib.h>

int main(int argc, char** argv)
{
   long n = atol(argv[1]), i;
   void** keep = malloc(sizeof(void*) * (n ? n : 1));
   for (i = 0; i < n; i++)
      keep[i] = malloc(8);
   return 0;
}
