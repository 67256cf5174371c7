// Consistency of a policy model with itself: what a reviewer of the YAML
// would want pointed out before any code is scanned.
#include <set>

#include <fmt/format.h>

#include "scanner/policy/policy_loader.h"
#include "scanner/policy/subsumption.h"

namespace ps {

namespace {

bool purposes_overlap(const Taxonomy& t, const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return true;
  for (const auto& x : a)
    for (const auto& y : b)
      if (t.uses.covers(x, y) || t.uses.covers(y, x)) return true;
  return false;
}

Diagnostic at(const Statement& s, Severity sev, std::string code, std::string msg) {
  return Diagnostic{sev, std::move(code), s.pos.file, s.pos.line, s.pos.column, std::move(msg)};
}

}  // namespace

Diagnostics lint_policy(const PolicyModel& m, const Taxonomy& t) {
  Diagnostics out;
  for (const auto& p : m.practices)
    for (const auto& d : m.denials) {
      // A denial contradicts a practice when it forbids at least what the practice does.
      if (!action_covers(d.action, p.action)) continue;
      if (!categories_overlap(t, p.data, d.data)) continue;
      if (!recipients_overlap(m, t, p.to, d.to)) continue;
      if (!purposes_overlap(t, p.purposes, d.purposes)) continue;
      out.push_back(at(p, Severity::Warning, "overlap",
                       fmt::format("practice '{}' ({} {}) overlaps denial '{}' at line {}: the policy says both", p.id,
                                   action_name(p.action), fmt::join(p.data, ", "), d.id, d.pos.line)));
    }
  std::set<std::string> used;
  for (const auto* list : {&m.practices, &m.denials})
    for (const auto& s : *list) used.insert(s.to.begin(), s.to.end());
  used.insert(m.tracking.by.begin(), m.tracking.by.end());
  for (const auto& r : m.recipients)
    if (!used.count(r.id))
      out.push_back(at(r, Severity::Note, "unused-recipient",
                       fmt::format("recipient '{}' is declared but no practice names it; code sending to it is still covered", r.id)));
  for (const auto& p : m.practices)
    if (p.low_confidence)
      out.push_back(at(p, Severity::Note, "low-confidence", fmt::format("practice '{}' was drafted with low confidence: review it", p.id)));
  return out;
}

}  // namespace ps
