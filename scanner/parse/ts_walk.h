#pragma once
// A pre-order walk over the visible nodes of a tree-sitter subtree, the
// nodes a TSTreeCursor walk visits, in the same order. It reads the pinned
// runtime's subtrees directly (ts_walk.c): the cursor rebuilds a child
// iterator for every step and cost about a fifth of parsing the tree.
#include <stdbool.h>
#include <stdint.h>
#include <tree_sitter/api.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { PS_WALK_SKIP = 0, PS_WALK_ENTER = 1, PS_WALK_STOP = 2 } PsWalkStep;

// Called for each visible node with its depth below the root (0 for the
// root): ENTER visits its children next, SKIP goes on after its subtree,
// STOP ends the walk.
typedef PsWalkStep (*PsWalkVisit)(void *ctx, TSNode node, uint32_t depth);

void ps_walk(TSNode root, PsWalkVisit visit, void *ctx);

// The same walk over named nodes only: anonymous tokens ("(", ";") are
// passed over without a call and not entered, as if visit had returned
// SKIP. Depths are those ps_walk reports.
void ps_walk_named(TSNode root, PsWalkVisit visit, void *ctx);

// ps_walk_named, calling visit only for nodes whose symbol is wanted (a
// table from ps_walk_wanted_table); the others are entered without a call,
// as if visit had returned ENTER. The root is always visited. Most named
// nodes (statements, operators, argument lists) are only passed through.
// Symbols past the table (the runtime's ERROR, 65535) are never wanted.
void ps_walk_named_wanted(TSNode root, const uint8_t *wanted, PsWalkVisit visit, void *ctx);

// The table ps_walk_named_wanted reads, from one indexed by the public
// symbols ts_node_symbol returns (ts_language_symbol_count entries each):
// the walk reads the runtime's own symbols, aliases included.
void ps_walk_wanted_table(const TSLanguage *language, const uint8_t *by_public, uint8_t *by_symbol);

// The named children of a node in order, as ts_node_named_child(node, 0),
// (node, 1), ... return them, in one pass: the runtime's call starts over
// from the first child each time. visit returns false to stop.
typedef bool (*PsChildVisit)(void *ctx, TSNode child);
void ps_each_named_child(TSNode node, PsChildVisit visit, void *ctx);

// ts_node_child_by_field_id, answered the same way with one pass over the
// children. The runtime's iterates them a second time when a field names a
// hidden node (`function` is a hidden `expression` in most call grammars),
// which was over half its calls. Inherited fields are left to the runtime.
TSNode ps_child_by_field_id(TSNode node, TSFieldId field);

#ifdef __cplusplus
}
#endif
