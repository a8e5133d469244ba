/* memroot store sites: the registry of the store instructions that put
   heap pointers into memory, each named by a small id that the slot
   shadow keeps per word, and how a store site is printed.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_STORESITES_H
#define __MR_STORESITES_H

#include "mr_basics.h"

/* Ids below MR_STORE_FIRST say how a word was written when no
   instrumented store did it; MR_STORE_NONE marks no pointer at all. */
#define MR_STORE_NONE     0u  /* unmarked */
#define MR_STORE_SYSCALL  1u  /* written by a system call */
#define MR_STORE_STARTUP  2u  /* initial stack, auxv, initial mappings */
#define MR_STORE_CORE     3u  /* written by the core or the tool */
#define MR_STORE_EARLY    4u  /* held a pointer before the memory it points
                                 to became a (custom) heap block */
#define MR_STORE_FIRST    5u  /* ids of store instructions start here */

void MR_(store_sites_init)(void);

/* The id of the store instruction at ip, made on first use. */
UInt MR_(store_site_id)(Addr ip);

/* The word for a special id (the XML's <storedby>: "syscall" ...); NULL
   for a store instruction's. */
const HChar* MR_(store_site_keyword)(UInt id);

/* The store instruction's address; 0 for the special ids. */
Addr MR_(store_site_ip)(UInt id);

/* One line on the log after indent: "stored at 0x..: fn (file:line)", or
   how the word was written; in XML, the <storedat> element. */
void MR_(pp_store_site)(const HChar* indent, UInt id);

#endif
