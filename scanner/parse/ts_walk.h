#pragma once
// A pre-order walk over the visible nodes of a tree-sitter subtree, the
// nodes a TSTreeCursor walk visits, in the same order. It reads the pinned
// runtime's subtrees directly (ts_walk.c): the cursor rebuilds a child
// iterator for every step and cost about a fifth of parsing the tree.
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

// ts_node_child_by_field_id, answered the same way with one pass over the
// children. The runtime's iterates them a second time when a field names a
// hidden node (`function` is a hidden `expression` in most call grammars),
// which was over half its calls. Inherited fields are left to the runtime.
TSNode ps_child_by_field_id(TSNode node, TSFieldId field);

#ifdef __cplusplus
}
#endif
