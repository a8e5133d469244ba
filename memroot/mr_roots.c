/* memroot roots: names for root words.  A word on a thread's live stack
   belongs to a frame (to a local variable, with --read-var-info=yes);
   near a thread's thread pointer, to its TLS; elsewhere to the data
   symbol around it, the object file's data, or the mapping it lies in.

   Copyright (C) 2026 the memroot developers.
   SPDX-License-Identifier: GPL-2.0-or-later
   This file is part of memroot, free software under the GNU General Public
   License, version 2 or (at your option) any later version; see COPYING. */

#include "pub_tool_aspacemgr.h"
#include "pub_tool_debuginfo.h"
#include "pub_tool_deduppoolalloc.h"
#include "pub_tool_machine.h"
#include "pub_tool_oset.h"
#include "pub_tool_stacktrace.h"
#include "pub_tool_threadstate.h"
#include "pub_tool_xarray.h"
#include "libvex_guest_amd64.h"
#include "mr_roots.h"

/* Frames deeper than this are counted with the deepest one unwound. */
#define MAX_FRAMES 1024
/* Static TLS lies below the thread pointer, the thread's control block
   above it; words this close to it are taken as the thread's. */
#define TLS_BELOW 4096
#define TCB_ABOVE 4096

typedef struct {
   ThreadId tid;
   Addr     sp, top;        /* the live stack */
   Addr     tp;             /* thread pointer (fs base); 0 if unknown */
   UInt     n_frames;
   Addr*    ips;
   Addr*    sps;
} ThreadSnap;

static ThreadSnap*     rt_threads;
static UInt            rt_n_threads;
static OSet*           rt_table;      /* of MR_Root, by key */
static XArray*         rt_order;      /* of MR_Root*, in the order met */
static DedupPoolAlloc* rt_names;      /* interned names, for all checks */

const HChar* MR_(str_root_kind)(MR_RootKind k)
{
   switch (k) {
   case MR_RootGlobal:   return "global";
   case MR_RootObject:   return "object";
   case MR_RootStack:    return "stack";
   case MR_RootRegister: return "register";
   case MR_RootTLS:      return "tls";
   case MR_RootMapping:  return "mapping";
   }
   tl_assert(0);
}

