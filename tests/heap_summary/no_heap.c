/* Uses no heap at all. */
int main(void)
{
   volatile int x = 42;
   return x - 42;
}
