/* Builds: objects of a class derived from two polymorphic bases: one
   held by a global through its first base (a pointer to the object's
   start), still reachable; one whose only pointer (to its second base,
   inside the object) is dropped, definitely lost (a dropped interior
   pointer leaves nothing).
   Memcheck: definitely lost 32 bytes in 1 block, still reachable 32 bytes
   in 1 block. */
struct Left {
   long l;
   Left() : l(1) {}
   virtual ~Left() {}
};

struct Right {
   long r;
   Right() : r(2) {}
   virtual ~Right() {}
};

struct Both : Left, Right {};

Left* as_left;

static Both* make() { return new Both; }

static void drop_as_right()
{
   Right* r = make();
   r->r = 5;
}

int main()
{
   as_left = make();
   drop_as_right();
   return 0;
}
