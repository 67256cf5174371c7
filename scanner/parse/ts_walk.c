// See ts_walk.h. Mirrors tree_cursor.c of the pinned runtime (0.25): a
// child's position is its parent's plus the sizes of the siblings before it
// and its own padding; a hidden child's children count as its parent's; an
// alias (per production and structural child index) makes a child visible
// and renames it; extras take no alias. ps_child_by_field_id mirrors
// node.c's ts_node_child_by_field_id on the same rules (tests/parse/
// ts_walk_test.cpp holds both to the runtime's answers).
#include "ts_walk.h"

#include <stdlib.h>
#include <string.h>

#include "./language.h"
#include "./length.h"
#include "./subtree.h"
#include "./tree.h"

typedef struct {
  const Subtree *children;
  uint32_t count;
  uint32_t index;
  uint32_t structural;  // index among non-extra children (for the alias sequence)
  const TSSymbol *aliases;
  Length position;      // start of children[index]
  uint32_t depth;       // depth of the visible nodes among children
} Frame;

// The first frames live on the C stack: most walks (an expression's
// summary) are shallow, and a heap block of this size is one glibc serves
// from its large bins, where a request also merges every small block freed
// since (a whole freed tree's worth).
enum { kInlineFrames = 48 };

typedef struct {
  Frame *frames;
  uint32_t size, capacity;
  Frame inline_frames[kInlineFrames];
} Stack;

// Inlined: a walk pushes a frame for every hidden node too (a repetition's
// helper nodes nest log-deep), and as a call it kept the stack in memory.
static inline __attribute__((always_inline)) bool push(Stack *s, const TSTree *tree, const Subtree *parent, Length position, uint32_t depth) {
  if (s->size == s->capacity) {
    uint32_t cap = s->capacity * 2;
    Frame *f = s->frames == s->inline_frames ? malloc(cap * sizeof(Frame)) : realloc(s->frames, cap * sizeof(Frame));
    if (!f) return false;
    if (s->frames == s->inline_frames) memcpy(f, s->inline_frames, sizeof(s->inline_frames));
    s->frames = f;
    s->capacity = cap;
  }
  Frame *f = &s->frames[s->size++];
  f->children = ts_subtree_children(*parent);
  f->count = ts_subtree_child_count(*parent);
  f->index = 0;
  f->structural = 0;
  f->aliases = ts_language_alias_sequence(tree->language, parent->ptr->production_id);
  f->position = position;  // a parent starts where its first child does (they share the padding)
  f->depth = depth;
  return true;
}

static void walk(TSNode root, PsWalkVisit visit, void *ctx, bool named_only, const uint8_t *wanted) {
  if (ts_node_is_null(root) || (named_only && !ts_node_is_named(root))) return;
  if (visit(ctx, root, 0) != PS_WALK_ENTER) return;
  const TSTree *tree = root.tree;
  const uint32_t wanted_count = wanted ? ts_language_symbol_count(tree->language) : 0;
  const Subtree *subtree = (const Subtree *)root.id;
  if (ts_subtree_child_count(*subtree) == 0) return;
  Stack s;
  s.frames = s.inline_frames;
  s.size = 0;
  s.capacity = kInlineFrames;
  Length start = {ts_node_start_byte(root), ts_node_start_point(root)};
  if (!push(&s, tree, subtree, start, 1)) return;
  Frame *f = &s.frames[0];  // the top frame, reloaded only when the stack changes
  for (;;) {
    if (f->index == f->count) {
      if (--s.size == 0) break;
      f = &s.frames[s.size - 1];
      continue;
    }
    const Subtree *child = &f->children[f->index];
    Length position = f->position;
    uint32_t depth = f->depth;
    TSSymbol alias = 0;
    if (!ts_subtree_extra(*child)) {
      if (f->aliases) alias = f->aliases[f->structural];
      f->structural++;
    }
    f->index++;
    if (f->index < f->count)
      f->position = length_add(length_add(position, ts_subtree_size(*child)), ts_subtree_padding(f->children[f->index]));
    if (ts_subtree_visible(*child) || alias) {
      if (named_only && !(alias ? ts_language_symbol_metadata(tree->language, alias).named : ts_subtree_named(*child)))
        continue;  // an anonymous token ("(", ";"): never entered either
      TSSymbol symbol = alias ? alias : ts_subtree_symbol(*child);
      if (wanted && (symbol >= wanted_count || !wanted[symbol])) {  // ERROR is 65535, past every table
        // Entered without a call, as if visit had said ENTER.
        if (ts_subtree_child_count(*child) > 0) {
          if (!push(&s, tree, child, position, depth + 1)) break;
          f = &s.frames[s.size - 1];
        }
        continue;
      }
      // What ts_node_new builds, without the call.
      TSNode node = {{position.bytes, position.extent.row, position.extent.column, alias}, child, tree};
      PsWalkStep step = visit(ctx, node, depth);
      if (step == PS_WALK_STOP) break;
      if (step == PS_WALK_ENTER && ts_subtree_child_count(*child) > 0) {
        if (!push(&s, tree, child, position, depth + 1)) break;
        f = &s.frames[s.size - 1];
      }
    } else if (ts_subtree_visible_child_count(*child) > 0) {
      if (!push(&s, tree, child, position, depth)) break;  // hidden: its children are its parent's
      f = &s.frames[s.size - 1];
    }
  }
  if (s.frames != s.inline_frames) free(s.frames);
}

