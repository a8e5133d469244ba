/* A lost list: the head is definitely lost, the second node is held by
   the head through its 'next' field, stored by the marked line. */
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
