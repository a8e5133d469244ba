/* memroot slots: the pointer-slot shadow.  For each 8-byte aligned word
   of client memory, whether a value that may point into the heap was
   stored there since that memory became live, and which store did it. */

#ifndef __MR_SLOTS_H
#define __MR_SLOTS_H

#include "mr_basics.h"

/* Site ids below MR_SITE_FIRST_STORE say how an unmarked or marked word
   was written when no instrumented store did it. */
#define MR_SITE_NONE         0u  /* unmarked */
#define MR_SITE_SYSCALL      1u  /* written by a system call */
#define MR_SITE_STARTUP      2u  /* initial stack, auxv, initial mappings */
#define MR_SITE_CORE         3u  /* written by the core or the tool */
#define MR_SITE_FIRST_STORE  4u  /* ids of store instructions start here */

void  MR_(slots_init)(void);
void  MR_(slots_register_events)(void);

/* a is 8-aligned. */
Bool  MR_(slot_is_marked)(Addr a);
UInt  MR_(slot_site)(Addr a);

/* One line on the log after indent: "stored at 0x..: fn (file:line)", or
   how the word was written; in XML, the <storedat> element. */
void  MR_(pp_slot_site)(const HChar* indent, UInt site);
/* The store instruction's address; 0 for the special sites. */
Addr  MR_(slot_site_ip)(UInt site);

/* realloc's copy keeps the marks (and their sites). */
void  MR_(slots_copy)(Addr src, Addr dst, SizeT len);
/* Memory died, or a heap block was freed. */
void  MR_(slots_clear)(Addr a, SizeT len);

/* memroot's slot client requests (MEMROOT_GET_SLOT_SITE ...); False when
   arg[0] is not one of them. */
Bool  MR_(slots_handle_client_request)(ThreadId tid, UWord* arg, UWord* ret);

/* For mr_instrument.c only. */

/* The site id of the store instruction at ip, made on first use. */
UInt  MR_(site_of_store)(Addr ip);
/* Called after an 8-byte store to a: when a is aligned, the stored value
   is known to lie in the heap range. */
VG_REGPARM(2) void MR_(helperc_store8)(Addr a, UWord site);
/* Called after any other store of len bytes at a: marks each word the
   store touched that now holds a heap-range value. */
VG_REGPARM(3) void MR_(helperc_store_range)(Addr a, UWord len, UWord site);

#endif