void ps_walk(TSNode root, PsWalkVisit visit, void *ctx) { walk(root, visit, ctx, false, NULL); }

void ps_walk_named(TSNode root, PsWalkVisit visit, void *ctx) { walk(root, visit, ctx, true, NULL); }

void ps_walk_named_wanted(TSNode root, const uint8_t *wanted, PsWalkVisit visit, void *ctx) { walk(root, visit, ctx, true, wanted); }

typedef struct {
  PsChildVisit visit;
  void *ctx;
} EachChild;

static PsWalkStep each_child_step(void *p, TSNode node, uint32_t depth) {
  if (depth == 0) return PS_WALK_ENTER;
  const EachChild *e = (const EachChild *)p;
  return e->visit(e->ctx, node) ? PS_WALK_SKIP : PS_WALK_STOP;
}

void ps_each_named_child(TSNode node, PsChildVisit visit, void *ctx) {
  if (ts_node_is_null(node)) return;
  if (!ts_node_is_named(node)) {  // the walk starts only at named nodes: the runtime's way
    uint32_t n = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < n; i++)
      if (!visit(ctx, ts_node_named_child(node, i))) return;
    return;
  }
  EachChild e = {visit, ctx};
  walk(node, each_child_step, &e, true, NULL);
}

void ps_walk_wanted_table(const TSLanguage *language, const uint8_t *by_public, uint8_t *by_symbol) {
  uint32_t n = ts_language_symbol_count(language);
  for (uint32_t s = 0; s < n; s++) by_symbol[s] = by_public[ts_language_public_symbol(language, (TSSymbol)s)];
}

// A node's children in order, as tree_cursor.c and node.c's iterator see
// them: each with its position and, unless it is an extra, its alias.
typedef struct {
  const TSTree *tree;
  const Subtree *children;
  uint32_t count, index, structural;  // structural: non-extra children passed so far
  const TSSymbol *aliases;
  Length position;  // where the next child's padding starts (its start, for the first)
} Children;

static inline Children children_of(TSNode node) {  // node has children
  const Subtree *st = (const Subtree *)node.id;
  Children c = {node.tree, ts_subtree_children(*st), ts_subtree_child_count(*st), 0, 0,
                ts_language_alias_sequence(node.tree->language, st->ptr->production_id),
                {node.context[0], {node.context[1], node.context[2]}}};
  return c;
}

static inline bool next_child(Children *c, TSNode *out) {
  if (c->index == c->count) return false;
  const Subtree *child = &c->children[c->index];
  if (c->index > 0) c->position = length_add(c->position, ts_subtree_padding(*child));
  TSSymbol alias = 0;
  if (!ts_subtree_extra(*child)) {
    if (c->aliases) alias = c->aliases[c->structural];
    c->structural++;
  }
  *out = (TSNode){{c->position.bytes, c->position.extent.row, c->position.extent.column, alias}, child, c->tree};
  c->position = length_add(c->position, ts_subtree_size(*child));
  c->index++;
  return true;
}

static inline bool is_visible(TSNode n) { return ts_subtree_visible(*(const Subtree *)n.id) || n.context[3]; }

// A hidden node with visible nodes under it.
static inline bool hides_visible(TSNode n) {
  const Subtree *st = (const Subtree *)n.id;
  return ts_subtree_child_count(*st) > 0 && st->ptr->visible_child_count > 0;
}

// The first visible descendant in order, entering hidden children that have
// visible ones: ts_node_child(node, 0).
static TSNode first_visible(TSNode parent) {
  Children c = children_of(parent);
  TSNode child;
  while (next_child(&c, &child)) {
    if (is_visible(child)) return child;
    if (hides_visible(child)) c = children_of(child);
  }
  return (TSNode){{0, 0, 0, 0}, NULL, NULL};
}

TSNode ps_child_by_field_id(TSNode node, TSFieldId field) {
  const TSNode none = {{0, 0, 0, 0}, NULL, NULL};
  if (!field || ts_node_is_null(node)) return none;
  const Subtree *st = (const Subtree *)node.id;
  if (ts_subtree_child_count(*st) == 0 || st->ptr->visible_child_count == 0) return none;
  const TSFieldMapEntry *entry, *end;
  ts_language_field_map(node.tree->language, st->ptr->production_id, &entry, &end);
  while (entry != end && entry->field_id < field) entry++;
  const TSFieldMapEntry *last = entry;
  for (; last != end && last->field_id == field; last++)
    if (last->inherited) return ts_node_child_by_field_id(node, field);
  if (entry == last) return none;

  Children c = children_of(node);
  TSNode child;
  while (next_child(&c, &child)) {
    if (ts_subtree_extra(*(const Subtree *)child.id) || c.structural - 1 < entry->child_index) continue;
    if (is_visible(child)) return child;
    if (hides_visible(child)) return first_visible(child);
    if (++entry == last) return none;  // an empty hidden node: the field's next position
  }
  return none;
}
