/* Builds: a heap-allocated std::string of 100 characters, held by a
   global pointer, compiled with the pre-C++11 (copy-on-write) string ABI
   (-D_GLIBCXX_USE_CXX11_ABI=0): the string object holds a pointer to the
   characters, 24 bytes into the representation block
   [length, capacity, refcount, chars..., NUL].  The object (8 bytes) is
   still reachable; the representation (125 bytes) is reachable through
   the stdstring heuristic (on by default), possibly lost without it.
   Memcheck: still reachable 133 bytes in 2 blocks (via heuristic
   stdstring: 125 bytes in 1 block).
   Memcheck, with --leak-check-heuristics=none: possibly lost 125 bytes
   in 1 block, still reachable 8 bytes in 1 block. */
#include <string>

std::string* text;

int main()
{
   text = new std::string(100, 'x');
   return 0;
}
