/* Builds: new Cell[5] of a 16-byte class with a destructor, held by a
   global pointer.  The block starts with the element count (a cookie for
   delete[]), so the pointer new[] returns is 8 bytes into an 88-byte
   block; 80 is not the count (5), so length64 does not match.  The
   newarray heuristic (on by default) accepts it; without it the block is
   possibly lost.
   Memcheck: still reachable 88 bytes in 1 block (via heuristic newarray:
   88 bytes in 1 block).
   Memcheck, with --leak-check-heuristics=none: possibly lost 88 bytes in
   1 block. */
struct Cell {
   long a, b;
   Cell() : a(1), b(2) {}
   ~Cell() { a = b = 0; }
};

Cell* cells;

int main()
{
   cells = new Cell[5];
   return 0;
}
