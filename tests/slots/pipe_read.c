/* A pointer that arrives through read() from a pipe is marked as written
   by a system call. */
#include <stdlib.h>
#include <unistd.h>
#include "slot_report.h"

int main(void)
{
   int fds[2];
   void* sent = malloc(32);
   void** received = malloc(sizeof(void*));
   if (pipe(fds) != 0 || write(fds[1], &sent, sizeof sent) != sizeof sent
       || read(fds[0], received, sizeof(void*)) != sizeof(void*))
      return 1;
   printf("same=%d\n", *received == sent);
   report("received", received);
   return 0;
}