Word MR_(cmp_root_key)(const MR_RootKey* a, const MR_RootKey* b)
{
   if (a->kind != b->kind)   return a->kind < b->kind ? -1 : 1;
   if (a->tid != b->tid)     return a->tid < b->tid ? -1 : 1;
   if (a->depth != b->depth) return a->depth < b->depth ? -1 : 1;
   if (a->base != b->base)   return a->base < b->base ? -1 : 1;
   if (a->name != b->name)   return a->name < b->name ? -1 : 1;
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

static Addr thread_pointer(ThreadId tid)
{
   Addr tp = 0;
#if defined(VGA_amd64)
   VG_(get_shadow_regs_area)(tid, (UChar*)&tp, 0,
                             offsetof(VexGuestAMD64State, guest_FS_CONST),
                             sizeof(tp));
#endif
   return tp;
}

void MR_(roots_begin)(void)
{
   ThreadId tid;
   Addr     sp, top;
   UInt     i = 0;

   tl_assert(rt_table == NULL);
   rt_n_threads = 0;
   VG_(thread_stack_reset_iter)(&tid);
   while (VG_(thread_stack_next)(&tid, &sp, &top))
      rt_n_threads++;
   rt_threads = VG_(malloc)("memroot.roots.threads",
                            (rt_n_threads ? rt_n_threads : 1)
                            * sizeof(ThreadSnap));
   VG_(thread_stack_reset_iter)(&tid);
   while (VG_(thread_stack_next)(&tid, &sp, &top)) {
      ThreadSnap* t = &rt_threads[i++];
      t->tid = tid;
      t->sp  = sp;
      t->top = top;
      t->tp  = thread_pointer(tid);
      t->ips = VG_(malloc)("memroot.roots.ips", MAX_FRAMES * sizeof(Addr));
      t->sps = VG_(malloc)("memroot.roots.sps", MAX_FRAMES * sizeof(Addr));
      t->n_frames = VG_(get_StackTrace)(tid, t->ips, MAX_FRAMES, t->sps,
                                        NULL, 0);
   }
   rt_table = VG_(OSetGen_Create)(offsetof(MR_Root, key), cmp_key_root,
                                  VG_(malloc), "memroot.roots.table",
                                  VG_(free));
   rt_order = VG_(newXA)(VG_(malloc), "memroot.roots.order", VG_(free),
                         sizeof(MR_Root*));
}

void MR_(roots_end)(void)
{
   UInt i;
   for (i = 0; i < rt_n_threads; i++) {
      VG_(free)(rt_threads[i].ips);
      VG_(free)(rt_threads[i].sps);
   }
   VG_(free)(rt_threads);
   rt_threads = NULL;
   VG_(OSetGen_Destroy)(rt_table);
   rt_table = NULL;
   VG_(deleteXA)(rt_order);
   rt_order = NULL;
}

UInt MR_(roots_n)(void)
{
   return VG_(sizeXA)(rt_order);
}

MR_Root* MR_(roots_get)(UInt index)
{
   return *(MR_Root**)VG_(indexXA)(rt_order, index);
}

static MR_Root* root_for(const MR_RootKey* key, Addr a)
{
   MR_Root* r = VG_(OSetGen_Lookup)(rt_table, key);
   if (r == NULL) {
      r = VG_(OSetGen_AllocNode)(rt_table, sizeof(MR_Root));
      VG_(memset)(r, 0, sizeof(*r));
      r->key = *key;
      r->first_word = a;
      r->index = VG_(sizeXA)(rt_order);
      VG_(OSetGen_Insert)(rt_table, r);
      VG_(addToXA)(rt_order, &r);
   } else if (a < r->first_word) {
      r->first_word = a;
   }
   return r;
}

/* With var info, the core describes a word as "Location 0x.. is N bytes
   inside local var "p"" or "... inside p.next[2]": the variable is the
   quoted name, or the description up to its first selector. */
static const HChar* variable_of(const HChar* descr)
{
   static HChar name[128];
   const HChar* s = VG_(strstr)(descr, " inside ");
   UInt n = 0;
   if (s == NULL)
      return NULL;
   s += 8;
   if (VG_(strncmp)(s, "local var \"", 11) == 0
       || VG_(strncmp)(s, "global var \"", 12) == 0) {
      s = VG_(strchr)(s, '"') + 1;
      while (s[n] != '\0' && s[n] != '"' && n < sizeof(name) - 1)
         n++;
   } else {
      while (s[n] != '\0' && s[n] != '.' && s[n] != '[' && s[n] != ','
             && s[n] != ' ' && n < sizeof(name) - 1)
         n++;
   }
   VG_(memcpy)(name, s, n);
   name[n] = '\0';
   return n > 0 ? name : NULL;
}

/* The core's description of a with var info, or False. */
static Bool data_description(Addr a, XArray** d1, XArray** d2)
{
   *d1 = VG_(newXA)(VG_(malloc), "memroot.roots.d1", VG_(free), 1);
   *d2 = VG_(newXA)(VG_(malloc), "memroot.roots.d2", VG_(free), 1);
   if (VG_(get_data_description)(*d1, *d2, VG_(current_DiEpoch)(), a))
      return True;
   VG_(deleteXA)(*d1);
   VG_(deleteXA)(*d2);
   return False;
}

static const HChar* local_variable(Addr a)
{
   XArray *d1, *d2;
   const HChar* name;
   if (!data_description(a, &d1, &d2))
      return NULL;
   name = intern(variable_of(VG_(indexXA)(d1, 0)));
   VG_(deleteXA)(d1);
   VG_(deleteXA)(d2);
   return name;
}

static Bool stack_root(Addr a, MR_RootKey* key, UInt* frame_no)
{
   UInt i, f;
   for (i = 0; i < rt_n_threads; i++) {
      const ThreadSnap* t = &rt_threads[i];
      if (a < t->sp || a > t->top)
         continue;
      /* Frame f holds [sps[f], sps[f+1]); the outermost, the rest. */
      for (f = 0; f + 1 < t->n_frames && a >= t->sps[f + 1]; f++)
         ;
      key->kind  = MR_RootStack;
      key->tid   = t->tid;
      key->depth = t->n_frames - 1 - f;
      key->base  = t->n_frames ? t->ips[f] : 0;
      key->name  = local_variable(a);
      *frame_no  = f;
      return True;
   }
   return False;
}

static Bool tls_root(Addr a, MR_RootKey* key)
{
   UInt i;
   for (i = 0; i < rt_n_threads; i++) {
      const ThreadSnap* t = &rt_threads[i];
      if (t->tp != 0 && a + TLS_BELOW >= t->tp && a < t->tp + TCB_ABOVE) {
         key->kind = MR_RootTLS;
         key->tid  = t->tid;
         return True;
      }
   }
   return False;
}

MR_Root* MR_(root_of_word)(Addr a)
{
   MR_RootKey   key;
   UInt         frame_no = 0;
   const HChar* name;
   PtrdiffT     offset;
   MR_Root*     r;

   VG_(memset)(&key, 0, sizeof(key));
   if (stack_root(a, &key, &frame_no)) {
      r = root_for(&key, a);
      r->frame_no = frame_no;
      return r;
   }
   if (tls_root(a, &key))
      return root_for(&key, a);
   if (VG_(get_datasym_and_offset)(VG_(current_DiEpoch)(), a, &name,
                                   &offset)) {
      key.kind = MR_RootGlobal;
      key.base = a - offset;
      key.name = intern(name);
      return root_for(&key, a);
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
      r = root_for(&key, a);
      r->seg_end = seg->end;
      return r;
   }
}

MR_Root* MR_(root_of_register)(ThreadId tid, const HChar* regname)
{
   MR_RootKey key;
   VG_(memset)(&key, 0, sizeof(key));
   key.kind = MR_RootRegister;
   key.tid  = tid;
   key.name = intern(regname);
   return root_for(&key, 0);
}

/*------------------------------------------------------------*/
/*--- Words for roots                                       ---*/
/*------------------------------------------------------------*/

const HChar* MR_(root_object)(const MR_Root* r)
{
   const HChar* obj;
   if (VG_(DebugInfo_sect_kind)(&obj, r->first_word) != Vg_SectUnknown)
      return obj;
   return NULL;
}

const HChar* MR_(root_name)(const MR_Root* r, HChar* buf, SizeT n)
{
   const MR_RootKey* k = &r->key;
   switch (k->kind) {
   case MR_RootGlobal: {
      const HChar* obj = MR_(root_object)(r);
      VG_(snprintf)(buf, n, "global %s%s%s", k->name, obj ? " in " : "",
                    obj ? obj : "");
      break;
   }
   case MR_RootObject:
      VG_(snprintf)(buf, n, "data of %s at %#lx-%#lx (no symbol)", k->name,
                    k->base, r->seg_end);
      break;
   case MR_RootStack: {
      HChar local[140] = "";
      if (k->name != NULL)
         VG_(snprintf)(local, sizeof(local), "local %s in ", k->name);
      VG_(snprintf)(buf, n, "%sframe #%u of thread %u, %s", local,
                    r->frame_no, k->tid,
                    VG_(describe_IP)(VG_(current_DiEpoch)(), k->base, NULL));
      break;
   }
   case MR_RootRegister:
      VG_(snprintf)(buf, n, "register %s of thread %u", k->name, k->tid);
      break;
   case MR_RootTLS:
      VG_(snprintf)(buf, n, "thread-local storage of thread %u", k->tid);
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

/* s up to (not including) the first of stop, into buf. */
static const HChar* copy_until(HChar* buf, SizeT n, const HChar* s, HChar stop)
{
   SizeT i;
   for (i = 0; i + 1 < n && s[i] != '\0' && s[i] != stop; i++)
      buf[i] = s[i];
   buf[i] = '\0';
   return buf;
}

void MR_(pp_root_declaration)(const MR_Root* r, const HChar* indent)
{
   XArray *d1, *d2;
   const HChar* declared;
   HChar buf[256];
   if (r->key.kind != MR_RootGlobal && r->key.kind != MR_RootStack)
      return;
   if (!data_description(r->first_word, &d1, &d2))
      return;
   /* "declared at f.c:12, in frame #1 of thread 1": the frame is already
      in the name. */
   declared = VG_(strstr)(VG_(indexXA)(d2, 0), "declared at ");
   if (declared != NULL)
      VG_(umsg)("%s%s\n", indent, copy_until(buf, sizeof(buf), declared, ','));
   VG_(deleteXA)(d1);
   VG_(deleteXA)(d2);
}

void MR_(root_word_text)(const MR_Root* r, Addr a, HChar* buf, SizeT n)
{
   XArray *d1, *d2;
   if (r->key.kind == MR_RootRegister) {
      VG_(snprintf)(buf, n, "register %s of thread %u", r->key.name,
                    r->key.tid);
      return;
   }
   if ((r->key.kind == MR_RootGlobal || r->key.kind == MR_RootStack)
       && data_description(a, &d1, &d2)) {
      /* "... inside g.next[2]," -> "g.next[2]";
         "... inside local var "p"" -> "p" */
      const HChar* d = VG_(indexXA)(d1, 0);
      const HChar* s = VG_(strstr)(d, " inside ");
      HChar what[200];
      tl_assert(s != NULL);
      if (VG_(strstr)(s, " var \"") != NULL)
         VG_(snprintf)(what, sizeof(what), "%s", variable_of(d));
      else
         copy_until(what, sizeof(what), s + 8, ',');
      VG_(snprintf)(buf, n, "%s (%#lx)", what, a);
      VG_(deleteXA)(d1);
      VG_(deleteXA)(d2);
      return;
   }
   switch (r->key.kind) {
   case MR_RootGlobal:
      VG_(snprintf)(buf, n, "%s+%lu (%#lx)", r->key.name, a - r->key.base, a);
      break;
   case MR_RootStack:
      VG_(snprintf)(buf, n, "stack word %#lx", a);
      break;
   default:
      VG_(snprintf)(buf, n, "word %#lx", a);
      break;
   }
}
