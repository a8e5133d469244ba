// Allocator calls with sizes that are negative as signed numbers, and a
// calloc whose product overflows: each must fail as the C library fails
// (NULL, errno ENOMEM) and leave the heap working.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <malloc.h>
#include <new>

static void report(const char* what, void* p)
{
   std::printf("%s: %s errno=%s\n", what, p ? "block" : "NULL",
               p ? "-" : std::strerror(errno));
   errno = 0;
}

int main(int argc, char** argv)
{
   volatile std::size_t minus_one = (std::size_t)-1;
   volatile std::size_t minus_big = (std::size_t)-4096;
   volatile std::size_t huge = (std::size_t)1 << 33;
   void* keep = std::malloc(10);
   void* p;

   report("malloc(-1)", std::malloc(minus_one));
   report("malloc(-4096)", std::malloc(minus_big));
   report("calloc(-1, 1)", std::calloc(minus_one, 1));
   report("calloc(1, -1)", std::calloc(1, minus_one));
   report("calloc overflow", std::calloc(huge, huge));
   p = std::realloc(keep, minus_one);
   report("realloc(p, -1)", p);
   report("memalign(16, -1)", memalign(16, minus_one));
   report("new(-1, nothrow)", ::operator new(minus_one, std::nothrow));
   report("new[](-1, nothrow)", ::operator new[](minus_one, std::nothrow));
   report("new(-1, align 64, nothrow)",
          ::operator new(minus_one, std::align_val_t{64}, std::nothrow));
   // The heap still works, and the block realloc refused is intact.
   std::free(keep);
   p = std::malloc(20);
   std::free(p);
   if (argc > 1)   // a throwing new cannot throw under Valgrind: it stops
      p = ::operator new(minus_one);
   return 0;
}
