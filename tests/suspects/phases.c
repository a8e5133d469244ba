/* Builds, for monitor commands: a flat list of 100 nodes of 64 bytes
   (6,400 bytes) and a growing list that gets 50 nodes (3,200 bytes)
   before each of three waits for a line on stdin; after the third line
   it exits.  Nothing is lost; stdin and stdout are unbuffered, so the
   heap holds only the two lists.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdio.h>
#include <stdlib.h>

struct node { struct node* next; char payload[56]; };

struct node* g_growing;
struct node* g_flat;

static void push(struct node** list)
{
   struct node* n = malloc(sizeof *n);            /* SITE:node */
   n->next = *list;
   *list = n;
}

static void grow(void)
{
   int i;
   for (i = 0; i < 50; i++)
      push(&g_growing);                           /* SITE:grow */
}

static void wait_for_line(void)
{
   char line[16];
   printf("waiting\n");
   fflush(stdout);
   if (fgets(line, sizeof line, stdin) == NULL)
      exit(2);
}

int main(void)
{
   int i;
   setvbuf(stdout, NULL, _IONBF, 0);
   setvbuf(stdin, NULL, _IONBF, 0);
   for (i = 0; i < 100; i++)
      push(&g_flat);
   grow();
   wait_for_line();
   grow();
   wait_for_line();
   grow();
   wait_for_line();
   return 0;
}
