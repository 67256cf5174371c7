#pragma once
// Inline suppressions: a comment `policyscan-ignore RULE: reason` on the
// line of a finding or the line above it. A suppression must name a rule
// and give a reason; one that does not is itself reported.
#include <string>
#include <string_view>
#include <vector>

namespace ps {

struct Suppression {
  int line = 0;        // the comment's line
  int column = 0;
  std::string rule;    // "" when missing
  std::string reason;  // "" when missing
  bool valid() const { return !rule.empty() && !reason.empty(); }
};

std::vector<Suppression> find_suppressions(std::string_view text);

}  // namespace ps
