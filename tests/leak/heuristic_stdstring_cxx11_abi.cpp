/* Builds: std::string objects of the default (C++11) ABI, 100 characters
   long, i.e. longer than the 15 the object stores inline: their 101-byte
   character buffers are separate blocks, pointed to from their start.
   One string object is held by a global (object and buffer still
   reachable), one is dropped (the object definitely lost, carrying its
   buffer).  This is the control of heuristic_stdstring.cpp: no heuristic
   is involved, so the verdict is the same with none.
   Memcheck: definitely lost 32 bytes in 1 block, indirectly lost 101
   bytes in 1 block, still reachable 133 bytes in 2 blocks.
   Memcheck, with --leak-check-heuristics=none: definitely lost 32 bytes
   in 1 block, indirectly lost 101 bytes in 1 block, still reachable 133
   bytes in 2 blocks. */
#include <string>

std::string* kept;

static std::string* make()
{
   return new std::string(100, 'x');
}

static void drop()
{
   std::string* s = make();
   (*s)[0] = 'y';
}

int main()
{
   kept = make();
   drop();
   return 0;
}
