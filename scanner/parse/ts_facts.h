#pragma once
// Reduce a tree-sitter syntax tree to facts (scanner/core/facts.h) in one walk.
#include <string_view>
#include <vector>

#include "scanner/core/fact_interest.h"
#include "scanner/core/facts.h"
#include "scanner/core/language.h"

struct TSTree;

namespace ps {

// When node_types is given it is set, by TSSymbol, for every named node
// type the walk met (everything outside comments and import statements), so
// raw queries can skip files that lack the node their patterns start with.
// With an interest, a call's arguments are summarised only when the mapping
// library can use them (scanner/core/fact_interest.h); without, always.
FileFacts extract_tree_sitter_facts(Language lang, const TSTree* tree, std::string_view text,
                                    std::vector<bool>* node_types = nullptr, const FactInterest* interest = nullptr);

}  // namespace ps
