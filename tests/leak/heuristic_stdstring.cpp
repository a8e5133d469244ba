/* Builds: a heap-allocated std::string of 100 characters, held by a
   global pointer, compiled with the pre-C++11 (copy-on-write) string ABI
   (-D_GLIBCXX_USE_CXX11_ABI=0): the string object holds a pointer to the
   characters, 24 bytes into the representation block
   [length, capacity, refcount, chars..., NUL].
   Memcheck (default heuristics = all, or stdstring): still reachable 8
   bytes (the object) + 125 bytes (the representation), the latter "of
   which reachable via heuristic: stdstring 125 bytes in 1 block".
   With --leak-check-heuristics=none: the representation is possibly lost. */
#include <string>

std::string* text;

int main()
{
   text = new std::string(100, 'x');
   return 0;
}
