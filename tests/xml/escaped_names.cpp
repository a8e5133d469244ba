/* Leaks from frames whose names need escaping in XML: template arguments
   (<, >, & in a function-pointer argument), an operator&&, a user-defined
   literal operator (quotes) and a function with a non-ASCII identifier. */
#include <cstdlib>
#include <utility>

static void* volatile sink;

struct Box {
   void* operator&&(int n) { return std::malloc(n); }
};

template <typename T>
static T* make_one(void)
{
   return static_cast<T*>(std::malloc(sizeof(T)));
}

template <typename T, bool (*Less)(const T&, const T&)>
static void* keep_if_less(const T& a, const T& b)
{
   return Less(a, b) ? std::malloc(24) : nullptr;
}

static bool pair_less(const std::pair<int, int>& a, const std::pair<int, int>& b)
{
   return a < b;
}

static void* operator"" _bytes(unsigned long long n)
{
   return std::malloc(n);
}

static void* größe(void)
{
   return std::malloc(13);
}

int main()
{
   Box box;
   sink = make_one<std::pair<int, int> >();
   sink = keep_if_less<std::pair<int, int>, &pair_less>({1, 2}, {3, 4});
   sink = box && 40;
   sink = 17_bytes;
   sink = größe();
   sink = nullptr;
   return 0;
}
