/* An array of pointers grown by realloc (it moves, its pointers with
   it), then an element of the new array is cleared (marked line).
   Memcheck: definitely lost 48 bytes in 1 block (1 loss record), still reachable 64 bytes in 1 block (1 loss record). */
#include <stdlib.h>

char** g_items;

int main(void)
{
   g_items = malloc(2 * sizeof *g_items);
   g_items[0] = malloc(48);                     /* SITE:store */
   g_items[1] = NULL;
   g_items = realloc(g_items, 8 * sizeof *g_items);
   g_items[0] = NULL;                           /* SITE:drop */
   return 0;
}
