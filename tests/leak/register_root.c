/* Builds: an 80-byte block whose only pointer lives in the callee-saved
   register rbx while the program asks for two leak checks
   (VALGRIND_DO_LEAK_CHECK); before each, the scratch registers and the
   stack red zone below SP (which still holds the dead frame of the
   allocating function) are overwritten, so rbx is the only copy.  A
   global keeps the pointer xor-ed with a key (no pointer) to free it at
   the end.  Check 1: rbx holds it; check 2: rbx cleared; check 3: exit.
   Memcheck, check 1 of 3: still reachable 80 bytes in 1 block.
   Memcheck, check 2 of 3: definitely lost 80 bytes in 1 block.
   Memcheck, check 3 of 3: all heap blocks were freed. */
#include <stdlib.h>
#include <string.h>
#include <valgrind/memcheck.h>

#define KEY 0x5a5a5a5a5a5a5a5aUL

static unsigned long hidden;

static void* make(void)
{
   void* p = malloc(80);
   hidden = (unsigned long)p ^ KEY;
   return p;
}

/* Zeroes the dead stack below the caller's SP (the red zone the leak
   checker still scans) and every caller-saved register. */
static void scrub(void)
{
   volatile char pad[1024];
   memset((char*)pad, 0, sizeof pad);
   __asm__ __volatile__(
      "xor %%eax, %%eax\n\txor %%ecx, %%ecx\n\txor %%edx, %%edx\n\t"
      "xor %%esi, %%esi\n\txor %%edi, %%edi\n\txor %%r8d, %%r8d\n\t"
      "xor %%r9d, %%r9d\n\txor %%r10d, %%r10d\n\txor %%r11d, %%r11d\n\t"
      ::: "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
          "memory");
}

int main(void)
{
   register void* p __asm__("rbx") = make();
   __asm__ __volatile__("" : "+r"(p));
   scrub();
   VALGRIND_DO_LEAK_CHECK;
   __asm__ __volatile__("" : "+r"(p));

   p = NULL;
   __asm__ __volatile__("" : "+r"(p));
   scrub();
   VALGRIND_DO_LEAK_CHECK;

   free((void*)(hidden ^ KEY));
   return 0;
}
