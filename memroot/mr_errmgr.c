/* memroot errmgr: the tool's side of Valgrind's error manager for the
   errors mr_errors.h records: comparing, describing, printing and
   suppressing them, in Memcheck's wording and with Memcheck's suppression
   kinds, so that existing suppression files and log readers keep working.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_errormgr.h"
#include "pub_tool_options.h"
#include "pub_tool_tooliface.h"
#include "mr_describe.h"
#include "mr_errmgr.h"
#include "mr_errors.h"
#include "mr_lossrec.h"
#include "mr_origins.h"

/* Suppression kinds, named as Memcheck's: "Free" covers both invalid and
   mismatched frees. */
typedef enum {
   MR_Supp_Free,
   MR_Supp_Mempool,
   MR_Supp_FishyValue,
   MR_Supp_Leak
} MR_SuppKind;

/* A FishyValue suppression's extra line: function(argument). */
typedef struct {
   HChar* function;
   HChar* argument;
} MR_FishySupp;

static void emit(const HChar* format, ...) PRINTF_CHECK(1, 2);
static void emit(const HChar* format, ...)
{
   va_list vargs;
   va_start(vargs, format);
   if (VG_(clo_xml))
      VG_(vprintf_xml)(format, vargs);
   else
      VG_(vmessage)(Vg_UserMsg, format, vargs);
   va_end(vargs);
}

/* What a Leak suppression matches ("match-leak-kinds:", every kind when
   absent), and how much it suppressed in the latest check (shown by -v). */
typedef struct {
   UInt  match_leak_kinds;
   ULong check_generation;
   SizeT bytes_suppressed;
   SizeT blocks_suppressed;
} MR_LeakSupp;

/* ---------------- the core's callbacks ---------------- */

static Bool mr_eq_Error(VgRes res, const Error* e1, const Error* e2)
{
   const MR_Error* x1 = VG_(get_error_extra)(e1);
   const MR_Error* x2 = VG_(get_error_extra)(e2);
   switch ((MR_ErrorKind)VG_(get_error_kind)(e1)) {
      case MR_Err_Free:
      case MR_Err_FreeMismatch:
      case MR_Err_IllegalMempool:
         /* Same stack (checked by the core): same error, whatever the
            address. */
         return True;
      case MR_Err_FishyValue:
         return VG_STREQ(x1->u.fishy.function, x2->u.fishy.function)
                && VG_STREQ(x1->u.fishy.argument, x2->u.fishy.argument);
      case MR_Err_Leak:
      case MR_Err_Watch:
         /* Recorded with VG_(unique_error): never compared. */
         return False;
   }
   tl_assert(0);
}

static void mr_before_pp_Error(const Error* err)
{
}

static void pp_addr_error(const Error* err, MR_ErrorKind kind)
{
   const MR_Error* x = VG_(get_error_extra)(err);
   if (VG_(clo_xml)) {
      emit("  <kind>%s</kind>\n", MR_(error_xml_kind)(kind));
      emit("  <what>%s</what>\n", MR_(error_what)(kind));
   } else {
      emit("%s\n", MR_(error_what)(kind));
   }
   VG_(pp_ExeContext)(VG_(get_error_where)(err));
   VG_(pp_addrinfo_mc)(VG_(get_error_address)(err), &x->u.ai, False);
}

static void mr_pp_Error(const Error* err)
{
   const MR_Error* x = VG_(get_error_extra)(err);
   switch ((MR_ErrorKind)VG_(get_error_kind)(err)) {
      case MR_Err_Free:
         pp_addr_error(err, MR_Err_Free);
         return;
      case MR_Err_FreeMismatch:
         pp_addr_error(err, MR_Err_FreeMismatch);
         return;
      case MR_Err_IllegalMempool:
         pp_addr_error(err, MR_Err_IllegalMempool);
         return;
      case MR_Err_FishyValue:
         if (VG_(clo_xml)) {
            emit("  <kind>FishyValue</kind>\n");
            emit("  <what>");
         }
         emit("Argument '%s' of function %s has a fishy "
              "(possibly negative) value: %ld\n",
              x->u.fishy.argument, x->u.fishy.function,
              (SSizeT)x->u.fishy.value);
         if (VG_(clo_xml))
            emit("</what>");
         VG_(pp_ExeContext)(VG_(get_error_where)(err));
         return;
      case MR_Err_Leak:
         MR_(pp_LossRecord)(x->u.leak.n_this_record, x->u.leak.n_total_records,
                            x->u.leak.lr);
         return;
      case MR_Err_Watch:
         if (VG_(clo_xml)) {
            emit("  <kind>WatchedBlock</kind>\n");
            emit("  <what>");
         }
         if (x->u.watch.store)
            emit("Store of a pointer to watched block %#lx", x->u.watch.block);
         else
            emit("Drop of a pointer to watched block %#lx (%s)",
                 x->u.watch.block, MR_(drop_how_keyword)(x->u.watch.how));
         emit(": %'u pointer%s hold%s it now", x->u.watch.count,
              x->u.watch.count == 1 ? "" : "s",
              x->u.watch.count == 1 ? "s" : "");
         emit(VG_(clo_xml) ? "</what>\n" : "\n");
         VG_(pp_ExeContext)(VG_(get_error_where)(err));
         return;
   }
   tl_assert(0);
}

