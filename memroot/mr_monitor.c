/* memroot monitor: the commands gdb (`monitor ...`) and vgdb send through
   Valgrind's gdbserver.  leak_check, block_list and who_points_at take
   Memcheck's arguments; a malformed command says what was wrong and shows
   the command's usage, and the program goes on.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING. */

#include "pub_tool_gdbserver.h"
#include "pub_tool_options.h"
#include "mr_datafile.h"
#include "mr_heap.h"
#include "mr_lossrec.h"
#include "mr_mempool.h"
#include "mr_monitor.h"
#include "mr_options.h"
#include "mr_origins.h"
#include "mr_profile.h"
#include "mr_retain_report.h"
#include "mr_xtmemory.h"

static const HChar usage_leak_check[] =
"  leak_check [full*|summary|xtleak]\n"
"                [kinds kind1,kind2,...|reachable|possibleleak*|definiteleak]\n"
"                [heuristics heur1,heur2,...]\n"
"                [increased*|changed|any]\n"
"                [unlimited*|limited <max_loss_records_output>]\n"
"            * = defaults\n"
"         xtleak produces an xtree full leak result in xtleak.kcg.%p.%n\n"
"         where kind is one of:\n"
"           definite indirect possible reachable all none\n"
"         where heur is one of:\n"
"           stdstring length64 newarray multipleinheritance all none*\n"
"        Examples: leak_check\n"
"                  leak_check summary any\n"
"                  leak_check full kinds indirect,possible\n"
"                  leak_check full reachable any limited 100\n";

static const HChar usage_block_list[] =
"  block_list <loss_record_nr>|<loss_record_nr_from>..<loss_record_nr_to>\n"
"        [unlimited*|limited <max_blocks>]\n"
"        [heuristics heur1,heur2,...]\n"
"     after a leak search, shows the list of blocks of <loss_record_nr>\n"
"     (or of the range <loss_record_nr_from>..<loss_record_nr_to>).\n"
"     With heuristics, only shows the blocks found via heur1,heur2,...\n"
"            * = defaults\n";

static const HChar usage_who_points_at[] =
"  who_points_at <addr> [<len>]\n"
"        shows places pointing inside <len> (default 1) bytes at <addr>\n"
"        (with len 1, only shows \"start pointers\" pointing exactly to <addr>,\n"
"         with len > 1, will also show \"interior pointers\")\n";

static const HChar usage_retention[] =
"  retention [any*|increased|changed] [limited <max_roots>] [stacks]\n"
"        searches the heap and shows the roots retaining the most of it;\n"
"        with increased (changed), the roots whose retained memory grew\n"
"        (or changed) since the last retention report, fastest first;\n"
"        with stacks, also each thread's stack frame by frame\n"
"            * = defaults\n";

static const HChar usage_retention_path[] =
"  retention_path <addr>|record <loss_record_nr> [<max_paths>]\n"
"        searches the heap and shows the shortest paths from up to\n"
"        <max_paths> (default 3) roots to the block holding <addr>, or to\n"
"        the first block of a loss record of the last leak search\n";

static const HChar usage_suspects[] =
"  suspects [growth] [threshold <percent>]\n"
"        searches the heap and names the leak suspects: what retains or\n"
"        loses at least <percent> (default --suspect-threshold) of the\n"
"        live heap; with growth, takes a snapshot and lists the roots that\n"
"        grew at each of the last snapshots, fastest first\n";

static const HChar usage_snapshot[] =
"  snapshot\n"
"        searches the heap and remembers what each root retains, for\n"
"        suspects growth and the next retention report\n";

static const HChar usage_xtmemory[] =
"  xtmemory [<filename>]\n"
"        dump xtree memory profile in <filename> (default xtmemory.kcg.%p.%n)\n";

static const HChar usage_heap_profile[] =
"  heap_profile [sort <key>] [top <n>]\n"
"        shows the allocation-site profile now (needs --heap-profile=yes or\n"
"        --memroot-out-file); key is one of live-bytes, peak-bytes, bytes,\n"
"        allocs, live-blocks, peak-blocks\n"
"        (defaults: --heap-profile-sort and --heap-profile-top)\n";

