/* memroot leak: one leak check — gather roots, mark, classify, group the
   blocks into loss records — with Memcheck's rules and results. */

#ifndef __MR_LEAK_H
#define __MR_LEAK_H

#include "mr_basics.h"
#include "pub_tool_execontext.h"

/* The order is Memcheck's: it orders loss records of equal size. */
typedef enum {
   MR_Reachable    = 0,   /* a start pointer from the roots reaches it */
   MR_Possible     = 1,   /* only interior pointers reach it */
   MR_IndirectLeak = 2,   /* unreached, but reached from a lost block */
   MR_Unreached    = 3    /* unreached: definitely lost */
} MR_Reachedness;

#define MR_N_REACHEDNESS 4
/* A set of Reachedness, as parsed from --show-leak-kinds and friends. */
#define MR_R2S(r) (1u << (r))
#define MR_RiS(r, s) ((s) & MR_R2S(r))

/* "none" has no keyword: it only collects blocks found without one. */
typedef enum {
   MR_LchNone = 0,
   MR_LchStdString,
   MR_LchLength64,
   MR_LchNewArray,
   MR_LchMultipleInheritance,
   MR_N_HEURISTICS
} MR_Heuristic;

#define MR_H2S(h) (1u << (h))

typedef enum { MR_LC_Off, MR_LC_Summary, MR_LC_Full } MR_LeakCheckMode;

/* Which loss records a check shows, relative to the previous check. */
typedef enum { MR_LCD_Any, MR_LCD_Increased, MR_LCD_Changed } MR_DeltaMode;

typedef struct {
   MR_LeakCheckMode mode;
   UInt             show_leak_kinds;        /* set of MR_Reachedness */
   UInt             errors_for_leak_kinds;  /* set of MR_Reachedness */
   UInt             heuristics;             /* set of MR_Heuristic */
   MR_DeltaMode     deltamode;
   UInt             max_loss_records_output;
   Bool             requested_by_monitor_command;
   /* Not NULL: the records it would print go to this xtree file instead
      (Memcheck's --xtree-leak). */
   const HChar*     xt_filename;
} MR_LeakCheckParams;

/* Keywords for VG_(parse_enum_set), in enum order. */
extern const HChar* MR_(leak_kinds_tokens);
extern const HChar* MR_(leak_heuristics_tokens);
UInt MR_(all_reachedness)(void);

/* A loss record: the blocks of one kind allocated at one place. */
typedef struct _MR_LossRecord MR_LossRecord;
MR_Reachedness MR_(lr_state)(const MR_LossRecord* lr);
ExeContext*    MR_(lr_where)(const MR_LossRecord* lr);
SizeT          MR_(lr_total_bytes)(const MR_LossRecord* lr);
UInt           MR_(lr_num_blocks)(const MR_LossRecord* lr);

/* A loss record's sizes in one check. */
typedef struct {
   SizeT szB;            /* of its blocks */
   SizeT indirect_szB;   /* what they hold indirectly (definitely lost) */
   UInt  num_blocks;
} MR_LossSizes;
/* Its sizes in the last check and in the one before (zero if new). */
void MR_(lr_sizes)(const MR_LossRecord* lr, MR_LossSizes* now,
                   MR_LossSizes* before);

/* Prints one loss record in Memcheck's words, with the allocation stack. */
void MR_(pp_LossRecord)(UInt n_this_record, UInt n_total_records,
                        const MR_LossRecord* lr);

/* Runs a leak check and reports it as lcp asks. */
void MR_(detect_memory_leaks)(ThreadId tid, const MR_LeakCheckParams* lcp);

/* After a leak check, prints the blocks of loss records [from, to]
   (indexes from 0), at most max_blocks of them, each with the blocks it
   holds indirectly; with heuristics, only blocks found by those. */
void MR_(print_block_list)(UInt from, UInt to, UInt max_blocks,
                           UInt heuristics);

/* The address of the first block of loss record nr (from 0) of the last
   leak check; False, after saying why, when there is none. */
Bool MR_(loss_record_first_block)(UInt nr, Addr* a);

/* Prints every root word, block word and register pointing into
   [address, address+szB). */
void MR_(who_points_at)(Addr address, SizeT szB);

/* Counts the leak checks run so far; suppressions count their use per
   check. */
ULong MR_(leak_check_generation)(void);

/* Totals of the last leak check, as VALGRIND_COUNT_LEAKS and
   VALGRIND_COUNT_LEAK_BLOCKS return them. */
typedef struct {
   SizeT leaked, dubious, reachable, suppressed;
} MR_LeakTotals;
void MR_(leak_totals)(MR_LeakTotals* bytes, MR_LeakTotals* blocks);

/* The delta mode a client request passes as a word (0 any, 1 increased,
   2 changed); False, with MR_LCD_Any, for any other word. */
Bool MR_(deltamode_of_request)(UWord w, MR_DeltaMode* mode);

/* Memcheck's leak-check client requests (VALGRIND_DO_LEAK_CHECK and its
   variants, VALGRIND_COUNT_LEAKS, VALGRIND_COUNT_LEAK_BLOCKS), which
   memroot.h offers too.  False when arg[0] is none of them. */
Bool MR_(leak_handle_client_request)(ThreadId tid, UWord* arg, UWord* ret);

/*--- For retention: the blocks of the last search, and their words ---*/

/* The search of a leak check (marking, classification) alone, for
   reports that need no loss records; block_list then asks for a new
   leak check. */
void MR_(leak_search)(UInt heuristics);

struct _MR_Block;
Int                     MR_(lc_n_blocks)(void);
const struct _MR_Block* MR_(lc_block)(Int i);
MR_Reachedness          MR_(lc_state)(Int i);
/* The index of the block holding a, or -1. */
Int                     MR_(lc_find_block)(Addr a);
/* The block ptr points into (at its start or not) if the search reached
   it from the roots: still reachable or possibly lost; -1 otherwise. */
Int MR_(lc_held_target)(Addr ptr);

/* Visits each candidate pointer: the word at `where` holds v, a value in
   the range of the blocks (and, tracked, stored as a pointer). */
typedef void (*MR_WordVisitor)(Addr where, Addr v, void* opaque);
void MR_(lc_scan_root_memory)(MR_WordVisitor visit, void* opaque);
void MR_(lc_scan_block)(Int i, MR_WordVisitor visit, void* opaque);

#endif