static UInt mr_update_extra(const Error* err)
{
   MR_Error* x = VG_(get_error_extra)(err);
   switch ((MR_ErrorKind)VG_(get_error_kind)(err)) {
      case MR_Err_Free:
      case MR_Err_IllegalMempool:
         MR_(describe_addr)(VG_(get_ExeContext_epoch)(VG_(get_error_where)(err)),
                            VG_(get_error_address)(err), &x->u.ai);
         return sizeof(MR_Error);
      case MR_Err_FreeMismatch:
      case MR_Err_FishyValue:
      case MR_Err_Leak:
      case MR_Err_Watch:
         return sizeof(MR_Error);
   }
   tl_assert(0);
}

static Bool mr_recognised_suppression(const HChar* name, Supp* su)
{
   MR_SuppKind skind;
   if (VG_STREQ(name, "Free"))
      skind = MR_Supp_Free;
   else if (VG_STREQ(name, "Mempool"))
      skind = MR_Supp_Mempool;
   else if (VG_STREQ(name, "FishyValue"))
      skind = MR_Supp_FishyValue;
   else if (VG_STREQ(name, "Leak"))
      skind = MR_Supp_Leak;
   else
      return False;
   VG_(set_supp_kind)(su, skind);
   return True;
}

static Bool mr_read_extra_suppression_info(Int fd, HChar** bufpp,
                                           SizeT* nBufp, Int* lineno,
                                           Supp* su)
{
   MR_FishySupp* fs;
   MR_LeakSupp*  ls;
   HChar *open, *close;
   const HChar* kinds;

   switch ((MR_SuppKind)VG_(get_supp_kind)(su)) {
      case MR_Supp_Free:
      case MR_Supp_Mempool:
         return True;
      case MR_Supp_FishyValue:
         if (VG_(get_line)(fd, bufpp, nBufp, lineno))
            return False;
         open  = VG_(strchr)(*bufpp, '(');
         close = open ? VG_(strchr)(open, ')') : NULL;
         if (close == NULL)
            return False;
         fs = VG_(malloc)("memroot.supp.fishy", sizeof(MR_FishySupp));
         fs->function = VG_(strdup)("memroot.supp.fishy", *bufpp);
         fs->function[open - *bufpp] = '\0';
         fs->argument = fs->function + (open - *bufpp) + 1;
         fs->function[close - *bufpp] = '\0';
         VG_(set_supp_extra)(su, fs);
         return True;
      case MR_Supp_Leak:
         ls = VG_(calloc)("memroot.supp.leak", 1, sizeof(MR_LeakSupp));
         ls->match_leak_kinds = MR_(all_reachedness)();
         VG_(set_supp_extra)(su, ls);
         /* True: the core has a frame line (or the end) in hand, so
            there is no match-leak-kinds line. */
         if (VG_(get_line)(fd, bufpp, nBufp, lineno))
            return True;
         if (!VG_STREQN(17, *bufpp, "match-leak-kinds:"))
            return False;
         for (kinds = *bufpp + 17; VG_(isspace)(*kinds); kinds++)
            ;
         return VG_(parse_enum_set)(MR_(leak_kinds_tokens), True, kinds,
                                    &ls->match_leak_kinds);
   }
   tl_assert(0);
}

/* The keyword of one kind, as --show-leak-kinds and match-leak-kinds
   spell it. */
static const HChar* leak_kind_keyword(MR_Reachedness r)
{
   switch (r) {
   case MR_Reachable:    return "reachable";
   case MR_Possible:     return "possible";
   case MR_IndirectLeak: return "indirect";
   case MR_Unreached:    return "definite";
   }
   tl_assert(0);
}