static const HChar usage_watch[] =
"  watch <addr>|record <loss_record_nr>\n"
"        reports every store and every drop of a pointer to the heap block\n"
"        starting at <addr> (or to the first block of a loss record of the\n"
"        last leak search) as an error, with the count of pointers holding\n"
"        it (needs --leak-origins=yes or --watch-block)\n"
"  unwatch\n"
"        stops watching\n";

static const HChar usage_dump[] =
"  dump [<filename>]\n"
"        searches the heap and writes the data file memroot-report reads\n"
"        to <filename> (default memroot.out.%p.%n)\n";

static void print_help(void)
{
   VG_(gdb_printf)("\n");
   VG_(gdb_printf)("memroot monitor commands:\n");
   VG_(gdb_printf)("%s%s%s%s%s%s%s%s%s%s%s", usage_leak_check,
                   usage_block_list, usage_who_points_at, usage_retention,
                   usage_retention_path, usage_watch, usage_suspects,
                   usage_snapshot, usage_xtmemory, usage_heap_profile,
                   usage_dump);
   VG_(gdb_printf)("\n");
}

/* Says what was wrong, then how the command is used. */
static void bad_command(const HChar* usage, const HChar* what, const HChar* word)
{
   if (word)
      VG_(gdb_printf)("%s: '%s'\n", what, word);
   else
      VG_(gdb_printf)("%s\n", what);
   VG_(gdb_printf)("usage:\n%s", usage);
}

/* The value of one digit in base, or -1. */
static Int digit_value(HChar c, UInt base)
{
   Int d = c >= '0' && c <= '9' ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
   return d >= 0 && (UInt)d < base ? d : -1;
}

/* A number as who_points_at reads its length: hex 0x..., binary 0b... or
   decimal, all of the word, with no overflow. */
static Bool parse_number(const HChar* word, ULong* value)
{
   UInt base = 10;
   Int  d;
   if (word == NULL)
      return False;
   if (word[0] == '0' && (word[1] == 'x' || word[1] == 'b')) {
      base = word[1] == 'x' ? 16 : 2;
      word += 2;
   }
   if (*word == '\0')
      return False;
   for (*value = 0; *word != '\0'; word++) {
      d = digit_value(*word, base);
      if (d == -1 || *value > (~0ULL - d) / base)
         return False;
      *value = *value * base + d;
   }
   return True;
}

/* A positive number that fits a UInt: a count, a record number. */
static Bool parse_positive(const HChar* word, UInt* value)
{
   ULong v;
   if (!parse_number(word, &v) || v == 0 || v > 0xFFFFFFFFULL)
      return False;
   *value = (UInt)v;
   return True;
}

/* The next word as a set of tokens, as --show-leak-kinds takes them;
   False, after saying so, when it is missing or malformed. */
static Bool next_set(HChar** saveptr, const HChar* tokens, UInt* set,
                     const HChar* usage, const HChar* what)
{
   HChar* val = VG_(strtok_r)(NULL, " ", saveptr);
   if (val != NULL && VG_(parse_enum_set)(tokens, True, val, set))
      return True;
   bad_command(usage, what, val);
   return False;
}

/* The next word as a number >= 1; False, after saying so, otherwise. */
static Bool next_positive(HChar** saveptr, UInt* value, const HChar* usage,
                          const HChar* what)
{
   HChar* val = VG_(strtok_r)(NULL, " ", saveptr);
   if (parse_positive(val, value))
      return True;
   bad_command(usage, what, val);
   return False;
}

/* The next word as the number after "limited": any number >= 1, those
   beyond a UInt meaning no limit. */
static Bool next_limit(HChar** saveptr, UInt* value, const HChar* usage,
                       const HChar* what)
{
   HChar* val = VG_(strtok_r)(NULL, " ", saveptr);
   ULong  v;
   if (parse_number(val, &v) && v >= 1) {
      *value = v > 0xFFFFFFFFULL ? 0xFFFFFFFFU : (UInt)v;
      return True;
   }
   bad_command(usage, what, val);
   return False;
}

