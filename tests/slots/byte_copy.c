/* A pointer written one byte at a time is marked once its last byte is
   stored, with the site of the byte store. */
#include <stdlib.h>
#include "slot_report.h"

void* target;

int main(void)
{
   void* p = malloc(16);
   volatile unsigned char* to = (volatile unsigned char*)&target;
   const unsigned char* from = (const unsigned char*)&p;
   int i;
   for (i = 0; i < (int)sizeof p; i++)
      to[i] = from[i];         /* SITE:byte */
   report("target", &target);
   return 0;
}
