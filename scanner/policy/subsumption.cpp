#include "scanner/policy/subsumption.h"

#include "scanner/core/text.h"

namespace ps {

std::string covering_category(const Taxonomy& t, const std::vector<std::string>& declared, const std::string& found) {
  std::string best;
  for (const auto& d : declared)
    if (t.categories.covers(d, found) && d.size() > best.size()) best = d;
  return best;
}

bool categories_overlap(const Taxonomy& t, const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const auto& x : a)
    for (const auto& y : b)
      if (t.categories.covers(x, y) || t.categories.covers(y, x)) return true;
  return false;
}

std::string recipient_category(const PolicyModel& m, const std::string& declared) {
  if (const RecipientDecl* r = m.recipient(declared)) return r->category;
  return declared;
}

namespace {
// A vendor in code is the named recipient when ids agree or a `match` entry
// names it (vendor id, host or a host's parent domain).
bool names_vendor(const RecipientDecl& r, const Recipient& found, const std::string& detail_host) {
  std::string id = to_lower(found.id);
  if (to_lower(r.id) == id) return true;
  for (const auto& m : r.match) {
    std::string lm = to_lower(m);
    if (lm == id) return true;
    if (!detail_host.empty() && (detail_host == lm || ends_with(detail_host, "." + lm))) return true;
  }
  return false;
}
}  // namespace

bool recipient_covers(const PolicyModel& m, const Taxonomy& t, const std::string& declared, const Recipient& found, bool strict) {
  const std::string host = to_lower(found.id.find('.') != std::string::npos ? found.id : std::string());
  if (const RecipientDecl* r = m.recipient(declared)) {
    if (names_vendor(*r, found, host)) return true;
    // A named first-party recipient ("we", by its domain) covers our own hosts.
    return false;
  }
  // A category.
  if (declared == found.id) return true;
  if (found.id == "we") return t.recipients.covers(declared, "we");
  // A vendor the policy names elsewhere belongs to that recipient's category.
  for (const auto& r : m.recipients)
    if (names_vendor(r, found, host)) return t.recipients.covers(declared, r.category) || declared == r.id;
  if (strict) return false;
  return !found.category.empty() && t.recipients.covers(declared, found.category);
}

bool recipients_overlap(const PolicyModel& m, const Taxonomy& t, const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return true;  // no recipients named: anyone
  for (const auto& x : a)
    for (const auto& y : b) {
      if (x == y) return true;
      std::string cx = recipient_category(m, x), cy = recipient_category(m, y);
      bool x_named = m.recipient(x) != nullptr, y_named = m.recipient(y) != nullptr;
      if (!x_named && t.recipients.covers(x, cy)) return true;
      if (!y_named && t.recipients.covers(y, cx)) return true;
    }
  return false;
}

}  // namespace ps