/* Parses leak_check's arguments into lcp; False, after saying why, when
   one is wrong.  xtleak names its file as it is read, as Memcheck does:
   the %n of the name counts every xtleak given. */
static Bool parse_leak_check(HChar** saveptr, MR_LeakCheckParams* lcp,
                             HChar** xt_filename)
{
   HChar* kw;

   MR_(clo_leak_check_params)(lcp, MR_ByMonitor, False);
   for (kw = VG_(strtok_r)(NULL, " ", saveptr); kw != NULL;
        kw = VG_(strtok_r)(NULL, " ", saveptr)) {
      switch (VG_(keyword_id)("full summary xtleak kinds reachable "
                              "possibleleak definiteleak heuristics "
                              "increased changed any unlimited limited",
                              kw, kwd_report_all)) {
      case -2:
      case -1:
         bad_command(usage_leak_check, "unknown leak_check argument", kw);
         return False;
      case 0: lcp->mode = MR_LC_Full; break;
      case 1: lcp->mode = MR_LC_Summary; break;
      case 2:
         lcp->mode = MR_LC_Full;
         VG_(free)(*xt_filename);
         *xt_filename = VG_(expand_file_name)("leak_check xtleak",
                                              "xtleak.kcg.%p.%n");
         break;
      case 3:
         if (!next_set(saveptr, MR_(leak_kinds_tokens), &lcp->show_leak_kinds,
                       usage_leak_check, "missing or malformed leak kinds set"))
            return False;
         break;
      case 4: lcp->show_leak_kinds = MR_(all_reachedness)(); break;
      case 5:
         lcp->show_leak_kinds = MR_R2S(MR_Possible) | MR_R2S(MR_IndirectLeak)
                                | MR_R2S(MR_Unreached);
         break;
      case 6: lcp->show_leak_kinds = MR_R2S(MR_Unreached); break;
      case 7:
         if (!next_set(saveptr, MR_(leak_heuristics_tokens),
                       &lcp->search.heuristics, usage_leak_check,
                       "missing or malformed heuristics set"))
            return False;
         break;
      case 8: lcp->deltamode = MR_LCD_Increased; break;
      case 9: lcp->deltamode = MR_LCD_Changed; break;
      case 10: lcp->deltamode = MR_LCD_Any; break;
      case 11: lcp->max_loss_records_output = 999999999; break;
      case 12:
         if (!next_limit(saveptr, &lcp->max_loss_records_output,
                         usage_leak_check,
                         "limited needs a number of loss records >= 1"))
            return False;
         break;
      default:
         tl_assert(0);
      }
   }
   return True;
}

static void leak_check_command(ThreadId tid, HChar** saveptr)
{
   MR_LeakCheckParams lcp;
   HChar* xt_filename = NULL;

   if (parse_leak_check(saveptr, &lcp, &xt_filename)) {
      lcp.xt_filename = xt_filename;
      MR_(detect_memory_leaks)(tid, &lcp);
   }
   VG_(free)(xt_filename);
}

/* <n> or <from>..<to>, loss record numbers as printed (from 1). */
static Bool parse_slice(const HChar* word, UInt* from, UInt* to)
{
   HChar  copy[64];
   HChar* dots;
   if (word == NULL || VG_(strlen)(word) >= sizeof(copy))
      return False;
   VG_(strcpy)(copy, word);
   dots = VG_(strstr)(copy, "..");
   if (dots == NULL)
      return parse_positive(copy, from) && (*to = *from, True);
   *dots = '\0';
   return parse_positive(copy, from) && parse_positive(dots + 2, to)
          && *from <= *to;
}

