// Consistency of a policy model with itself: what a reviewer of the YAML
// would want pointed out before any code is scanned.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "scanner/policy/policy_loader.h"
#include "scanner/policy/recipients.h"
#include "scanner/policy/subsumption.h"

namespace ps {

namespace {

Diagnostic at(const Statement& s, Severity sev, std::string code, std::string msg) {
  return Diagnostic{sev, std::move(code), s.pos.file, s.pos.line, s.pos.column, std::move(msg)};
}

// An empty purpose or recipient list means "any".
bool purposes_overlap(const Taxonomy& t, const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return a.empty() || b.empty() || keys_overlap(t.uses, a, b);
}

// Every key of inner lies under some key of outer (an empty outer is everything).
bool keys_within(const KeyTree& tree, const std::vector<std::string>& inner, const std::vector<std::string>& outer) {
  if (outer.empty()) return true;
  if (inner.empty()) return false;
  return std::all_of(inner.begin(), inner.end(), [&](const std::string& k) { return !covering_key(tree, outer, k).empty(); });
}

bool recipients_within(const PolicyModel& m, const Taxonomy& t, const std::vector<std::string>& inner, const std::vector<std::string>& outer) {
  if (outer.empty()) return true;
  if (inner.empty()) return false;
  return std::all_of(inner.begin(), inner.end(), [&](const std::string& x) {
    return std::any_of(outer.begin(), outer.end(), [&](const std::string& y) {
      return x == y || (!m.recipient(y) && t.recipients.covers(y, recipient_category(m, x)));
    });
  });
}

void duplicate_ids(const PolicyModel& m, Diagnostics& out) {
  std::map<std::string, const Statement*> first;
  auto check = [&](const Statement& s) {
    if (s.id.empty()) return;
    auto [it, fresh] = first.emplace(s.id, &s);
    if (!fresh) out.push_back(at(s, Severity::Error, "duplicate-id", fmt::format("duplicate id '{}' (first at line {})", s.id, it->second->pos.line)));
  };
  for (const auto& r : m.recipients) check(r);
  for (const auto& p : m.practices) check(p);
  for (const auto& d : m.denials) check(d);
  for (const auto& r : m.retention) check(r);
}

// A denial only clashes with a practice whose action it covers: "we share
// data with partners" and "we never sell it" is the usual, consistent
// phrasing. A practice wholly inside a denial says nothing the denial allows
// (warning); one partly inside is narrowed by it (note: the denial wins).
void practices_against_denials(const PolicyModel& m, const Taxonomy& t, Diagnostics& out) {
  for (const auto& p : m.practices)
    for (const auto& d : m.denials) {
      if (!action_covers(d.action, p.action)) continue;
      if (!categories_overlap(t, p.data, d.data)) continue;
      if (!recipients_overlap(m, t, p.to, d.to)) continue;
      if (!purposes_overlap(t, p.purposes, d.purposes)) continue;
      const bool inside = keys_within(t.categories, p.data, d.data) && recipients_within(m, t, p.to, d.to) &&
                          keys_within(t.uses, p.purposes, d.purposes);
      if (inside)
        out.push_back(at(p, Severity::Warning, "contradiction",
                         fmt::format("practice '{}' ({} {}) is forbidden by denial '{}' at line {}: the policy says both", p.id,
                                     action_name(p.action), fmt::join(p.data, ", "), d.id, d.pos.line)));
      else
        out.push_back(at(p, Severity::Note, "overlap",
                         fmt::format("practice '{}' ({} {}) overlaps denial '{}' ({} {}) at line {}; where both apply the denial wins",
                                     p.id, action_name(p.action), fmt::join(p.data, ", "), d.id, action_name(d.action),
                                     fmt::join(d.data, ", "), d.pos.line)));
    }
}

void unused_recipients(const PolicyModel& m, Diagnostics& out) {
  std::set<std::string> used(m.tracking.by.begin(), m.tracking.by.end());
  for (const auto* list : {&m.practices, &m.denials})
    for (const auto& s : *list) used.insert(s.to.begin(), s.to.end());
  for (const auto& r : m.recipients)
    if (!used.count(r.id))
      out.push_back(at(r, Severity::Note, "unused-recipient",
                       fmt::format("recipient '{}' is declared but no practice names it; code sending to it is still covered", r.id)));
}

}  // namespace

Diagnostics lint_policy(const PolicyModel& m, const Taxonomy& t) {
  Diagnostics out;
  duplicate_ids(m, out);
  practices_against_denials(m, t, out);
  unused_recipients(m, out);
  for (const auto& p : m.practices)
    if (p.low_confidence)
      out.push_back(at(p, Severity::Note, "low-confidence", fmt::format("practice '{}' was drafted with low confidence: review it", p.id)));
  return out;
}

}  // namespace ps
