/* 10,000 blocks of varied sizes; every third one is freed. */
#include <stdlib.h>

static void* keep[10000];

int main(void)
{
   for (int i = 0; i < 10000; i++)
      keep[i] = malloc(1 + i % 97);
   for (int i = 0; i < 10000; i += 3)
      free(keep[i]);
   return 0;
}