static void block_list_command(HChar** saveptr)
{
   HChar* word = VG_(strtok_r)(NULL, " ", saveptr);
   UInt   from, to, max_blocks = 999999999, heuristics = 0;
   HChar* kw;

   if (!parse_slice(word, &from, &to)) {
      bad_command(usage_block_list,
                  word ? "malformed loss record number or range"
                       : "missing loss record number", word);
      return;
   }
   for (kw = VG_(strtok_r)(NULL, " ", saveptr); kw != NULL;
        kw = VG_(strtok_r)(NULL, " ", saveptr)) {
      switch (VG_(keyword_id)("unlimited limited heuristics", kw,
                              kwd_report_all)) {
      case -2:
      case -1:
         bad_command(usage_block_list, "unknown block_list argument", kw);
         return;
      case 0: max_blocks = 999999999; break;
      case 1:
         if (!next_limit(saveptr, &max_blocks, usage_block_list,
                         "limited needs a number of blocks >= 1"))
            return;
         break;
      case 2:
         if (!next_set(saveptr, MR_(leak_heuristics_tokens), &heuristics,
                       usage_block_list, "missing or malformed heuristics set"))
            return;
         break;
      default:
         tl_assert(0);
      }
   }
   MR_(print_block_list)(from - 1, to - 1, max_blocks, heuristics);
}

static void who_points_at_command(HChar** saveptr)
{
   Addr  address;
   SizeT szB = 1;
   /* It reports its own parse errors; add the usage. */
   if (!VG_(strtok_get_address_and_size)(&address, &szB, saveptr)) {
      VG_(gdb_printf)("usage:\n%s", usage_who_points_at);
      return;
   }
   if (address == 0) {
      bad_command(usage_who_points_at, "cannot search who points at 0x0", NULL);
      return;
   }
   if (szB == 0) {
      bad_command(usage_who_points_at, "<len> must be >= 1", NULL);
      return;
   }
   MR_(who_points_at)(address, szB, MR_(clo_search_params)().scan);
}

static void retention_command(HChar** saveptr)
{
   MR_RetentionParams p;
   UInt   max_roots;
   HChar* kw;

   MR_(clo_retention_params)(&p);
   for (kw = VG_(strtok_r)(NULL, " ", saveptr); kw != NULL;
        kw = VG_(strtok_r)(NULL, " ", saveptr)) {
      switch (VG_(keyword_id)("any increased changed limited stacks", kw,
                              kwd_report_all)) {
      case -2:
      case -1:
         bad_command(usage_retention, "unknown retention argument", kw);
         return;
      case 0: p.deltamode = MR_LCD_Any; break;
      case 1: p.deltamode = MR_LCD_Increased; break;
      case 2: p.deltamode = MR_LCD_Changed; break;
      case 3:
         if (!next_limit(saveptr, &max_roots, usage_retention,
                         "limited needs a number of roots >= 1"))
            return;
         p.max_roots = max_roots;
         break;
      case 4: p.stacks = True; break;
      default:
         tl_assert(0);
      }
   }
   {
      MR_SearchParams sp = MR_(clo_search_params)();
      MR_(search_and_report_retention)(&sp, &p);
   }
}

/* A share of the live heap, "12.5", in (0, 100]. */
static Bool parse_percent(const HChar* word, UInt* ppm)
{
   HChar* end;
   Double v;
   if (word == NULL)
      return False;
   v = VG_(strtod)(word, &end);
   if (end == word || *end != '\0' || !(v >= 0.01 && v <= 100.0))
      return False;
   *ppm = (UInt)(v * 10000.0 + 0.5);
   return True;
}

static void suspects_command(HChar** saveptr)
{
   MR_SuspectParams p;
   MR_SearchParams  sp = MR_(clo_search_params)();
   HChar* kw;

   MR_(clo_suspect_params)(&p);
   for (kw = VG_(strtok_r)(NULL, " ", saveptr); kw != NULL;
        kw = VG_(strtok_r)(NULL, " ", saveptr)) {
      switch (VG_(keyword_id)("growth threshold", kw, kwd_report_all)) {
      case -2:
      case -1:
         bad_command(usage_suspects, "unknown suspects argument", kw);
         return;
      case 0:
         p.now = False;
         p.growth = True;
         break;
      case 1:
         kw = VG_(strtok_r)(NULL, " ", saveptr);
         if (!parse_percent(kw, &p.threshold_ppm)) {
            bad_command(usage_suspects, "threshold needs a percentage"
                        " between 0.01 and 100", kw);
            return;
         }
         break;
      default:
         tl_assert(0);
      }
   }
   MR_(search_and_report_suspects)(&sp, &p);
}