static Bool mr_error_matches_suppression(const Error* err, const Supp* su)
{
   MR_ErrorKind       ekind = VG_(get_error_kind)(err);
   const MR_Error*     x    = VG_(get_error_extra)(err);
   const MR_FishySupp* fs;
   MR_LeakSupp*        ls;

   switch ((MR_SuppKind)VG_(get_supp_kind)(su)) {
      case MR_Supp_Free:
         return ekind == MR_Err_Free || ekind == MR_Err_FreeMismatch;
      case MR_Supp_Mempool:
         return ekind == MR_Err_IllegalMempool;
      case MR_Supp_FishyValue:
         fs = VG_(get_supp_extra)(su);
         return ekind == MR_Err_FishyValue
                && VG_STREQ(x->u.fishy.function, fs->function)
                && VG_STREQ(x->u.fishy.argument, fs->argument);
      case MR_Supp_Leak:
         if (ekind != MR_Err_Leak)
            return False;
         ls = VG_(get_supp_extra)(su);
         if (ls->check_generation != MR_(leak_check_generation)()) {
            ls->check_generation = MR_(leak_check_generation)();
            ls->bytes_suppressed = ls->blocks_suppressed = 0;
         }
         return MR_RiS(MR_(lr_state)(x->u.leak.lr), ls->match_leak_kinds);
   }
   tl_assert(0);
}

static const HChar* mr_get_error_name(const Error* err)
{
   switch ((MR_ErrorKind)VG_(get_error_kind)(err)) {
      case MR_Err_Free:
      case MR_Err_FreeMismatch:   return "Free";
      case MR_Err_IllegalMempool: return "Mempool";
      case MR_Err_FishyValue:     return "FishyValue";
      case MR_Err_Leak:           return "Leak";
      case MR_Err_Watch:          return "WatchedBlock";
   }
   tl_assert(0);
}

static SizeT mr_print_extra_suppression_info(const Error* err,
                                             /*OUT*/HChar* buf, Int nBuf)
{
   const MR_Error* x = VG_(get_error_extra)(err);
   switch ((MR_ErrorKind)VG_(get_error_kind)(err)) {
      case MR_Err_Free:
      case MR_Err_FreeMismatch:
      case MR_Err_IllegalMempool:
      case MR_Err_Watch:
         buf[0] = '\0';
         return 0;
      case MR_Err_FishyValue:
         return VG_(snprintf)(buf, nBuf, "%s(%s)", x->u.fishy.function,
                              x->u.fishy.argument);
      case MR_Err_Leak:
         return VG_(snprintf)(buf, nBuf, "match-leak-kinds: %s",
                              leak_kind_keyword(MR_(lr_state)(x->u.leak.lr)));
   }
   tl_assert(0);
}

/* Leak suppressions count what they suppressed in the latest check. */
static SizeT mr_print_extra_suppression_use(const Supp* su,
                                            /*OUT*/HChar* buf, Int nBuf)
{
   if (VG_(get_supp_kind)(su) == MR_Supp_Leak) {
      const MR_LeakSupp* ls = VG_(get_supp_extra)(su);
      if (ls->check_generation == MR_(leak_check_generation)()
          && ls->blocks_suppressed > 0)
         return VG_(snprintf)(buf, nBuf, "suppressed: %'lu bytes in %'lu blocks",
                              ls->bytes_suppressed, ls->blocks_suppressed);
   }
   buf[0] = '\0';
   return 0;
}

static void mr_update_extra_suppression_use(const Error* err, const Supp* su)
{
   MR_(recorded_error_suppressed)(VG_(get_error_kind)(err),
                                  VG_(get_error_where)(err),
                                  VG_(get_error_extra)(err));
   if (VG_(get_supp_kind)(su) == MR_Supp_Leak) {
      MR_LeakSupp*    ls = VG_(get_supp_extra)(su);
      const MR_Error* x  = VG_(get_error_extra)(err);
      ls->blocks_suppressed += MR_(lr_num_blocks)(x->u.leak.lr);
      ls->bytes_suppressed  += MR_(lr_total_bytes)(x->u.leak.lr);
   }
}

void MR_(errmgr_register)(void)
{
   VG_(needs_tool_errors)(mr_eq_Error,
                          mr_before_pp_Error,
                          mr_pp_Error,
                          True, /* show thread ids, as Memcheck */
                          mr_update_extra,
                          mr_recognised_suppression,
                          mr_read_extra_suppression_info,
                          mr_error_matches_suppression,
                          mr_get_error_name,
                          mr_print_extra_suppression_info,
                          mr_print_extra_suppression_use,
                          mr_update_extra_suppression_use);
}
