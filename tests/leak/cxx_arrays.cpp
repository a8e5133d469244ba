/* Builds: C++ arrays and objects: new long[8] held by a global, new
   long[4] dropped, new Item[3] (Item has a destructor, so an 8-byte
   count precedes the elements) dropped, a scalar new Item dropped.
   Memcheck: still reachable 64 bytes in 1 block (operator new[]);
   definitely lost 32 bytes (operator new[]), 56 bytes (operator new[],
   3 x 16 + 8) and 16 bytes (operator new), 1 block each. */
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