static void snapshot_command(HChar** saveptr)
{
   MR_SearchParams sp = MR_(clo_search_params)();
   if (VG_(strtok_r)(NULL, " ", saveptr) != NULL) {
      bad_command(usage_snapshot, "too many arguments", NULL);
      return;
   }
   MR_(search_and_snapshot)(&sp);
   VG_(gdb_printf)("snapshot %u taken\n", MR_(retention_n_reports)());
}

/* "<addr>" or "record <nr>" (the first block of a loss record of the last
   leak search); False after saying what is wrong. */
static Bool parse_block_arg(HChar** saveptr, const HChar* usage,
                            /*OUT*/Addr* address)
{
   HChar* word = VG_(strtok_r)(NULL, " ", saveptr);
   UInt   nr;

   if (word == NULL) {
      bad_command(usage, "missing address or record", NULL);
      return False;
   }
   if (VG_(strcmp)(word, "record") == 0)
      return next_positive(saveptr, &nr, usage,
                           "record needs a loss record number >= 1")
             && MR_(loss_record_first_block)(nr - 1, address);
   {
      const HChar* end = word;
      if (!VG_(parse_Addr)(&end, address) || *end != '\0' || *address == 0) {
         bad_command(usage, "malformed address (0x followed by at most 16"
                     " hex digits)", word);
         return False;
      }
   }
   return True;
}

static void retention_path_command(HChar** saveptr)
{
   HChar* word;
   Addr   address;
   UInt   max_paths = 3;

   if (!parse_block_arg(saveptr, usage_retention_path, &address))
      return;
   word = VG_(strtok_r)(NULL, " ", saveptr);
   if (word != NULL && !parse_positive(word, &max_paths)) {
      bad_command(usage_retention_path, "malformed number of paths", word);
      return;
   }
   if (VG_(strtok_r)(NULL, " ", saveptr) != NULL) {
      bad_command(usage_retention_path, "too many arguments", NULL);
      return;
   }
   {
      MR_SearchParams sp = MR_(clo_search_params)();
      MR_(search_and_report_paths)(&sp, address, max_paths);
   }
}

static void watch_command(HChar** saveptr)
{
   Addr address;
   if (!MR_(origins_on)) {
      VG_(gdb_printf)("watch needs --leak-origins=yes (or --watch-block) from"
                      " the start: only then are pointer stores followed\n");
      return;
   }
   if (!parse_block_arg(saveptr, usage_watch, &address))
      return;
   if (VG_(strtok_r)(NULL, " ", saveptr) != NULL) {
      bad_command(usage_watch, "too many arguments", NULL);
      return;
   }
   if (!MR_(origins_is_block)(address)) {
      VG_(gdb_printf)("no live heap block starts at %#lx\n", address);
      return;
   }
   MR_(origins_watch)(address);
   VG_(gdb_printf)("watching block %#lx: %'u pointer%s hold%s it now\n",
                   address, MR_(origins_count)(address),
                   MR_(origins_count)(address) == 1 ? "" : "s",
                   MR_(origins_count)(address) == 1 ? "s" : "");
}

static void unwatch_command(HChar** saveptr)
{
   if (VG_(strtok_r)(NULL, " ", saveptr) != NULL) {
      bad_command(usage_watch, "unwatch takes no argument", NULL);
      return;
   }
   if (MR_(origins_watched)() == 0)
      VG_(gdb_printf)("no block is watched\n");
   else
      VG_(gdb_printf)("no longer watching block %#lx\n",
                      MR_(origins_watched)());
   MR_(origins_watch)(0);
}

/* The live blocks outside pools, for xtree memory's allocs report; none
   are needed with --xtree-memory=full. */
static void xtmemory_command(HChar** saveptr)
{
   HChar*     filename = VG_(strtok_r)(NULL, " ", saveptr);
   UInt       n = 0;
   MR_Block** live = NULL;
   if (VG_(strtok_r)(NULL, " ", saveptr) != NULL) {
      bad_command(usage_xtmemory, "too many arguments", NULL);
      return;
   }
   if (VG_(clo_xtree_memory) != Vg_XTMemory_Full)
      live = MR_(heap_live_blocks)(&n);
   MR_(xtmemory_report)(filename, False, live, n);
   VG_(free)(live);
}

