/* memroot main: tool registration, command-line options, start-up and
   exit.  The only piece that knows every other piece. */

#include "pub_tool_options.h"
#include "pub_tool_replacemalloc.h"
#include "pub_tool_tooliface.h"
#include "mr_heap.h"
#include "mr_instrument.h"
#include "mr_slots.h"

static Bool mr_process_cmd_line_option(const HChar* arg)
{
   return VG_(replacement_malloc_process_cmd_line_option)(arg);
}

static void mr_print_usage(void)
{
   VG_(printf)("    (memroot has no options of its own yet)\n");
}

static void mr_print_debug_usage(void)
{
   VG_(printf)("    (none)\n");
}

static void mr_post_clo_init(void)
{
}

/* The slot shadow's requests; the other pieces' requests join here. */
static Bool mr_handle_client_request(ThreadId tid, UWord* arg, UWord* ret)
{
   return MR_(slots_handle_client_request)(tid, arg, ret);
}

static void mr_fini(Int exitcode)
{
   if (VG_(clo_verbosity) > 0 && !VG_(clo_xml))
      MR_(heap_print_summary)();
}

static void mr_pre_clo_init(void)
{
   VG_(details_name)("memroot");
   VG_(details_version)(NULL);
   VG_(details_description)("a heap retention and leak analyser");
   VG_(details_copyright_author)(
      "Copyright (C) 2026, the memroot developers.");
   VG_(details_bug_reports_to)(VG_BUGS_TO);
   VG_(details_avg_translation_sizeB)(275);

   VG_(basic_tool_funcs)(mr_post_clo_init, MR_(instrument), mr_fini);
   VG_(needs_command_line_options)(mr_process_cmd_line_option,
                                   mr_print_usage, mr_print_debug_usage);
   /* Memcheck runs glibc's and libstdc++'s cleanup before its exit check;
      so must we, or their internal blocks show up as still in use. */
   VG_(needs_libc_freeres)();
   VG_(needs_cxx_freeres)();
   VG_(needs_client_requests)(mr_handle_client_request);
   MR_(heap_needs_malloc_replacement)();
   MR_(heap_init)();
   MR_(slots_init)();
   MR_(slots_register_events)();
}

VG_DETERMINE_INTERFACE_VERSION(mr_pre_clo_init)
