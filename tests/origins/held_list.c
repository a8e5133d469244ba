/* A lost list: the head holds the second node via 'next' (marked line).
   Memcheck: definitely lost 16 bytes in 1 block, indirectly lost 16 bytes in 1 block. */
#include <stdlib.h>

struct node { long value; struct node* next; };

static void* volatile sink;

static void lose_list(void)
{
   struct node* head = malloc(sizeof *head);
   struct node* second = malloc(sizeof *second);
   second->next = NULL;
   head->next = second;                         /* SITE:link */
   sink = head;
   sink = NULL;
}

int main(void)
{
   lose_list();
   return 0;
}