static void heap_profile_command(HChar** saveptr)
{
   UInt           top, n, n_heap;
   MR_ProfileSort sort;
   HChar*         kw;
   MR_Block**     live;

   MR_(clo_profile_params)(&top, &sort);
   for (kw = VG_(strtok_r)(NULL, " ", saveptr); kw != NULL;
        kw = VG_(strtok_r)(NULL, " ", saveptr)) {
      switch (VG_(keyword_id)("sort top", kw, kwd_report_all)) {
      case -2:
      case -1:
         bad_command(usage_heap_profile, "unknown heap_profile argument", kw);
         return;
      case 0: {
         HChar* key = VG_(strtok_r)(NULL, " ", saveptr);
         Int    k;
         for (k = 0; key != NULL && k < MR_N_PROFILE_SORTS; k++)
            if (VG_STREQ(key, MR_(profile_sort_names)[k]))
               break;
         if (key == NULL || k == MR_N_PROFILE_SORTS) {
            bad_command(usage_heap_profile, key ? "unknown sort key"
                        : "sort needs a key", key);
            return;
         }
         sort = k;
         break;
      }
      case 1:
         if (!next_limit(saveptr, &top, usage_heap_profile,
                         "top needs a number of sites >= 1"))
            return;
         break;
      default:
         tl_assert(0);
      }
   }
   if (!MR_(profile_is_on)()) {
      VG_(gdb_printf)("The allocation-site profile is off: run with "
                      "--heap-profile=yes or --memroot-out-file=<file>\n");
      return;
   }
   live = MR_(mempool_all_blocks)(&n, &n_heap);
   MR_(profile_print)(top, sort, MR_(heap_bytes_allocated)(), live, n);
   VG_(free)(live);
}

static void dump_command(HChar** saveptr)
{
   HChar* filename = VG_(strtok_r)(NULL, " ", saveptr);
   HChar* name;
   MR_RetentionParams        storage;
   const MR_RetentionParams* rp;
   MR_SearchParams           sp = MR_(clo_dump_params)(&storage, &rp);

   if (VG_(strtok_r)(NULL, " ", saveptr) != NULL) {
      bad_command(usage_dump, "too many arguments", NULL);
      return;
   }
   name = VG_(expand_file_name)("dump", filename ? filename
                                                 : "memroot.out.%p.%n");
   if (MR_(datafile_dump)(name, "monitor", &sp, rp))
      VG_(gdb_printf)("memroot data file: %s\n", name);
   VG_(free)(name);
}

Bool MR_(handle_gdb_monitor_command)(ThreadId tid, const HChar* req)
{
   HChar  s[VG_(strlen)(req) + 1];
   HChar* saveptr;
   HChar* cmd;

   VG_(strcpy)(s, req);
   cmd = VG_(strtok_r)(s, " ", &saveptr);
   switch (VG_(keyword_id)("help leak_check block_list who_points_at "
                           "retention retention_path xtmemory heap_profile "
                           "dump watch unwatch suspects snapshot",
                           cmd, kwd_report_duplicated_matches)) {
   case -2:
      return True;
   case -1:
      return False;        /* the core tries its own commands, then says so */
   case 0:
      print_help();
      return True;
   case 1:
      leak_check_command(tid, &saveptr);
      return True;
   case 2:
      block_list_command(&saveptr);
      return True;
   case 3:
      who_points_at_command(&saveptr);
      return True;
   case 4:
      retention_command(&saveptr);
      return True;
   case 5:
      retention_path_command(&saveptr);
      return True;
   case 6:
      xtmemory_command(&saveptr);
      return True;
   case 7:
      heap_profile_command(&saveptr);
      return True;
   case 8:
      dump_command(&saveptr);
      return True;
   case 9:
      watch_command(&saveptr);
      return True;
   case 10:
      unwatch_command(&saveptr);
      return True;
   case 11:
      suspects_command(&saveptr);
      return True;
   case 12:
      snapshot_command(&saveptr);
      return True;
   default:
      tl_assert(0);
   }
}
