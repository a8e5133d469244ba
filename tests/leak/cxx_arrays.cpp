/* Builds: C++ arrays and objects: new long[8] held by a global (64
   bytes, operator new[]), and dropped: new long[4] (32 bytes, operator
   new[]), new Item[3] (56 bytes, operator new[]: Item has a destructor,
   so an 8-byte count precedes the 3 x 16 bytes of elements) and a scalar
   new Item (16 bytes, operator new).
   Memcheck: definitely lost 104 bytes in 3 blocks (3 loss records), still
   reachable 64 bytes in 1 block. */
struct Item {
   long a, b;
   Item() : a(0), b(0) {}
   ~Item() { a = -1; }
};

long* kept;

static void drop_arrays()
{
   long* plain = new long[4];
   Item* items = new Item[3];
   Item* one = new Item;
   plain[0] = items[0].a + one->b;
}

int main()
{
   kept = new long[8];
   drop_arrays();
   return 0;
}
