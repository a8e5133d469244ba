/* memroot roots: names for root words.  A word of a thread's stack
   belongs to a frame (to a local variable, with --read-var-info=yes), to
   the thread's own storage at the top of its stack mapping, or to the
   rest of the stack; a word near a thread pointer that lies elsewhere,
   to that thread's TLS; any other word, to the data symbol around it, to
   its object file's data, or to the mapping it lies in.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the
   GNU General Public License, version 2 or (at your option) any later
   version; see COPYING.

   What memroot asks the core's debug info, it asks once per root, or
   once per frame's code address for local variables: never once per
   word.  Local variables come from VG_(di_get_stack_blocks_at_ip), which
   knows every frame's variables at any depth, of any thread, running or
   not, and after the thread is gone; their names are cut to 15
   characters (the core's StackBlock). */

#include "pub_tool_aspacemgr.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_deduppoolalloc.h"
#include "pub_tool_machine.h"
#include "pub_tool_options.h"
#include "pub_tool_oset.h"
#include "pub_tool_xarray.h"
#include "mr_roots.h"

/* When the thread pointer lies outside the thread's stack (the main
   thread's, set up by the dynamic linker), static TLS is taken to lie
   within this below it, the thread's control block within this above. */
#define TLS_BELOW 4096
#define TCB_ABOVE 4096
/* When it lies at the top of the stack mapping (every glibc thread), the
   words between the outermost frame and it are the static TLS, up to
   this much of it. */
#define TLS_IN_STACK_MAX (1024 * 1024)

/* Where a thread's stack is split up. */
typedef struct {
   const MR_ThreadSnap* t;
   Addr live_lo;        /* the stack pointer less the red zone */
   Addr outer;          /* the frames lie in [live_lo, outer) */
   Addr tls_lo, tls_hi; /* its own storage [tls_lo, tls_hi); empty if none */
} ThreadParts;

static MR_Threads      rt_snaps;
static ThreadParts*    rt_threads;    /* by stack address */
static OSet*           rt_table;      /* of MR_Root, by key */
static XArray*         rt_order;      /* of MR_Root*, in the order met */
static OSet*           rt_vars;       /* of FrameVars, by code address */
static DedupPoolAlloc* rt_names;      /* interned names, for all checks */

const HChar* MR_(str_root_kind)(MR_RootKind k)
{
   switch (k) {
   case MR_RootGlobal:    return "global";
   case MR_RootObject:    return "object";
   case MR_RootStack:     return "stack";
   case MR_RootStackRest: return "stack_rest";
   case MR_RootRegister:  return "register";
   case MR_RootTLS:       return "tls";
   case MR_RootMapping:   return "mapping";
   }
   tl_assert(0);
}

Word MR_(cmp_root_key)(const MR_RootKey* a, const MR_RootKey* b)
{
   if (a->kind != b->kind)     return a->kind < b->kind ? -1 : 1;
   if (a->tid != b->tid)       return a->tid < b->tid ? -1 : 1;
   if (a->exited != b->exited) return a->exited < b->exited ? -1 : 1;
   if (a->depth != b->depth)   return a->depth < b->depth ? -1 : 1;
   if (a->base != b->base)     return a->base < b->base ? -1 : 1;
   if (a->fn != b->fn)         return a->fn < b->fn ? -1 : 1;
   if (a->name != b->name)     return a->name < b->name ? -1 : 1;
   return 0;
}

static Word cmp_key_root(const void* key, const void* elem)
{
   return MR_(cmp_root_key)(key, &((const MR_Root*)elem)->key);
}

static const HChar* intern(const HChar* s)
{
   if (s == NULL)
      return NULL;
   if (rt_names == NULL)
      rt_names = VG_(newDedupPA)(4096, 1, VG_(malloc), "memroot.roots.names",
                                 VG_(free));
   return VG_(allocEltDedupPA)(rt_names, VG_(strlen)(s) + 1, s);
}

/*------------------------------------------------------------*/
/*--- Asking the core's debug info                          ---*/
/*------------------------------------------------------------*/

