#include "scanner/app/suppress.h"

#include <fmt/format.h>

#include "scanner/conform/conform.h"

namespace ps {

void apply_suppressions(std::vector<Finding>& findings, const std::map<std::string, std::vector<Suppression>>& by_file) {
  for (auto& f : findings) {
    auto it = by_file.find(f.path);
    if (it == by_file.end()) continue;
    for (const auto& s : it->second) {
      if (!s.valid() || s.rule != f.rule) continue;
      if (s.line == f.line || s.line + 1 == f.line) {
        f.suppressed = true;
        f.suppression_reason = s.reason;
        break;
      }
    }
  }
  for (const auto& [path, list] : by_file)
    for (const auto& s : list) {
      if (s.valid()) continue;
      Finding f;
      f.rule = "invalid-suppression";
      f.severity = Severity::Warning;
      f.message = s.rule.empty() ? "policyscan-ignore without a rule id: it suppresses nothing"
                                 : fmt::format("policyscan-ignore {} without a reason: it suppresses nothing", s.rule);
      f.fix = "write `policyscan-ignore RULE: reason`";
      f.path = path;
      f.line = s.line;
      f.column = s.column;
      f.snippet = "policyscan-ignore " + s.rule;
      f.fingerprint = finding_fingerprint(f);
      findings.push_back(std::move(f));
    }
}

}  // namespace ps
