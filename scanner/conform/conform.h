#pragma once
// The conform stage: collection points against the policy model, giving
// findings with stable rule ids (scanner/core/finding.h). Checked per point:
// denials first (a match is a broken promise), then recipients and practices
// (a match only through a root key like `user` is vague), then tracking
// technologies, logs and lifetimes; last, retention rules nothing enforces
// and declarations nothing in the code backs. Only `user.*` categories are
// personal data; retention points are lifetimes, not collections.
#include <vector>

#include "scanner/core/finding.h"
#include "scanner/core/point.h"
#include "scanner/policy/policy_model.h"
#include "scanner/policy/taxonomy.h"

namespace ps {

struct ConformOptions {
  // A recipient category covers only vendors the policy names (by id or
  // `match`), as a subprocessor list requires.
  bool strict_recipients = false;
};

// Which points a policy statement was matched by (for reports' data maps).
struct StatementBacking {
  std::string id;
  std::string section;  // practice, denial, retention, recipient, tracking
  std::string summary;
  const Statement* statement = nullptr;  // into the PolicyModel given
  std::vector<std::size_t> points;       // indexes into the points given
};

struct ConformResult {
  std::vector<Finding> findings;  // sorted by path, line, column, rule, message
  std::vector<StatementBacking> statements;
};

ConformResult conform(const std::vector<CollectionPoint>& points, const PolicyModel& policy, const Taxonomy& taxonomy,
                      const ConformOptions& opts);

// Content fingerprint: rule + path + normalised snippet + categories +
// recipient; stable when lines move, changes when the code does.
std::string finding_fingerprint(const Finding& f);

}  // namespace ps
