/* memroot's one place for the differences between the Valgrind releases it
   builds against (3.19 and 3.24): the version test, and every tool-API call
   whose signature or contract changed between them.  Call sites use what
   is here and stay free of #if.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#ifndef __MR_VGCOMPAT_H
#define __MR_VGCOMPAT_H

#include "mr_basics.h"
#include "pub_tool_aspacemgr.h"
#include "pub_tool_replacemalloc.h"
#include "valgrind.h"          /* __VALGRIND_MAJOR__, __VALGRIND_MINOR__ */

/* The release of the headers memroot is compiled against, as 319, 324. */
#define MR_VG_VERSION (__VALGRIND_MAJOR__ * 100 + __VALGRIND_MINOR__)
#define MR_VG_AT_LEAST(major, minor) (MR_VG_VERSION >= (major) * 100 + (minor))

/* configure refuses other releases; this catches a build whose include
   path names a Valgrind configure did not check.  Adding a release means
   checking every difference below against it (docs/install.md). */
#if MR_VG_VERSION != 319 && MR_VG_VERSION != 324
#  error "memroot knows Valgrind 3.19 and 3.24 only (see configure.ac)"
#endif

/* Each difference is keyed on the first release it applies to: the
   allocator ones as Valgrind's NEWS dates them (3.21, 3.22), the others on
   3.24, the first release after 3.19 that memroot was checked against. */
#define MR_VG_REALLOC_SEES_ALL     MR_VG_AT_LEAST(3, 21)
#define MR_VG_NEW_LOSS_RECORDS     MR_VG_AT_LEAST(3, 21)
#define MR_VG_ALLOC_ORIG_ALIGN     MR_VG_AT_LEAST(3, 22)
#define MR_VG_SHADOW_ALLOC_SYSRES  MR_VG_AT_LEAST(3, 24)

/* ---- VG_(needs_malloc_replacement) ----------------------------------- */

/* From 3.22 the aligned allocators also get the alignment the program
   asked for (orig_alignB) beside the one to use (alignB, already rounded
   up to a power of two of at least VG_MIN_MALLOC_SZB).  Memcheck keeps it
   only to check it against the aligned delete (through a client request
   memroot leaves alone); the block is allocated with alignB in every
   release.  Use as the parameter lists of those entry points:
      static void* f(ThreadId tid, MR_VG_ALIGNED_NEW_PARAMS(n, alignB))
      static void* g(ThreadId tid, MR_VG_MEMALIGN_PARAMS(alignB, n)) */
#if MR_VG_ALLOC_ORIG_ALIGN
#  define MR_VG_ALIGNED_NEW_PARAMS(n, alignB) \
      SizeT n, SizeT alignB, SizeT orig_alignB
#  define MR_VG_MEMALIGN_PARAMS(alignB, n) \
      SizeT alignB, SizeT orig_alignB, SizeT n
#else
#  define MR_VG_ALIGNED_NEW_PARAMS(n, alignB)  SizeT n, SizeT alignB
#  define MR_VG_MEMALIGN_PARAMS(alignB, n)     SizeT alignB, SizeT n
#endif

/* What the tool's realloc entry point must do with its arguments.  Up to
   3.20 the preload turns realloc(NULL, n) into malloc and realloc(p, 0)
   into free before calling the tool, so the tool only ever moves a block.
   From 3.21 every call reaches the tool, which must behave as the C
   library: realloc(NULL, n) is malloc(n); realloc(p, 0) frees p and
   returns NULL when --realloc-zero-bytes-frees=yes (glibc's behaviour and
   the default on Linux), else it is realloc(p, 1). */
typedef enum {
   MR_ReallocMove,      /* p != NULL, *new_szB > 0: move the block */
   MR_ReallocMalloc,    /* p == NULL: allocate *new_szB bytes as malloc */
   MR_ReallocFree       /* free p as free() does and return NULL */
} MR_ReallocCase;

static inline MR_ReallocCase MR_(vg_realloc_case)(const void* p,
                                                  SizeT* new_szB)
{
#if MR_VG_REALLOC_SEES_ALL
   if (p == NULL)
      return MR_ReallocMalloc;
   if (*new_szB == 0) {
      if (VG_(clo_realloc_zero_bytes_frees))
         return MR_ReallocFree;
      *new_szB = 1;
   }
#endif
   tl_assert(p != NULL && *new_szB > 0);
   return MR_ReallocMove;
}

/* ---- Memcheck's wording ---------------------------------------------- */

/* From 3.21 Memcheck marks, in a delta leak search, a loss record that had
   no block at the previous search: "... are definitely lost in new loss
   record 2 of 5".  The text that goes before "loss record". */
static inline const HChar* MR_(vg_new_loss_record_marker)(Bool delta_search,
                                                          UInt old_num_blocks)
{
#if MR_VG_NEW_LOSS_RECORDS
   return delta_search && old_num_blocks == 0 ? "new " : "";
#else
   return "";
#endif
}

/* ---- address space ---------------------------------------------------- */

/* Fresh anonymous pages for shadow memory (zero, not resident until
   touched); never NULL.  From 3.24 VG_(am_shadow_alloc) returns a SysRes
   and VG_(out_of_memory_NORETURN) takes the error code it carries. */
static inline void* MR_(vg_shadow_alloc)(const HChar* who, SizeT szB)
{
#if MR_VG_SHADOW_ALLOC_SYSRES
   SysRes sres = VG_(am_shadow_alloc)(szB);
   if (sr_isError(sres))
      VG_(out_of_memory_NORETURN)(who, szB, sr_Err(sres));
   return (void*)sr_Res(sres);
#else
   void* p = VG_(am_shadow_alloc)(szB);
   if (p == NULL)
      VG_(out_of_memory_NORETURN)(who, szB);
   return p;
#endif
}

#endif
