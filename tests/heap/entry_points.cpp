// Every C++ operator new / delete variant: plain, array, nothrow, aligned,
// sized, and their combinations.  Exits 1 on a misaligned block.
#include <cstdint>
#include <cstdio>
#include <new>

static int bad;

static void check(void* p, std::size_t align)
{
   if (p == nullptr || (std::uintptr_t)p % align != 0)
      bad = 1;
}

struct alignas(64) Wide { char c[100]; };

int main()
{
   void* p;
   p = ::operator new(10);                                check(p, 16);
   ::operator delete(p);
   p = ::operator new(10);                                ::operator delete(p, 10);
   p = ::operator new[](30);                              ::operator delete[](p);
   p = ::operator new[](30);                              ::operator delete[](p, 30);
   p = ::operator new(11, std::nothrow);                  ::operator delete(p, std::nothrow);
   p = ::operator new[](12, std::nothrow);                ::operator delete[](p, std::nothrow);
   for (std::size_t a = 32; a <= 4096; a *= 2) {
      std::align_val_t al{a};
      p = ::operator new(13, al);                         check(p, a);
      ::operator delete(p, al);
      p = ::operator new(13, al);                         check(p, a);
      ::operator delete(p, 13, al);
      p = ::operator new[](14, al);                       check(p, a);
      ::operator delete[](p, al);
      p = ::operator new[](14, al);                       check(p, a);
      ::operator delete[](p, 14, al);
      p = ::operator new(15, al, std::nothrow);           check(p, a);
      ::operator delete(p, al, std::nothrow);
      p = ::operator new[](16, al, std::nothrow);         check(p, a);
      ::operator delete[](p, al, std::nothrow);
   }
   Wide* w = new Wide;                                    check(w, 64);
   delete w;
   Wide* v = new Wide[3];                                 check(v, 64);
   delete[] v;
   int* i = new int[5];                                   // left live
   (void)i;
   std::printf("bad=%d\n", bad);
   return bad;
}
