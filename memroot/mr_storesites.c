/* memroot store sites: a site is one store instruction; its id is given
   once, when the first translation holding it is instrumented, and kept
   if it is retranslated.  The debug-info epoch of that moment lets the
   site be described even after its code is unmapped.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_debuginfo.h"
#include "pub_tool_hashtable.h"
#include "pub_tool_options.h"
#include "memroot.h"
#include "mr_storesites.h"

/* The client sees the special ids through memroot.h. */
STATIC_ASSERT(MR_STORE_NONE == MEMROOT_SLOT_UNMARKED);
STATIC_ASSERT(MR_STORE_SYSCALL == MEMROOT_SLOT_SYSCALL);
STATIC_ASSERT(MR_STORE_STARTUP == MEMROOT_SLOT_STARTUP);
STATIC_ASSERT(MR_STORE_CORE == MEMROOT_SLOT_CORE);
STATIC_ASSERT(MR_STORE_EARLY == MEMROOT_SLOT_EARLY);

typedef struct _SiteNode {
   struct _SiteNode* next;
   UWord             ip;   /* hash key */
   UInt              id;
} SiteNode;

typedef struct {
   Addr    ip;
   DiEpoch ep;
} StoreSite;

static VgHashTable* site_by_ip;
static StoreSite*   sites;
static UInt         n_sites, sites_cap;

void MR_(store_sites_init)(void)
{
   site_by_ip = VG_(HT_construct)("memroot.storesites");
}

UInt MR_(store_site_id)(Addr ip)
{
   SiteNode* n = VG_(HT_lookup)(site_by_ip, ip);
   if (n != NULL)
      return n->id;
   if (n_sites == sites_cap) {
      sites_cap = sites_cap == 0 ? 1024 : 2 * sites_cap;
      sites = VG_(realloc)("memroot.storesites.array", sites,
                           sites_cap * sizeof(StoreSite));
   }
   /* Ids are 32-bit: the translation cache holds far fewer stores. */
   tl_assert(n_sites < 0xFFFFFFFFu - MR_STORE_FIRST);
   sites[n_sites].ip = ip;
   sites[n_sites].ep = VG_(current_DiEpoch)();
   n = VG_(malloc)("memroot.storesites.node", sizeof(SiteNode));
   n->ip = ip;
   n->id = MR_STORE_FIRST + n_sites++;
   VG_(HT_add_node)(site_by_ip, n);
   return n->id;
}

static const StoreSite* site_of_id(UInt id)
{
   tl_assert(id >= MR_STORE_FIRST && id - MR_STORE_FIRST < n_sites);
   return &sites[id - MR_STORE_FIRST];
}

Addr MR_(store_site_ip)(UInt id)
{
   return id < MR_STORE_FIRST ? 0 : site_of_id(id)->ip;
}

/* The same as an element inside an XML <error>: memroot's own fact,
   which readers of Memcheck's XML skip. */
const HChar* MR_(store_site_keyword)(UInt id)
{
   switch (id) {
   case MR_STORE_NONE:    return "none";
   case MR_STORE_SYSCALL: return "syscall";
   case MR_STORE_STARTUP: return "startup";
   case MR_STORE_CORE:    return "valgrind";
   case MR_STORE_EARLY:   return "before-block";
   default:               return NULL;
   }
}

static void pp_store_site_xml(UInt id)
{
   const HChar *fn, *file, *dir;
   UInt        line;
   const StoreSite* s;

   if (MR_(store_site_keyword)(id) != NULL) {
      VG_(printf_xml)("    <storedby>%s</storedby>\n",
                      MR_(store_site_keyword)(id));
      return;
   }
   s = site_of_id(id);
   VG_(printf_xml)("    <storedat>\n      <ip>0x%lX</ip>\n", s->ip);
   if (VG_(get_fnname)(s->ep, s->ip, &fn))
      VG_(printf_xml)("      <fn>%pS</fn>\n", fn);
   if (VG_(get_filename_linenum)(s->ep, s->ip, &file, &dir, &line))
      VG_(printf_xml)("      <dir>%pS</dir>\n      <file>%pS</file>\n"
                      "      <line>%u</line>\n", dir, file, line);
   VG_(printf_xml)("    </storedat>\n");
}

void MR_(pp_store_site)(const HChar* indent, UInt id)
{
   const StoreSite* s;
   InlIPCursor*     iipc;

   if (VG_(clo_xml)) {
      pp_store_site_xml(id);
      return;
   }
   switch (id) {
   case MR_STORE_NONE:
      VG_(umsg)("%snot stored since the memory became live\n", indent);
      return;
   case MR_STORE_SYSCALL:
      VG_(umsg)("%swritten by a system call\n", indent);
      return;
   case MR_STORE_STARTUP:
      VG_(umsg)("%spresent at start-up\n", indent);
      return;
   case MR_STORE_CORE:
      VG_(umsg)("%swritten by Valgrind (signal frame or heap copy)\n", indent);
      return;
   case MR_STORE_EARLY:
      VG_(umsg)("%sstored before the memory it points to became a heap"
                " block\n", indent);
      return;
   }
   s = site_of_id(id);
   /* The innermost (inlined) function is the one that stored. */
   iipc = VG_(new_IIPC)(s->ep, s->ip);
   VG_(umsg)("%sstored at %s\n", indent, VG_(describe_IP)(s->ep, s->ip, iipc));
   VG_(delete_IIPC)(iipc);
}
