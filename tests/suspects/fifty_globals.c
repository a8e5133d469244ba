/* Builds: 50 globals, each holding one 1,000-byte block allocated at a
   line of its own: every root retains 2% of the live heap, no site
   has blocks under two parents, nothing is lost.  There is no leak
   suspect at the default 10% threshold.
   Memcheck: still reachable 50,000 bytes in 50 blocks.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */
#include <stdlib.h>
#include <string.h>

char* g_part00;
char* g_part01;
char* g_part02;
char* g_part03;
char* g_part04;
char* g_part05;
char* g_part06;
char* g_part07;
char* g_part08;
char* g_part09;
char* g_part10;
char* g_part11;
char* g_part12;
char* g_part13;
char* g_part14;
char* g_part15;
char* g_part16;
char* g_part17;
char* g_part18;
char* g_part19;
char* g_part20;
char* g_part21;
char* g_part22;
char* g_part23;
char* g_part24;
char* g_part25;
char* g_part26;
char* g_part27;
char* g_part28;
char* g_part29;
char* g_part30;
char* g_part31;
char* g_part32;
char* g_part33;
char* g_part34;
char* g_part35;
char* g_part36;
char* g_part37;
char* g_part38;
char* g_part39;
char* g_part40;
char* g_part41;
char* g_part42;
char* g_part43;
char* g_part44;
char* g_part45;
char* g_part46;
char* g_part47;
char* g_part48;
char* g_part49;

int main(void)
{
   g_part00 = malloc(1000); memset(g_part00, 0, 1000);
   g_part01 = malloc(1000); memset(g_part01, 0, 1000);
   g_part02 = malloc(1000); memset(g_part02, 0, 1000);
   g_part03 = malloc(1000); memset(g_part03, 0, 1000);
   g_part04 = malloc(1000); memset(g_part04, 0, 1000);
   g_part05 = malloc(1000); memset(g_part05, 0, 1000);
   g_part06 = malloc(1000); memset(g_part06, 0, 1000);
   g_part07 = malloc(1000); memset(g_part07, 0, 1000);
   g_part08 = malloc(1000); memset(g_part08, 0, 1000);
   g_part09 = malloc(1000); memset(g_part09, 0, 1000);
   g_part10 = malloc(1000); memset(g_part10, 0, 1000);
   g_part11 = malloc(1000); memset(g_part11, 0, 1000);
   g_part12 = malloc(1000); memset(g_part12, 0, 1000);
   g_part13 = malloc(1000); memset(g_part13, 0, 1000);
   g_part14 = malloc(1000); memset(g_part14, 0, 1000);
   g_part15 = malloc(1000); memset(g_part15, 0, 1000);
   g_part16 = malloc(1000); memset(g_part16, 0, 1000);
   g_part17 = malloc(1000); memset(g_part17, 0, 1000);
   g_part18 = malloc(1000); memset(g_part18, 0, 1000);
   g_part19 = malloc(1000); memset(g_part19, 0, 1000);
   g_part20 = malloc(1000); memset(g_part20, 0, 1000);
   g_part21 = malloc(1000); memset(g_part21, 0, 1000);
   g_part22 = malloc(1000); memset(g_part22, 0, 1000);
   g_part23 = malloc(1000); memset(g_part23, 0, 1000);
   g_part24 = malloc(1000); memset(g_part24, 0, 1000);
   g_part25 = malloc(1000); memset(g_part25, 0, 1000);
   g_part26 = malloc(1000); memset(g_part26, 0, 1000);
   g_part27 = malloc(1000); memset(g_part27, 0, 1000);
   g_part28 = malloc(1000); memset(g_part28, 0, 1000);
   g_part29 = malloc(1000); memset(g_part29, 0, 1000);
   g_part30 = malloc(1000); memset(g_part30, 0, 1000);
   g_part31 = malloc(1000); memset(g_part31, 0, 1000);
   g_part32 = malloc(1000); memset(g_part32, 0, 1000);
   g_part33 = malloc(1000); memset(g_part33, 0, 1000);
   g_part34 = malloc(1000); memset(g_part34, 0, 1000);
   g_part35 = malloc(1000); memset(g_part35, 0, 1000);
   g_part36 = malloc(1000); memset(g_part36, 0, 1000);
   g_part37 = malloc(1000); memset(g_part37, 0, 1000);
   g_part38 = malloc(1000); memset(g_part38, 0, 1000);
   g_part39 = malloc(1000); memset(g_part39, 0, 1000);
   g_part40 = malloc(1000); memset(g_part40, 0, 1000);
   g_part41 = malloc(1000); memset(g_part41, 0, 1000);
   g_part42 = malloc(1000); memset(g_part42, 0, 1000);
   g_part43 = malloc(1000); memset(g_part43, 0, 1000);
   g_part44 = malloc(1000); memset(g_part44, 0, 1000);
   g_part45 = malloc(1000); memset(g_part45, 0, 1000);
   g_part46 = malloc(1000); memset(g_part46, 0, 1000);
   g_part47 = malloc(1000); memset(g_part47, 0, 1000);
   g_part48 = malloc(1000); memset(g_part48, 0, 1000);
   g_part49 = malloc(1000); memset(g_part49, 0, 1000);
   return 0;
}
