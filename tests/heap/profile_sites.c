/* Three allocation sites with counts known by design (see
   test_profile.py); no stdio, so the C library allocates nothing. */
#include <stdlib.h>

static void* keep_c;
static void* a[10];

static void* site_c(void) { return malloc(50); }
static void* site_a(void) { return malloc(100); }
static void* site_b(void) { return malloc(1000); }

int main(void)
{
   int i;
   keep_c = site_c();                 /* birth 0 */
   for (i = 0; i < 10; i++)
      a[i] = site_a();                /* births 50, 150, ..., 950 */
   for (i = 0; i < 4; i++)
      free(a[i]);
   for (i = 0; i < 5; i++)
      free(site_b());                 /* births 1050, 2050, ..., 5050 */
   return 0;
}
