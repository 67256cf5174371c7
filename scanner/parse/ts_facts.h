#pragma once
// Reduce a tree-sitter syntax tree to facts (scanner/core/facts.h) in one walk.
#include <tree_sitter/api.h>

#include <array>
#include <cstdint>
#include <optional>
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

// What the walk leaves beside the facts when it has an interest.
struct WalkFindings {
  std::vector<DeferredValue> deferred;  // by fact, ascending
  // The outermost nodes of the types the raw queries start at
  // (FactInterest::ForLanguage::query_roots), in source order; unset when
  // the interest names none. Comments and import statements are not searched.
  std::optional<std::vector<TSNode>> query_roots;
};

// The nodes the fact walk stops at under an interest, per language: the
// grammar's nodes with a role and the raw queries' roots. Made once per
// interest (a table per grammar), not once per file.
class WalkStops {
 public:
  explicit WalkStops(const FactInterest* interest);
  // The table for ps_walk_named_wanted; null when the grammar's own will do.
  const std::uint8_t* for_language(Language lang) const;

 private:
  std::array<std::vector<std::uint8_t>, kLanguageCount> by_language_;
};

// With an interest, a call's arguments are summarised only when the mapping
// library can use them (scanner/core/fact_interest.h), and `found` gets the
// bound values the walk did not need and the raw queries' roots; without an
// interest, everything is summarised.
// stops: WalkStops of the same interest (made here when null).
FileFacts extract_tree_sitter_facts(Language lang, const TSTree* tree, std::string_view text,
                                    const FactInterest* interest = nullptr, WalkFindings* found = nullptr,
                                    const WalkStops* stops = nullptr);

// The summary of a value node, the one the walk makes for a bound value.
Expr summarise_tree_sitter_value(Language lang, std::string_view text, TSNode value);

}  // namespace ps
