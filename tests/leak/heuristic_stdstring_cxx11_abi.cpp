/* Builds: std::string objects of the default (C++11) ABI, 100 characters
   long, i.e. longer than the 15 the object stores inline: their 101-byte
   character buffers are separate blocks, pointed to from their start.
   One string object is held by a global, one is dropped.  This is the
   control of heuristic_stdstring.cpp: no heuristic is involved.
   Memcheck (any --leak-check-heuristics): still reachable 32 + 101 bytes
   (object and buffer, none via heuristic); definitely lost 32 bytes in 1
   block (the dropped object) with 101 indirect (its buffer). */
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
