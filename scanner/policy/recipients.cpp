#include "scanner/policy/recipients.h"

#include "scanner/core/text.h"

namespace ps {

bool names_vendor(const RecipientDecl& named, const Recipient& found) {
  const std::string id = to_lower(found.id);
  if (id.empty()) return false;
  if (to_lower(named.id) == id) return true;
  // Unknown hosts reach conform with the host as the recipient id.
  const bool is_host = id.find('.') != std::string::npos;
  for (const auto& m : named.match) {
    std::string lm = to_lower(m);
    if (lm == id) return true;
    if (is_host && ends_with(id, "." + lm)) return true;
  }
  return false;
}

std::string recipient_category(const PolicyModel& m, const std::string& declared) {
  if (const RecipientDecl* r = m.recipient(declared)) return r->category;
  return declared;
}

bool recipient_covers(const PolicyModel& m, const Taxonomy& t, const std::string& declared, const Recipient& found, bool strict) {
  if (const RecipientDecl* r = m.recipient(declared)) {
    if (names_vendor(*r, found)) return true;
    // An entry without `match` ("analytics_providers") stands for its category.
    return !strict && r->match.empty() && !found.category.empty() && found.id != "we" &&
           t.recipients.covers(r->category, found.category);
  }
  // `declared` is a category.
  if (declared == found.id) return true;
  if (found.id == "we") return t.recipients.covers(declared, "we");
  // A vendor the policy names is a leaf under the category the policy gives it.
  for (const auto& r : m.recipients)
    if (names_vendor(r, found)) return t.recipients.covers(declared, r.category);
  if (strict) return false;
  return !found.category.empty() && t.recipients.covers(declared, found.category);
}

bool recipients_overlap(const PolicyModel& m, const Taxonomy& t, const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return true;
  for (const auto& x : a)
    for (const auto& y : b) {
      if (x == y) return true;
      const bool x_named = m.recipient(x) != nullptr, y_named = m.recipient(y) != nullptr;
      // Two different named vendors never overlap; a category overlaps what lies under or above it.
      if (x_named && y_named) continue;
      const std::string cx = recipient_category(m, x), cy = recipient_category(m, y);
      if (!x_named && t.recipients.covers(x, cy)) return true;
      if (!y_named && t.recipients.covers(y, cx)) return true;
    }
  return false;
}

}  // namespace ps
