/* memroot errors: the error kinds, their printing, and their
   suppressions ("Memroot:Leak" with an optional "match-leak-kinds:"). */

#include "pub_tool_errormgr.h"
#include "pub_tool_tooliface.h"
#include "mr_errors.h"

typedef enum {
   MR_Err_Leak
} MR_ErrKind;

typedef enum {
   MR_Supp_Leak
} MR_SuppKind;

typedef struct {
   union {
      struct {
         UInt                 n_this_record;
         UInt                 n_total_records;
         const MR_LossRecord* lr;
      } Leak;
   } Err;
} MR_Error;

/* What a Leak suppression matches, and how much it suppressed in the
   latest leak check (shown by -v). */
typedef struct {
   UInt  match_leak_kinds;
   ULong check_generation;
   SizeT bytes_suppressed;
   SizeT blocks_suppressed;
} MR_LeakSuppExtra;

static Bool mr_eq_Error(VgRes res, const Error* e1, const Error* e2)
{
   /* Leaks are recorded with VG_(unique_error): never compared. */
   VG_(tool_panic)("memroot: unexpected comparison of errors");
}

static void mr_before_pp_Error(const Error* err)
{
}

static void mr_pp_Error(const Error* err)
{
   MR_Error* extra = VG_(get_error_extra)(err);
   switch ((MR_ErrKind)VG_(get_error_kind)(err)) {
   case MR_Err_Leak:
      MR_(pp_LossRecord)(extra->Err.Leak.n_this_record,
                         extra->Err.Leak.n_total_records, extra->Err.Leak.lr);
      return;
   }
   VG_(tool_panic)("memroot: unknown error kind");
}

static UInt mr_update_extra(const Error* err)
{
   return sizeof(MR_Error);
}

static Bool mr_recognised_suppression(const HChar* name, Supp* su)
{
   if (VG_STREQ(name, "Leak")) {
      VG_(set_supp_kind)(su, MR_Supp_Leak);
      return True;
   }
   return False;
}

static Bool mr_read_extra_suppression_info(Int fd, HChar** bufpp,
                                           SizeT* nBufp, Int* lineno,
                                           Supp* su)
{
   MR_LeakSuppExtra* lse;
   const HChar* kinds;

   if (VG_(get_supp_kind)(su) != MR_Supp_Leak)
      return True;
   lse = VG_(calloc)("memroot.supp.leak", 1, sizeof(MR_LeakSuppExtra));
   lse->match_leak_kinds = MR_(all_reachedness)();
   VG_(set_supp_extra)(su, lse);
   /* The core has read the next line; True means it is a frame (or the
      end), so there is no match-leak-kinds line: every kind matches. */
   if (VG_(get_line)(fd, bufpp, nBufp, lineno))
      return True;
   if (!VG_STREQN(17, *bufpp, "match-leak-kinds:"))
      return False;
   kinds = *bufpp + 17;
   while (VG_(isspace)(*kinds))
      kinds++;
   return VG_(parse_enum_set)(MR_(leak_kinds_tokens), True, kinds,
                              &lse->match_leak_kinds);
}

static Bool mr_error_matches_suppression(const Error* err, const Supp* su)
{
   MR_Error* extra = VG_(get_error_extra)(err);

   switch ((MR_ErrKind)VG_(get_error_kind)(err)) {
   case MR_Err_Leak: {
      MR_LeakSuppExtra* lse = VG_(get_supp_extra)(su);
      if (VG_(get_supp_kind)(su) != MR_Supp_Leak)
         return False;
      if (lse->check_generation != MR_(leak_check_generation)()) {
         lse->check_generation = MR_(leak_check_generation)();
         lse->bytes_suppressed = lse->blocks_suppressed = 0;
      }
      return MR_RiS(MR_(lr_state)(extra->Err.Leak.lr), lse->match_leak_kinds);
   }
   }
   return False;
}

static const HChar* mr_get_error_name(const Error* err)
{
   switch ((MR_ErrKind)VG_(get_error_kind)(err)) {
   case MR_Err_Leak: return "Leak";
   }
   return NULL;
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

static SizeT mr_get_extra_suppression_info(const Error* err,
                                           HChar* buf, Int nBuf)
{
   MR_Error* extra = VG_(get_error_extra)(err);
   if (VG_(get_error_kind)(err) == MR_Err_Leak)
      return VG_(snprintf)(buf, nBuf, "match-leak-kinds: %s",
                           leak_kind_keyword(MR_(lr_state)(extra->Err.Leak.lr)));
   buf[0] = '\0';
   return 0;
}

static SizeT mr_print_extra_suppression_use(const Supp* su, HChar* buf, Int nBuf)
{
   if (VG_(get_supp_kind)(su) == MR_Supp_Leak) {
      MR_LeakSuppExtra* lse = VG_(get_supp_extra)(su);
      if (lse->check_generation == MR_(leak_check_generation)()
          && lse->blocks_suppressed > 0)
         return VG_(snprintf)(buf, nBuf, "suppressed: %'lu bytes in %'lu blocks",
                              lse->bytes_suppressed, lse->blocks_suppressed);
   }
   buf[0] = '\0';
   return 0;
}

static void mr_update_extra_suppression_use(const Error* err, const Supp* su)
{
   if (VG_(get_supp_kind)(su) == MR_Supp_Leak) {
      MR_LeakSuppExtra* lse = VG_(get_supp_extra)(su);
      MR_Error* extra = VG_(get_error_extra)(err);
      lse->blocks_suppressed += MR_(lr_num_blocks)(extra->Err.Leak.lr);
      lse->bytes_suppressed  += MR_(lr_total_bytes)(extra->Err.Leak.lr);
   }
}

Bool MR_(record_leak_error)(ThreadId tid, UInt n_this_record,
                            UInt n_total_records, const MR_LossRecord* lr,
                            Bool print_record, Bool count_as_error)
{
   MR_Error extra;
   extra.Err.Leak.n_this_record   = n_this_record;
   extra.Err.Leak.n_total_records = n_total_records;
   extra.Err.Leak.lr              = lr;
   return VG_(unique_error)(tid, MR_Err_Leak, 0, NULL, &extra,
                            MR_(lr_where)(lr), print_record,
                            /*allow_GDB_attach*/False, count_as_error);
}

void MR_(errors_init)(void)
{
   VG_(needs_tool_errors)(mr_eq_Error,
                          mr_before_pp_Error,
                          mr_pp_Error,
                          /*show_ThreadIDs_for_errors*/True,
                          mr_update_extra,
                          mr_recognised_suppression,
                          mr_read_extra_suppression_info,
                          mr_error_matches_suppression,
                          mr_get_error_name,
                          mr_get_extra_suppression_info,
                          mr_print_extra_suppression_use,
                          mr_update_extra_suppression_use);
}