/* The core's DWARF evaluator says on the log, at every query, that it
   cannot evaluate some variable's location (DWARF 5's TLS variables:
   glibc's own ones, with libc6-dbg installed), unless the output is XML.
   memroot's queries are its own business: they are asked as if the
   output were XML, and the answers read as such. */
static Bool quiet_begin(void)
{
   Bool was = VG_(clo_xml);
   VG_(clo_xml) = True;
   return was;
}

static void quiet_end(Bool was)
{
   VG_(clo_xml) = was;
}

/* s with its tags dropped and its entities decoded, into buf. */
static void xml_to_text(const HChar* s, HChar* buf, SizeT n)
{
   static const struct { const HChar* ent; HChar c; } ents[] = {
      { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
      { "&quot;", '"' }, { "&apos;", '\'' } };
   SizeT o = 0;
   UInt  e;
   while (*s != '\0' && o + 1 < n) {
      if (*s == '<') {
         while (*s != '\0' && *s != '>')
            s++;
         if (*s == '>')
            s++;
         continue;
      }
      if (*s == '&') {
         for (e = 0; e < sizeof(ents) / sizeof(ents[0]); e++)
            if (VG_(strncmp)(s, ents[e].ent, VG_(strlen)(ents[e].ent)) == 0)
               break;
         if (e < sizeof(ents) / sizeof(ents[0])) {
            buf[o++] = ents[e].c;
            s += VG_(strlen)(ents[e].ent);
            continue;
         }
      }
      buf[o++] = *s++;
   }
   buf[o] = '\0';
}

/* s up to (not including) the first of stop, into buf. */
static const HChar* copy_until(HChar* buf, SizeT n, const HChar* s, HChar stop)
{
   SizeT i;
   for (i = 0; i + 1 < n && s[i] != '\0' && s[i] != stop; i++)
      buf[i] = s[i];
   buf[i] = '\0';
   return buf;
}

/* What var info says of the word at a: the variable and its selectors
   ("g_table[3].next", or "p" for a whole local), and where it is
   declared ("f.c:12", or "").  False when it knows nothing of a. */
static Bool describe_word(Addr a, HChar* what, SizeT n_what,
                          HChar* declared, SizeT n_declared)
{
   XArray* d1 = VG_(newXA)(VG_(malloc), "memroot.roots.d1", VG_(free), 1);
   XArray* d2 = VG_(newXA)(VG_(malloc), "memroot.roots.d2", VG_(free), 1);
   Bool    was = quiet_begin();
   Bool    known = VG_(get_data_description)(d1, d2, VG_(current_DiEpoch)(), a);
   quiet_end(was);
   if (known) {
      HChar text[512];
      const HChar *s, *q;
      xml_to_text(VG_(indexXA)(d1, 0), text, sizeof(text));
      /* "Location 0x.. is N bytes inside g.next[2]," or
         "... inside local var "p"" (or global var) */
      s = VG_(strstr)(text, " inside ");
      known = s != NULL;
      if (known) {
         s += 8;
         q = VG_(strstr)(s, " var \"");
         if (q != NULL && q - s <= 6)
            copy_until(what, n_what, q + 6, '"');
         else
            copy_until(what, n_what, s, ',');
         known = what[0] != '\0';
      }
      declared[0] = '\0';
      xml_to_text(VG_(indexXA)(d2, 0), text, sizeof(text));
      s = VG_(strstr)(text, "declared at ");
      if (s != NULL) {
         /* "declared at f.c:12, in frame #1 of thread 1 <file>.." */
         copy_until(declared, n_declared, s + 12, ',');
         q = VG_(strchr)(declared, ' ');
         if (q != NULL)
            declared[q - declared] = '\0';
      }
   }
   VG_(deleteXA)(d1);
   VG_(deleteXA)(d2);
   return known;
}

/* The variable of a description: "g_table[3].next" -> "g_table". */
static const HChar* variable_of(const HChar* what, HChar* buf, SizeT n)
{
   SizeT i;
   for (i = 0; i + 1 < n && what[i] != '\0' && what[i] != '.'
               && what[i] != '[' && what[i] != '-'; i++)
      buf[i] = what[i];
   buf[i] = '\0';
   return buf;
}

/* The local variables in scope at a code address, as the core lays them
   out from the frame's SP or FP; a caller's frame also takes those of
   the next byte, as the core's own lookup does (gcc's location lists
   may end at the call). */
typedef struct {
   Addr         ip;
   Bool         caller;
   XArray*      blocks;    /* of StackBlock */
   const HChar* fn;        /* the function, interned; or NULL */
} FrameVars;

static Word cmp_frame_vars(const void* key, const void* elem)
{
   const FrameVars* x = key;
   const FrameVars* y = elem;
   if (x->ip != y->ip)
      return x->ip < y->ip ? -1 : 1;
   return (Word)x->caller - (Word)y->caller;
}

static void add_stack_blocks(XArray* to, Addr ip)
{
   Bool    was = quiet_begin();
   XArray* b = VG_(di_get_stack_blocks_at_ip)(ip, False);
   Word    i;
   quiet_end(was);
   for (i = 0; i < VG_(sizeXA)(b); i++)
      VG_(addToXA)(to, VG_(indexXA)(b, i));
   VG_(deleteXA)(b);
}

static const FrameVars* frame_vars(Addr ip, Bool caller)
{
   FrameVars key = { ip, caller, NULL, NULL }, *fv;
   if (rt_vars == NULL)
      rt_vars = VG_(OSetGen_Create)(0, cmp_frame_vars, VG_(malloc),
                                    "memroot.roots.vars", VG_(free));
   fv = VG_(OSetGen_Lookup)(rt_vars, &key);
   if (fv == NULL) {
      const HChar* fn;
      fv = VG_(OSetGen_AllocNode)(rt_vars, sizeof(FrameVars));
      *fv = key;
      fv->blocks = VG_(newXA)(VG_(malloc), "memroot.roots.blocks", VG_(free),
                              sizeof(StackBlock));
      /* Also loads the object's debug info, if the core reads it
         lazily. */
      fv->fn = VG_(get_fnname)(VG_(current_DiEpoch)(), ip, &fn)
                  ? intern(fn) : NULL;
      add_stack_blocks(fv->blocks, ip);
      if (caller)
         add_stack_blocks(fv->blocks, ip + 1);
      VG_(OSetGen_Insert)(rt_vars, fv);
   }
   return fv;
}

static void drop_frame_vars(void)
{
   FrameVars* fv;
   if (rt_vars == NULL)
      return;
   VG_(OSetGen_ResetIter)(rt_vars);
   while ((fv = VG_(OSetGen_Next)(rt_vars)) != NULL)
      VG_(deleteXA)(fv->blocks);
   VG_(OSetGen_Destroy)(rt_vars);
   rt_vars = NULL;
}

/* The local of frame f of t that holds a, the smallest if scopes nest;
   its start into *start. */
static const StackBlock* local_at(const MR_ThreadSnap* t, UInt f, Addr a,
                                  Addr* start)
{
   const XArray*     blocks = frame_vars(t->ips[f], f > 0)->blocks;
   const StackBlock* best = NULL;
   Word i;
   for (i = 0; i < VG_(sizeXA)(blocks); i++) {
      const StackBlock* b = VG_(indexXA)(blocks, i);
      Addr at = (b->spRel ? t->sps[f] : t->fps[f]) + b->base;
      if (a >= at && a - at < b->szB && (best == NULL || b->szB < best->szB)) {
         best = b;
         *start = at;
      }
   }
   return best;
}

/*------------------------------------------------------------*/
/*--- Meeting roots                                         ---*/
/*------------------------------------------------------------*/

static void split_stack(ThreadParts* p, const MR_ThreadSnap* t)
{
   p->t = t;
   p->live_lo = t->sp - VG_STACK_REDZONE_SZB;
   if (p->live_lo < t->lo || p->live_lo > t->sp)
      p->live_lo = t->lo;
   p->outer = t->sps[t->n_frames - 1];
   if (p->outer < t->sp || p->outer > t->hi)
      p->outer = t->sp;
   p->tls_lo = p->tls_hi = 0;
   if (t->tp > p->outer && t->tp <= t->hi) {
      p->tls_lo = t->tp - p->outer > TLS_IN_STACK_MAX
                     ? t->tp - TLS_IN_STACK_MAX : p->outer;
      p->tls_hi = t->hi + 1;
   }
}

void MR_(roots_begin)(void)
{
   UInt i;
   tl_assert(rt_table == NULL);
   MR_(threads_now)(&rt_snaps);
   rt_threads = VG_(malloc)("memroot.roots.threads",
                            (rt_snaps.n ? rt_snaps.n : 1) * sizeof(ThreadParts));
   for (i = 0; i < rt_snaps.n; i++)
      split_stack(&rt_threads[i], rt_snaps.t[i]);
   rt_table = VG_(OSetGen_Create)(offsetof(MR_Root, key), cmp_key_root,
                                  VG_(malloc), "memroot.roots.table",
                                  VG_(free));
   rt_order = VG_(newXA)(VG_(malloc), "memroot.roots.order", VG_(free),
                         sizeof(MR_Root*));
}

void MR_(roots_end)(void)
{
   VG_(free)(rt_threads);
   rt_threads = NULL;
   MR_(threads_release)(&rt_snaps);
   VG_(OSetGen_Destroy)(rt_table);
   rt_table = NULL;
   VG_(deleteXA)(rt_order);
   rt_order = NULL;
   drop_frame_vars();
}

UInt MR_(roots_n)(void)
{
   return VG_(sizeXA)(rt_order);
}

MR_Root* MR_(roots_get)(UInt index)
{
   return *(MR_Root**)VG_(indexXA)(rt_order, index);
}

UInt MR_(roots_n_threads)(void)
{
   return rt_snaps.n;
}

const MR_ThreadSnap* MR_(roots_thread)(UInt i)
{
   tl_assert(i < rt_snaps.n);
   return rt_snaps.t[i];
}

static MR_Root* root_for(const MR_RootKey* key, Addr a, Int thread)
{
   MR_Root* r = VG_(OSetGen_Lookup)(rt_table, key);
   if (r == NULL) {
      r = VG_(OSetGen_AllocNode)(rt_table, sizeof(MR_Root));
      VG_(memset)(r, 0, sizeof(*r));
      r->key = *key;
      r->first_word = a;
      r->thread = thread;
      r->index = VG_(sizeXA)(rt_order);
      VG_(OSetGen_Insert)(rt_table, r);
      VG_(addToXA)(rt_order, &r);
   } else if (a < r->first_word) {
      r->first_word = a;
   }
   r->n_words++;
   return r;
}

/* The thread whose stack mapping holds a, or -1. */
static Int thread_of(Addr a)
{
   Int lo = 0, hi = (Int)rt_snaps.n - 1, found = -1;
   while (lo <= hi) {
      Int mid = lo + (hi - lo) / 2;
      if (rt_threads[mid].t->lo <= a) {
         found = mid;
         lo = mid + 1;
      } else {
         hi = mid - 1;
      }
   }
   return found != -1 && a <= rt_threads[found].t->hi ? found : -1;
}

/* The frame of t whose words hold a, in [live_lo, outer). */
static UInt frame_of(const MR_ThreadSnap* t, Addr a)
{
   UInt lo = 0, hi = t->n_frames - 1;    /* the answer is in [lo, hi) */
   if (a < t->sps[0] || hi == 0)
      return 0;
   while (hi - lo > 1) {
      UInt mid = lo + (hi - lo) / 2;
      if (t->sps[mid] <= a)
         lo = mid;
      else
         hi = mid;
   }
   return lo;
}

static MR_Root* stack_root(Int ti, Addr a)
{
   const ThreadParts*   p = &rt_threads[ti];
   const MR_ThreadSnap* t = p->t;
   MR_RootKey key;
   MR_Root*   r;

   VG_(memset)(&key, 0, sizeof(key));
   key.tid    = t->tid;
   key.exited = t->fate == MR_ThreadExited;
   if (a >= p->tls_lo && a < p->tls_hi) {
      key.kind = MR_RootTLS;
      return root_for(&key, a, ti);
   }
   if (a < p->live_lo || a >= p->outer) {
      key.kind  = MR_RootStackRest;
      key.depth = a < p->live_lo ? MR_BELOW_STACK_POINTER
                                 : MR_ABOVE_OUTERMOST_FRAME;
      return root_for(&key, a, ti);
   }
   {
      UInt f = frame_of(t, a);
      Addr start = 0;
      const StackBlock* local = local_at(t, f, a, &start);
      key.kind  = MR_RootStack;
      key.depth = t->n_frames - 1 - f;
      key.fn    = frame_vars(t->ips[f], f > 0)->fn;
      key.base  = key.fn == NULL ? t->ips[f] : 0;
      key.name  = local != NULL ? intern(local->name) : NULL;
      r = root_for(&key, a, ti);
      r->frame_no = f;
      r->ip = t->ips[f];
      return r;
   }
}

/* Static TLS and the control block of a thread whose thread pointer lies
   outside its stack: the words near it. */
static Int tls_thread(Addr a)
{
   UInt i;
   for (i = 0; i < rt_snaps.n; i++) {
      const ThreadParts* p = &rt_threads[i];
      Addr tp = p->t->tp;
      if (tp != 0 && p->tls_hi == 0 && a + TLS_BELOW >= tp
          && a < tp + TCB_ABOVE)
         return i;
   }
   return -1;
}

MR_Root* MR_(root_of_word)(Addr a)
{
   MR_RootKey   key;
   const HChar* name;
   PtrdiffT     offset;
   Int          ti;
   MR_Root*     r;

   ti = thread_of(a);
   if (ti != -1)
      return stack_root(ti, a);
   VG_(memset)(&key, 0, sizeof(key));
   ti = tls_thread(a);
   if (ti != -1) {
      key.kind   = MR_RootTLS;
      key.tid    = rt_threads[ti].t->tid;
      key.exited = rt_threads[ti].t->fate == MR_ThreadExited;
      return root_for(&key, a, ti);
   }
   if (VG_(get_datasym_and_offset)(VG_(current_DiEpoch)(), a, &name,
                                   &offset)) {
      key.kind = MR_RootGlobal;
      key.base = a - offset;
      key.name = intern(name);
      return root_for(&key, a, -1);
   }
   {
      NSegment const* seg = VG_(am_find_nsegment)(a);
      tl_assert(seg != NULL);
      key.base = seg->start;
      if (VG_(DebugInfo_sect_kind)(&name, a) != Vg_SectUnknown) {
         key.kind = MR_RootObject;
         key.name = intern(name);
      } else {
         key.kind = MR_RootMapping;
         key.name = seg->kind == SkFileC ? intern(VG_(am_get_filename)(seg))
                                         : NULL;
      }
      r = root_for(&key, a, -1);
      r->seg_end = seg->end;
      return r;
   }
}

MR_Root* MR_(root_of_register)(ThreadId tid, const HChar* regname)
{
   MR_RootKey key;
   Int        ti = -1;
   UInt       i;
   for (i = 0; i < rt_snaps.n; i++)
      if (rt_snaps.t[i]->tid == tid && rt_snaps.t[i]->fate != MR_ThreadExited)
         ti = i;
   VG_(memset)(&key, 0, sizeof(key));
   key.kind = MR_RootRegister;
   key.tid  = tid;
   key.name = intern(regname);
   return root_for(&key, 0, ti);
}

/*------------------------------------------------------------*/
/*--- Names                                                 ---*/
/*------------------------------------------------------------*/

const HChar* MR_(ip_function)(Addr ip)
{
   const HChar* fn;
   return VG_(get_fnname)(VG_(current_DiEpoch)(), ip, &fn) ? fn : NULL;
}

const HChar* MR_(ip_text)(Addr ip, HChar* buf, SizeT n)
{
   DiEpoch      ep = VG_(current_DiEpoch)();
   const HChar *fn, *file, *dir, *obj;
   UInt         line;
   HChar        fnbuf[256];

   if (VG_(get_fnname)(ep, ip, &fn))
      VG_(snprintf)(fnbuf, sizeof(fnbuf), "%s", fn);
   else
      VG_(strcpy)(fnbuf, "???");
   if (VG_(get_filename_linenum)(ep, ip, &file, &dir, &line))
      VG_(snprintf)(buf, n, "%#lX: %s (%s:%u)", ip, fnbuf, file, line);
   else if (VG_(get_objname)(ep, ip, &obj))
      VG_(snprintf)(buf, n, "%#lX: %s (in %s)", ip, fnbuf, obj);
   else
      VG_(snprintf)(buf, n, "%#lX: %s", ip, fnbuf);
   return buf;
}

const HChar* MR_(thread_label)(const MR_ThreadSnap* t, HChar* buf, SizeT n)
{
   VG_(snprintf)(buf, n, "%sthread %u",
                 t->fate == MR_ThreadExited ? "exited " : "", t->tid);
   return buf;
}

static const HChar* root_thread_label(const MR_Root* r, HChar* buf, SizeT n)
{
   VG_(snprintf)(buf, n, "%sthread %u", r->key.exited ? "exited " : "",
                 r->key.tid);
   return buf;
}

const HChar* MR_(root_object)(const MR_Root* r)
{
   const HChar* obj;
   if (VG_(DebugInfo_sect_kind)(&obj, r->first_word) != Vg_SectUnknown)
      return obj;
   return NULL;
}

/* The address a has in the object's own symbol table (what nm and
   objdump show): a less the object's load bias. */
static Addr object_address(const HChar* obj, Addr a)
{
   const DebugInfo* di;
   for (di = VG_(next_DebugInfo)(NULL); di != NULL; di = VG_(next_DebugInfo)(di)) {
      const HChar* f = VG_(DebugInfo_get_filename)(di);
      if (f != NULL && VG_(strcmp)(f, obj) == 0)
         return a - VG_(DebugInfo_get_text_bias)(di);
   }
   return a;
}

const HChar* MR_(root_name)(const MR_Root* r, HChar* buf, SizeT n)
{
   const MR_RootKey* k = &r->key;
   HChar who[64];
   switch (k->kind) {
   case MR_RootGlobal: {
      const HChar* obj = MR_(root_object)(r);
      VG_(snprintf)(buf, n, "global %s%s%s", k->name, obj ? " in " : "",
                    obj ? obj : "");
      break;
   }
   case MR_RootObject:
      if (r->n_words > 1)
         VG_(snprintf)(buf, n, "data of %s at +%#lx and %'u more words,"
                       " no symbol", k->name,
                       object_address(k->name, r->first_word), r->n_words - 1);
      else
         VG_(snprintf)(buf, n, "data of %s at +%#lx, no symbol", k->name,
                       object_address(k->name, r->first_word));
      break;
   case MR_RootStack: {
      HChar local[64] = "", where[300];
      if (k->name != NULL)
         VG_(snprintf)(local, sizeof(local), "local %s in ", k->name);
      VG_(snprintf)(buf, n, "%sframe #%u of %s, %s", local, r->frame_no,
                    root_thread_label(r, who, sizeof(who)),
                    MR_(ip_text)(r->ip, where, sizeof(where)));
      break;
   }
   case MR_RootStackRest:
      VG_(snprintf)(buf, n, "%s's stack %s",
                    root_thread_label(r, who, sizeof(who)),
                    k->depth == MR_BELOW_STACK_POINTER
                       ? "below its stack pointer"
                       : "above its outermost frame");
      break;
   case MR_RootRegister:
      VG_(snprintf)(buf, n, "register %s of thread %u", k->name, k->tid);
      break;
   case MR_RootTLS:
      VG_(snprintf)(buf, n, "thread-local storage of %s",
                    root_thread_label(r, who, sizeof(who)));
      break;
   case MR_RootMapping:
      if (k->name != NULL)
         VG_(snprintf)(buf, n, "file mapping %s (%#lx-%#lx)", k->name,
                       k->base, r->seg_end);
      else
         VG_(snprintf)(buf, n, "anonymous mapping %#lx-%#lx", k->base,
                       r->seg_end);
      break;
   }
   return buf;
}

const HChar* MR_(root_part_name)(const MR_Root* r, HChar* buf, SizeT n)
{
   switch (r->key.kind) {
   case MR_RootStackRest:
      return r->key.depth == MR_BELOW_STACK_POINTER
                ? "the stack below its stack pointer"
                : "the stack above its outermost frame";
   case MR_RootTLS:
      return "thread-local storage";
   case MR_RootRegister:
      VG_(snprintf)(buf, n, "register %s", r->key.name);
      return buf;
   default:
      tl_assert(0);
   }
}

void MR_(pp_root_declaration)(const MR_Root* r, const HChar* indent)
{
   HChar what[200], declared[200], var[200];
   if (r->key.kind != MR_RootGlobal && r->key.kind != MR_RootStack)
      return;
   /* The core describes locals of live threads' 8 innermost frames
      only: asking about others costs a walk of every global variable. */
   if (r->key.kind == MR_RootStack
       && (r->key.name == NULL || r->frame_no >= 8 || r->thread < 0
           || MR_(roots_thread)(r->thread)->fate != MR_ThreadLive))
      return;
   if (!describe_word(r->first_word, what, sizeof(what),
                      declared, sizeof(declared)) || declared[0] == '\0')
      return;
   /* It might see another variable there than the one named. */
   if (r->key.kind == MR_RootStack
       && VG_(strncmp)(variable_of(what, var, sizeof(var)), r->key.name,
                       VG_(strlen)(r->key.name)) != 0)
      return;
   VG_(umsg)("%sdeclared at %s\n", indent, declared);
}

void MR_(root_word_text)(const MR_Root* r, Addr a, HChar* buf, SizeT n)
{
   HChar what[200], declared[200];
   switch (r->key.kind) {
   case MR_RootRegister:
      VG_(snprintf)(buf, n, "register %s of thread %u", r->key.name,
                    r->key.tid);
      return;
   case MR_RootStack:
      if (r->key.name != NULL) {
         const MR_ThreadSnap* t = MR_(roots_thread)(r->thread);
         Addr start = a;
         (void)local_at(t, r->frame_no, a, &start);
         if (a == start)
            VG_(snprintf)(buf, n, "%s (%#lx)", r->key.name, a);
         else
            VG_(snprintf)(buf, n, "%s+%lu (%#lx)", r->key.name, a - start, a);
      } else {
         VG_(snprintf)(buf, n, "stack word %#lx", a);
      }
      return;
   case MR_RootGlobal:
   case MR_RootObject:
      if (describe_word(a, what, sizeof(what), declared, sizeof(declared))) {
         VG_(snprintf)(buf, n, "%s (%#lx)", what, a);
         return;
      }
      if (r->key.kind == MR_RootGlobal)
         VG_(snprintf)(buf, n, "%s+%lu (%#lx)", r->key.name, a - r->key.base,
                       a);
      else
         VG_(snprintf)(buf, n, "data at +%#lx (%#lx)",
                       object_address(r->key.name, a), a);
      return;
   case MR_RootTLS:
      if (r->thread >= 0) {
         /* glibc's layout: static TLS below the thread pointer, the
            thread's control block (struct pthread) at it. */
         Addr tp = MR_(roots_thread)(r->thread)->tp;
         if (a >= tp)
            VG_(snprintf)(buf, n, "control block +%'lu (%#lx)", a - tp, a);
         else
            VG_(snprintf)(buf, n, "static TLS -%'lu (%#lx)", tp - a, a);
         return;
      }
      VG_(snprintf)(buf, n, "word %#lx", a);
      return;
   case MR_RootStackRest:
      VG_(snprintf)(buf, n, "stack word %#lx", a);
      return;
   default:
      VG_(snprintf)(buf, n, "word %#lx", a);
      return;
   }
}
