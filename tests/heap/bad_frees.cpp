// Each case frees something that is not a live block of the right family;
// the program then goes on and allocates and frees normally.
#include <cstdio>
#include <cstdlib>
#include <cstring>

static int global_int;

static void double_free() { char* p = (char*)malloc(10); free(p); free(p); }
static void interior() { char* p = (char*)malloc(20); free(p + 4); free(p); }
static void stack() { int local; free(&local); }
static void global() { free(&global_int); }
static void realloc_global() { void* p = realloc(&global_int, 8); free(p); }
static void realloc_freed() { char* p = (char*)malloc(8); free(p); p = (char*)realloc(p, 16); free(p); }
static void free_new() { int* p = new int; free(p); }
static void free_new_vec() { int* p = new int[4]; free(p); }
static void delete_malloc() { int* p = (int*)malloc(4); delete p; }
static void delete_new_vec() { int* p = new int[4]; delete p; }
static void vec_delete_new() { int* p = new int; delete[] p; }
static void vec_delete_malloc() { int* p = (int*)malloc(4); delete[] p; }
static void realloc_new() { int* p = new int[2]; p = (int*)realloc(p, 64); free(p); }
static void delete_freed() { int* p = new int; delete p; delete p; }

static const struct { const char* name; void (*fn)(); } cases[] = {
   {"double_free", double_free}, {"interior", interior}, {"stack", stack},
   {"global", global}, {"realloc_global", realloc_global},
   {"realloc_freed", realloc_freed}, {"free_new", free_new},
   {"free_new_vec", free_new_vec}, {"delete_malloc", delete_malloc},
   {"delete_new_vec", delete_new_vec}, {"vec_delete_new", vec_delete_new},
   {"vec_delete_malloc", vec_delete_malloc}, {"realloc_new", realloc_new},
   {"delete_freed", delete_freed},
};

int main(int argc, char** argv)
{
   for (const auto& c : cases)
      if (argc > 1 && strcmp(argv[1], c.name) == 0)
         c.fn();
   void* q = malloc(32);   // the heap still works
   free(q);
   puts("survived");
   return 0;
}
