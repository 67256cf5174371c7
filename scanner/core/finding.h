#pragma once
// A finding: where the code and the policy disagree.
#include <optional>
#include <string>
#include <vector>

#include "scanner/core/diagnostic.h"
#include "scanner/core/point.h"

namespace ps {

// Stable rule ids (SARIF ruleId, baseline keys, suppressions):
// undisclosed-collection, undisclosed-recipient, broken-promise,
// retention-exceeds-policy, retention-not-enforced, undisclosed-tracking,
// personal-data-in-log, unbacked-declaration, vague-disclosure,
// invalid-suppression.
struct PolicyRef {
  std::string file;  // the policy YAML
  int line = 0;
  int column = 0;
  std::string statement_id;  // id of the practice/denial/retention rule
  std::string quote;         // the sentence of the policy it rests on
};

struct Finding {
  std::string rule;
  Severity severity = Severity::Warning;
  std::string message;  // one sentence: what is wrong
  std::string fix;      // one sentence: how to fix (disclose or remove)
  // Code location; for unbacked-declaration this is the policy's own place.
  std::string path;
  int line = 0;
  int column = 0;
  std::string snippet;
  std::string kind;  // point kind, if any
  std::vector<std::string> categories;
  Recipient recipient;
  std::string mapping_id;
  std::optional<PolicyRef> policy;  // the statement violated, or the nearest one lacking
  bool suppressed = false;
  std::string suppression_reason;
  std::string fingerprint;  // content-based, stable across line moves
};

}  // namespace ps
