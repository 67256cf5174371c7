#pragma once
// Reduce a tree-sitter syntax tree to facts (scanner/core/facts.h) in one walk.
#include <tree_sitter/api.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "scanner/core/fact_interest.h"
#include "scanner/core/facts.h"
#include "scanner/core/language.h"

namespace ps {

// A Bind fact whose value the walk left unsummarised because nothing it met
// needed the summary (scanner/core/fact_interest.h): its args[0] holds the
// value's text and location only, and `node` is the value to summarise if
// data flow asks.
struct DeferredValue {
  std::uint32_t fact = 0;
  TSNode node{};
};

// When node_types is given it is set, by TSSymbol, for every named node
// type the walk met (everything outside comments and import statements), so
// raw queries can skip files that lack the node their patterns start with.
// With an interest, a call's arguments are summarised only when the mapping
// library can use them (scanner/core/fact_interest.h), and bound values the
// walk did not need are listed in `deferred` (by fact, ascending); without an
// interest, everything is summarised.
FileFacts extract_tree_sitter_facts(Language lang, const TSTree* tree, std::string_view text,
                                    std::vector<bool>* node_types = nullptr, const FactInterest* interest = nullptr,
                                    std::vector<DeferredValue>* deferred = nullptr);

// The summary of a value node, the one the walk makes for a bound value.
Expr summarise_tree_sitter_value(Language lang, std::string_view text, TSNode value);

}  // namespace ps
