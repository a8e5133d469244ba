// C++ new, new[], delete and delete[], with one array left behind.
struct Node { long a, b; Node* next; };

int main()
{
   Node* one = new Node;
   Node* many = new Node[10];
   int* ints = new int[33];
   delete one;
   delete[] many;
   (void)ints;
   return 0;
}
