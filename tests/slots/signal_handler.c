/* A pointer stored by a signal handler is marked with the handler's line. */
#include <signal.h>
#include <stdlib.h>
#include "slot_report.h"

void* volatile from_handler;

static void handler(int sig)
{
   from_handler = malloc(16); /* SITE:handler */
}

int main(void)
{
   signal(SIGUSR1, handler);
   raise(SIGUSR1);
   report("from_handler", (const void*)&from_handler);
   return 0;
}
