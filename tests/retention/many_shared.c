/* Thirty blocks, of 480, 464, ... 16 bytes (16 bytes apart, the biggest
   made first), each pointed to by both global arrays: thirty shared
   blocks, 7,440 bytes, which neither array retains alone. */
#include <stdlib.h>

#define N 30

void* g_left[N];
void* g_right[N];

int main(void)
{
   for (int i = 0; i < N; i++)
      g_left[i] = g_right[i] = malloc(16 * (N - i));
   return 0;
}
