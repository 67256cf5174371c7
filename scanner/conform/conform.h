#pragma once
// The conform stage: collection points against the policy model, giving
// findings with stable rule ids (scanner/core/finding.h). Checked per point:
// denials first (a match is a broken promise), then practices and recipients
// (a match through a root key only is vague), then tracking technologies,
// logs and retention; last, declarations nothing in the code backs.
#include <vector>

#include "scanner/core/finding.h"
#include "scanner/core/point.h"
#include "scanner/policy/policy_model.h"
#include "scanner/policy/taxonomy.h"

namespace ps {

struct ConformOptions {
  bool strict_recipients = false;  // a recipient category covers only vendors the policy names
};

struct StatementBacking {
  std::string id;
  std::string section;  // practice, denial, retention, recipient, tracking
  std::string summary;
  const Statement* statement = nullptr;
  std::vector<std::size_t> points;  // indexes into the points given
};

struct ConformResult {
  std::vector<Finding> findings;  // sorted by path, line, rule
  std::vector<StatementBacking> statements;
};

ConformResult conform(const std::vector<CollectionPoint>& points, const PolicyModel& policy, const Taxonomy& taxonomy,
                      const ConformOptions& opts);

// Content fingerprint: rule + path + normalised snippet + categories +
// recipient; stable when lines move, changes when the code does.
std::string finding_fingerprint(const Finding& f);

}  // namespace ps
