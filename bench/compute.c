/* Compute-heavy: a Mandelbrot set iterated in registers; the only stores to
   memory are one counter per pixel row.  Shows the cost of a tool on code
   that barely touches memory. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
   int size = argc > 1 ? atoi(argv[1]) : 400;
   long *rows = calloc((size_t)size, sizeof *rows);
   long total = 0;

   for (int y = 0; y < size; y++) {
      long count = 0;
      for (int x = 0; x < size; x++) {
         double cr = 2.5 * x / size - 2.0, ci = 2.0 * y / size - 1.0;
         double zr = 0, zi = 0;
         int i = 0;
         while (i < 500 && zr * zr + zi * zi < 4.0) {
            double t = zr * zr - zi * zi + cr;
            zi = 2 * zr * zi + ci;
            zr = t;
            i++;
         }
         count += i;
      }
      rows[y] = count;
   }
   for (int y = 0; y < size; y++)
      total += rows[y];
   free(rows);
   printf("%ld\n", total);
   return 0;
}
