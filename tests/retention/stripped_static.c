/* A static array in a binary linked without a symbol table: its third
   element holds a 100-byte block.  The word lies in no symbol's extent. */
#include <stdlib.h>

static void* hidden[4];
static long padding[100];

int main(void)
{
   hidden[2] = malloc(100);
   padding[5] = 1;
   return padding[5] == 0;
}
