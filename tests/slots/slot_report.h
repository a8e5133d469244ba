/* What every slot fixture prints: one "name=0x..." line per queried word,
   the value MEMROOT_GET_SLOT_SITE returned for it. */
#include <stdio.h>
#include "memroot.h"

static void report(const char* name, const void* word)
{
   printf("%s=%#lx\n", name, MEMROOT_GET_SLOT_SITE(word));
   fflush(stdout);
}
