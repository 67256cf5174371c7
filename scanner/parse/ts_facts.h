#pragma once
// Reduce a tree-sitter syntax tree to facts (scanner/core/facts.h) in one walk.
#include <string_view>

#include "scanner/core/facts.h"
#include "scanner/core/language.h"

struct TSTree;

namespace ps {

FileFacts extract_tree_sitter_facts(Language lang, const TSTree* tree, std::string_view text);

}  // namespace ps
