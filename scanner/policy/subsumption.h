#pragma once
// Does one list of taxonomy keys cover another? Categories and purposes are
// hierarchies (a key covers every key below it); shared by the linter and
// the conform stage.
#include <string>
#include <vector>

#include "scanner/policy/taxonomy.h"

namespace ps {

// The most specific key of `declared` covering `found`; "" when none does.
std::string covering_key(const KeyTree& tree, const std::vector<std::string>& declared, const std::string& found);
// Some key of a covers some key of b or the other way round.
bool keys_overlap(const KeyTree& tree, const std::vector<std::string>& a, const std::vector<std::string>& b);

inline std::string covering_category(const Taxonomy& t, const std::vector<std::string>& declared, const std::string& found) {
  return covering_key(t.categories, declared, found);
}
inline bool categories_overlap(const Taxonomy& t, const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return keys_overlap(t.categories, a, b);
}

}  // namespace ps
