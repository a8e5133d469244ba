/* Builds: an object of class Both, derived from two polymorphic bases
   Left and Right (each with a vtable pointer and a long), held only
   through a global Right* that points 16 bytes into the 32-byte object,
   at Right's vtable pointer.  The multipleinheritance heuristic (on by
   default) accepts it; without it the object is possibly lost.
   Memcheck: still reachable 32 bytes in 1 block (via heuristic
   multipleinheritance: 32 bytes in 1 block).
   Memcheck, with --leak-check-heuristics=none: possibly lost 32 bytes in
   1 block. */
struct Left {
   long l;
   Left() : l(1) {}
   virtual ~Left() {}
   virtual long left() { return l; }
};

struct Right {
   long r;
   Right() : r(2) {}
   virtual ~Right() {}
   virtual long right() { return r; }
};

struct Both : Left, Right {
   long left() override { return 3; }
   long right() override { return 4; }
};

Right* right_part;

int main()
{
   right_part = new Both;
   return 0;
}
