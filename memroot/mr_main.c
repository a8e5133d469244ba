/* memroot main: tool registration, command-line options, start-up and
   exit.  The only piece that knows every other piece. */

#include "pub_tool_options.h"
#include "pub_tool_replacemalloc.h"
#include "pub_tool_tooliface.h"
#include "mr_clreq.h"
#include "mr_errors.h"
#include "mr_heap.h"
#include "mr_mempool.h"
#include "mr_profile.h"

static Bool mr_process_cmd_line_option(const HChar* arg)
{
   return MR_(heap_process_cmd_line_option)(arg)
          || MR_(profile_process_cmd_line_option)(arg)
          || VG_(replacement_malloc_process_cmd_line_option)(arg);
}

static void mr_print_usage(void)
{
   MR_(heap_print_usage)();
   MR_(profile_print_usage)();
}

static void mr_print_debug_usage(void)
{
   VG_(printf)("    (none)\n");
}

static void mr_post_clo_init(void)
{
}

/* memroot does not instrument code yet: the heap shadow needs only the
   allocator calls. */
static IRSB* mr_instrument(VgCallbackClosure* closure, IRSB* sb,
                           const VexGuestLayout* layout,
                           const VexGuestExtents* vge,
                           const VexArchInfo* archinfo_host,
                           IRType gWordTy, IRType hWordTy)
{
   return sb;
}

static void mr_fini(Int exitcode)
{
   if (VG_(clo_verbosity) > 0 && !VG_(clo_xml))
      MR_(heap_print_summary)();
   MR_(profile_print)();
}

static void mr_pre_clo_init(void)
{
   /* Capitalised as Memcheck's: it also prefixes suppression kinds
      (Memroot:Free). */
   VG_(details_name)("Memroot");
   VG_(details_version)(NULL);
   VG_(details_description)("a heap retention and leak analyser");
   VG_(details_copyright_author)(
      "Copyright (C) 2026, the memroot developers.");
   VG_(details_bug_reports_to)(VG_BUGS_TO);
   VG_(details_avg_translation_sizeB)(275);

   VG_(basic_tool_funcs)(mr_post_clo_init, mr_instrument, mr_fini);
   VG_(needs_command_line_options)(mr_process_cmd_line_option,
                                   mr_print_usage, mr_print_debug_usage);
   /* Memcheck runs glibc's and libstdc++'s cleanup before its exit check;
      so must we, or their internal blocks show up as still in use. */
   VG_(needs_libc_freeres)();
   VG_(needs_cxx_freeres)();
   MR_(heap_needs_malloc_replacement)();
   MR_(errors_needs_tool_errors)();
   MR_(clreq_needs_client_requests)();
   MR_(heap_init)();
   MR_(mempool_init)();
   MR_(profile_init)();
}

VG_DETERMINE_INTERFACE_VERSION(mr_pre_clo_init)
