#include "scanner/policy/subsumption.h"

namespace ps {

std::string covering_key(const KeyTree& tree, const std::vector<std::string>& declared, const std::string& found) {
  std::string best;
  for (const auto& d : declared)
    if (tree.covers(d, found) && d.size() > best.size()) best = d;  // deeper keys are longer
  return best;
}

bool keys_overlap(const KeyTree& tree, const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a)
    for (const auto& y : b)
      if (tree.covers(x, y) || tree.covers(y, x)) return true;
  return false;
}

}  // namespace ps
