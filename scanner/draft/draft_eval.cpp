#include "scanner/draft/draft_eval.h"

#include <algorithm>

#include "scanner/core/text.h"

namespace ps {

namespace {

// Collect-like actions are one class: a draft saying "collect" for "receive"
// or "process" states the same thing.
std::string action_class(Action a) {
  switch (a) {
    case Action::Share:
    case Action::Transfer: return "share";
    case Action::Sell: return "sell";
    case Action::Use: return "use";
    default: return "collect";
  }
}

std::string recipient_key(const RecipientDecl& r) {
  // A category-only recipient is its category; a vendor is its id.
  return r.match.empty() && ends_with(r.id, "_providers") ? "category:" + r.category : "vendor:" + to_lower(r.id);
}

}  // namespace

std::vector<std::string> flatten_statements(const PolicyModel& m) {
  std::vector<std::string> out;
  for (const auto& r : m.recipients) out.push_back("recipient " + recipient_key(r));
  for (const auto& p : m.practices)
    for (const auto& d : p.data) out.push_back("practice " + action_class(p.action) + " " + d);
  for (const auto& p : m.denials)
    for (const auto& d : p.data) out.push_back("denial " + action_class(p.action) + " " + d);
  for (const auto& r : m.retention)
    for (const auto& d : r.data) out.push_back("retention " + d + " " + (r.within_text.empty() ? r.after : r.within_text));
  if (m.tracking.declared)
    for (const auto& t : m.tracking.tech) out.push_back("tracking " + t);
  if (m.children.declared) out.push_back("children " + std::to_string(m.children.min_age));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

DraftScore score_draft(const PolicyModel& drafted, const PolicyModel& expected, const Taxonomy& t) {
  auto a = flatten_statements(drafted), b = flatten_statements(expected);
  // Equal, or equal but for one level of a data key.
  auto same = [&](const std::string& x, const std::string& y) {
    if (x == y) return true;
    auto xs = split(x, ' '), ys = split(y, ' ');
    if (xs.size() != ys.size() || xs.size() < 3) return false;
    for (std::size_t i = 0; i < xs.size(); ++i) {
      if (xs[i] == ys[i]) continue;
      bool keys = starts_with(xs[i], "user") && starts_with(ys[i], "user") &&
                  (t.categories.parent(xs[i]) == ys[i] || t.categories.parent(ys[i]) == xs[i]) && xs[i] != "user" && ys[i] != "user";
      if (!keys) return false;
    }
    return true;
  };
  DraftScore s;
  s.drafted = a.size();
  s.expected = b.size();
  for (const auto& x : a) {
    if (std::any_of(b.begin(), b.end(), [&](const std::string& y) { return same(x, y); })) ++s.matched_drafted;
    else s.extra.push_back(x);
  }
  for (const auto& y : b) {
    if (std::any_of(a.begin(), a.end(), [&](const std::string& x) { return same(x, y); })) ++s.matched_expected;
    else s.missing.push_back(y);
  }
  return s;
}

}  // namespace ps
