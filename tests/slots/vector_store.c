/* Each 64-bit lane of a 128- and 256-bit store is a word of its own:
   lanes holding heap pointers are marked, the others are not. */
#include <immintrin.h>
#include <stdint.h>
#include <stdlib.h>
#include "slot_report.h"

__attribute__((aligned(32))) void* v128[2];
__attribute__((aligned(32))) void* v256[4];

__attribute__((target("avx")))
static void store256(void* p)
{
   _mm256_store_si256((__m256i*)v256,
                      _mm256_set_epi64x(7, (long long)(intptr_t)p, 0, 5));
}

int main(void)
{
   void* p = malloc(16);
   _mm_store_si128((__m128i*)v128, _mm_set_epi64x((long long)(intptr_t)p, 42));
   store256(p);
   report("v128_0", &v128[0]);
   report("v128_1", &v128[1]);
   report("v256_0", &v256[0]);
   report("v256_1", &v256[1]);
   report("v256_2", &v256[2]);
   report("v256_3", &v256[3]);
   return 0;
}
