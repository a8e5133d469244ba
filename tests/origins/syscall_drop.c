/* A block held only by a global word that read() overwrites with bytes
   from a pipe (marked line).
   Memcheck: definitely lost 72 bytes in 1 block. */
#include <stdlib.h>
#include <unistd.h>

char* g_word;

int main(void)
{
   int fds[2];
   long junk = 0x1234;
   if (pipe(fds) != 0 || write(fds[1], &junk, sizeof junk) != sizeof junk)
      return 1;
   g_word = malloc(72);                         /* SITE:store */
   if (read(fds[0], &g_word, sizeof g_word) != sizeof g_word)  /* SITE:drop */
      return 1;
   return 0;
}
