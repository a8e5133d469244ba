/* Compute-heavy with few stores: a dense matrix product and an n-body
   step in registers, on small arrays.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <math.h>
#include <stdio.h>

#define N 400

static double a[N][N], b[N][N], c[N][N];

int main(void)
{
   int i, j, k, step;
   double px[64], py[64], vx[64] = {0}, vy[64] = {0}, e = 0;
   for (i = 0; i < N; i++)
      for (j = 0; j < N; j++) {
         a[i][j] = (i + j) % 7;
         b[i][j] = (i * j) % 5;
      }
   for (i = 0; i < N; i++)
      for (j = 0; j < N; j++) {
         double s = 0;
         for (k = 0; k < N; k++)
            s += a[i][k] * b[k][j];
         c[i][j] = s;
      }
   for (i = 0; i < 64; i++) {
      px[i] = cos(i);
      py[i] = sin(i);
   }
   for (step = 0; step < 15000; step++)
      for (i = 0; i < 64; i++) {
         double fx = 0, fy = 0;
         for (j = 0; j < 64; j++) {
            double dx = px[j] - px[i], dy = py[j] - py[i];
            double d2 = dx * dx + dy * dy + 0.01;
            double inv = 1.0 / (d2 * sqrt(d2));
            fx += dx * inv;
            fy += dy * inv;
         }
         vx[i] += 1e-4 * fx;
         vy[i] += 1e-4 * fy;
      }
   for (i = 0; i < 64; i++)
      e += vx[i] * vx[i] + vy[i] * vy[i];
   printf("%f %f\n", c[N / 2][N / 3], e);
   return 0;
}
