#pragma once
// Measuring a drafted model against one written by hand: both are
// flattened into statements (recipient, practice/denial action x data key,
// retention data x period, tracking technology, children's age) and
// matched; precision and recall are over those statements. Data keys match
// when equal or one is the other's direct parent (a reviewer would accept
// `user.contact` for `user.contact.email`, not `user`).
#include <string>
#include <vector>

#include "scanner/policy/policy_model.h"
#include "scanner/policy/taxonomy.h"

namespace ps {

struct DraftScore {
  std::size_t drafted = 0, expected = 0, matched_drafted = 0, matched_expected = 0;
  std::vector<std::string> missing, extra;  // for a reviewer
  double precision() const { return drafted ? double(matched_drafted) / double(drafted) : 1.0; }
  double recall() const { return expected ? double(matched_expected) / double(expected) : 1.0; }
};

std::vector<std::string> flatten_statements(const PolicyModel& m);
DraftScore score_draft(const PolicyModel& drafted, const PolicyModel& expected, const Taxonomy& t);

}  // namespace ps
