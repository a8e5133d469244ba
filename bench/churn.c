/* Allocation churn: bursts of short-lived blocks of skewed sizes (most
   small, a few of several KB), freed in a shuffled order, a few of each
   burst kept in a ring of survivors that replaces its oldest, some grown
   with realloc: the malloc and free replacement under a steady stream of
   calls, with a moderate live heap.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROUNDS 12000
#define BURST 256          /* a power of two: the free order steps through it */
#define RING 32768

static unsigned long rng = 88172645463325252UL;

static unsigned long next(void)
{
   rng ^= rng << 13;
   rng ^= rng >> 7;
   rng ^= rng << 17;
   return rng;
}

/* 70% of 16-64 bytes, 25% up to 512, 5% up to 8 KB. */
static size_t skewed_size(void)
{
   unsigned long r = next();
   unsigned p = r % 100;
   r >>= 8;
   if (p < 70)
      return 16 + r % 49;
   if (p < 95)
      return 64 + r % 449;
   return 512 + r % 7681;
}

static char *ring[RING];
static size_t ring_len[RING];

int main(void)
{
   static char *burst[BURST];
   static size_t len[BURST];
   unsigned long sum = 0, kept = 0, grown = 0;
   size_t head = 0;
   for (int round = 0; round < ROUNDS; round++) {
      for (int k = 0; k < BURST; k++) {
         len[k] = skewed_size();
         burst[k] = malloc(len[k]);
         /* Touch both ends, as a message header and trailer would. */
         burst[k][0] = (char)k;
         burst[k][len[k] - 1] = (char)round;
      }
      /* An odd stride visits every slot once, in a scrambled order. */
      unsigned stride = 2 * (next() % (BURST / 2)) + 1, at = next() % BURST;
      for (int k = 0; k < BURST; k++, at = (at + stride) % BURST) {
         char *b = burst[at];
         sum += (unsigned char)b[0] + (unsigned char)b[len[at] - 1];
         if (next() % 16 == 0) {
            free(ring[head]);
            ring[head] = b;
            ring_len[head] = len[at];
            head = (head + 1) % RING;
            kept++;
         } else {
            free(b);
         }
      }
      /* A survivor grows, as a buffer that is appended to. */
      size_t g = next() % RING;
      if (ring[g]) {
         ring_len[g] *= 2;
         ring[g] = realloc(ring[g], ring_len[g]);
         ring[g][ring_len[g] - 1] = 1;
         grown++;
      }
   }
   for (size_t i = 0; i < RING; i++) {
      if (ring[i])
         sum += (unsigned char)ring[i][ring_len[i] - 1];
      free(ring[i]);
   }
   printf("churn: %lu blocks kept, %lu grown, checksum %lu\n", kept, grown, sum);
   return 0;
}
