/* Compiled by the gcc driver under both tools (cc1 and as run natively). */
struct point { int x, y; };

static int dot(struct point a, struct point b)
{
   return a.x * b.x + a.y * b.y;
}

int norm2(const struct point *p, int n)
{
   int s = 0;
   for (int i = 0; i < n; i++)
      s += dot(p[i], p[i]);
   return s;
}
