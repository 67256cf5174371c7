#include "scanner/conform/conform.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "scanner/policy/recipients.h"
#include "scanner/policy/subsumption.h"

namespace ps {

namespace {

// What a point does, in the policy's vocabulary.
struct PointMeaning {
  Action action = Action::Collect;
  bool shares = false;       // data leaves for the point's recipient
  std::string tracking;      // tracking technology it is, if any
  bool is_log = false;
  bool stores = false;       // kept somewhere (retention applies)
};

PointMeaning meaning_of(const CollectionPoint& p) {
  PointMeaning m;
  const std::string& k = p.kind;
  if (k == "persistence") { m.action = Action::Store; m.stores = true; }
  else if (k == "log-field") { m.action = Action::Log; m.is_log = true; }
  else if (k == "cookie") { m.action = Action::Store; m.tracking = "cookie"; m.stores = true; }
  else if (k == "browser-storage") { m.action = Action::Store; m.tracking = "local_storage"; m.stores = true; }
  else if (k == "analytics-sdk") { m.action = Action::Share; m.shares = true; m.tracking = "sdk"; }
  else if (k == "tracking-pixel") { m.action = Action::Share; m.shares = true; m.tracking = "pixel"; }
  else if (k == "third-party-api" || k == "file-upload") { m.action = Action::Share; m.shares = p.recipient.id != "we"; }
  else m.action = Action::Collect;  // oauth-scope, form-input, device-info, ip-geo, push-token, retention
  if (m.shares && p.recipient.id == "we") m.shares = false;
  return m;
}

// Purposes a recipient category implies, for denials stated by purpose
// ("not used for advertising").
std::vector<std::string> implied_purposes(const std::string& recipient_category) {
  if (recipient_category == "ad_network") return {"marketing.advertising"};
  if (recipient_category == "analytics") return {"analytics.reporting"};
  return {};
}

PolicyRef ref(const Statement& s) { return PolicyRef{s.pos.file, s.pos.line, s.pos.column, s.id, s.quote}; }

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
  return out;
}

class Checker {
 public:
  Checker(const std::vector<CollectionPoint>& points, const PolicyModel& m, const Taxonomy& t, const ConformOptions& o)
      : points_(points), m_(m), t_(t), o_(o) {}

  ConformResult run() {
    for (const auto& p : m_.practices) result_.statements.push_back({p.id, "practice", summary(p), &p, {}});
    for (const auto& d : m_.denials) result_.statements.push_back({d.id, "denial", "never " + summary(d), &d, {}});
    for (const auto& r : m_.retention)
      result_.statements.push_back({r.id, "retention", fmt::format("delete {} {}{}", join(r.data), r.within_text.empty() ? "" : "within " + r.within_text + " ", "after " + r.after), &r, {}});
    for (const auto& r : m_.recipients) result_.statements.push_back({r.id, "recipient", fmt::format("{} ({})", r.id, r.category), &r, {}});
    if (m_.tracking.declared) result_.statements.push_back({m_.tracking.id, "tracking", "tracking: " + join(m_.tracking.tech), &m_.tracking, {}});

    for (std::size_t i = 0; i < points_.size(); ++i) check_point(i);
    check_retention_enforced();
    unbacked();
    std::stable_sort(result_.findings.begin(), result_.findings.end(), [](const Finding& a, const Finding& b) {
      return std::tie(a.path, a.line, a.column, a.rule) < std::tie(b.path, b.line, b.column, b.rule);
    });
    for (auto& f : result_.findings) f.fingerprint = finding_fingerprint(f);
    return std::move(result_);
  }

 private:
  const std::vector<CollectionPoint>& points_;
  const PolicyModel& m_;
  const Taxonomy& t_;
  const ConformOptions& o_;
  ConformResult result_;

  static std::string summary(const Practice& p) {
    std::string s = fmt::format("{} {}", action_name(p.action), join(p.data));
    if (!p.to.empty()) s += " to " + join(p.to);
    if (!p.purposes.empty()) s += " for " + join(p.purposes);
    return s;
  }

  StatementBacking* backing(const Statement* s) {
    for (auto& b : result_.statements)
      if (b.statement == s) return &b;
    return nullptr;
  }
  void back(const Statement* s, std::size_t point) {
    if (auto* b = backing(s); b && (b->points.empty() || b->points.back() != point)) b->points.push_back(point);
  }

  Finding finding(const CollectionPoint& p, std::string rule, Severity sev, std::string message, std::string fix,
                  std::vector<std::string> cats) {
    Finding f;
    f.rule = std::move(rule);
    f.severity = sev;
    f.message = std::move(message);
    f.fix = std::move(fix);
    f.path = p.path;
    f.line = p.line;
    f.column = p.column;
    f.snippet = p.snippet;
    f.kind = p.kind;
    f.categories = std::move(cats);
    f.recipient = p.recipient;
    f.mapping_id = p.mapping_id;
    return f;
  }

  bool recipient_disclosed(const CollectionPoint& p, const Statement** by) const {
    for (const auto& r : m_.recipients)
      if (recipient_covers(m_, t_, r.id, p.recipient, o_.strict_recipients)) { *by = &r; return true; }
    // Without a named entry, a category declared in a recipient, practice or tracking statement.
    if (!o_.strict_recipients) {
      for (const auto& r : m_.recipients)
        if (!p.recipient.category.empty() && t_.recipients.covers(r.category, p.recipient.category) && r.match.empty() &&
            r.id != p.recipient.id) { *by = &r; return true; }
      for (const auto& pr : m_.practices)
        for (const auto& to : pr.to)
          if (!m_.recipient(to) && recipient_covers(m_, t_, to, p.recipient, false)) { *by = &pr; return true; }
    }
    return false;
  }

  // Does a practice cover category c for this point? Returns the most
  // specific covering key ("" when none) and the practice.
  std::string practice_for(const CollectionPoint& p, const PointMeaning& mean, const std::string& c, const Practice** by) {
    std::string best;
    for (const auto& pr : m_.practices) {
      if (mean.shares) {
        if (!action_covers(pr.action, Action::Share) && pr.action != Action::Share) continue;
        if (!pr.to.empty()) {
          bool to_ok = std::any_of(pr.to.begin(), pr.to.end(), [&](const std::string& to) {
            return recipient_covers(m_, t_, to, p.recipient, o_.strict_recipients);
          });
          if (!to_ok) continue;
        }
      } else if (mean.is_log) {
        if (pr.action != Action::Log) continue;
      } else if (!action_covers(pr.action, mean.action)) {
        continue;
      }
      std::string k = covering_category(t_, pr.data, c);
      if (k.size() > best.size()) { best = k; *by = &pr; }
    }
    return best;
  }

  void check_point(std::size_t i) {
    const CollectionPoint& p = points_[i];
    PointMeaning mean = meaning_of(p);
    std::set<std::string> flagged;

    // 1. Denials.
    for (const auto& d : m_.denials) {
      if (d.action == Action::Sell) continue;  // code cannot show a sale
      bool action_ok = action_covers(d.action, mean.action) || (d.action == Action::Use && !mean.is_log) ||
                       (d.action == Action::Share && mean.shares);
      if (!action_ok) continue;
      if (!d.to.empty()) {
        if (!mean.shares) continue;
        bool to = std::any_of(d.to.begin(), d.to.end(), [&](const std::string& r) { return recipient_covers(m_, t_, r, p.recipient, false); });
        if (!to) continue;
      }
      if (!d.purposes.empty()) {
        auto implied = implied_purposes(p.recipient.category);
        bool purpose = std::any_of(d.purposes.begin(), d.purposes.end(), [&](const std::string& u) {
          return std::any_of(implied.begin(), implied.end(), [&](const std::string& v) { return t_.uses.covers(u, v) || t_.uses.covers(v, u); });
        });
        if (!purpose) continue;
      }
      std::vector<std::string> hit;
      for (const auto& c : p.categories)
        if (!covering_category(t_, d.data, c).empty()) hit.push_back(c);
      if (hit.empty()) continue;
      flagged.insert(hit.begin(), hit.end());
      back(&d, i);
      auto f = finding(p, "broken-promise", Severity::Error,
                       fmt::format("{} {} {}{}, which the policy says never happens", p.kind, describe_action(mean), join(hit),
                                   mean.shares ? " to " + p.recipient.id : ""),
                       "remove this code path, or change the promise in the policy (and tell users)", hit);
      f.policy = ref(d);
      result_.findings.push_back(std::move(f));
    }

    // 2. Recipient.
    if (mean.shares) {
      const Statement* by = nullptr;
      if (recipient_disclosed(p, &by)) {
        back(by, i);
      } else {
        auto f = finding(p, "undisclosed-recipient", Severity::Warning,
                         fmt::format("{} sends data to {}{}, which the policy does not name", p.kind, p.recipient.id,
                                     p.recipient.category.empty() ? "" : " (" + p.recipient.category + ")"),
                         fmt::format("list {} as a recipient in the policy (by name or category), or remove the integration", p.recipient.id),
                         p.categories);
        if (!m_.recipients.empty()) f.policy = ref(m_.recipients.front());
        result_.findings.push_back(std::move(f));
        flagged.insert(p.categories.begin(), p.categories.end());  // one finding for this flow is enough
      }
    }

    // 3. Categories through practices (logs have their own rule).
    std::vector<std::string> undisclosed, vague, logged;
    for (const auto& c : p.categories) {
      if (flagged.count(c)) continue;
      const Practice* by = nullptr;
      std::string key = practice_for(p, mean, c, &by);
      if (by) back(by, i);
      if (mean.is_log) {
        if (key.empty()) logged.push_back(c);
        continue;
      }
      if (key.empty()) undisclosed.push_back(c);
      else if (key.find('.') == std::string::npos) vague.push_back(c);
    }
    if (!logged.empty())
      result_.findings.push_back(finding(p, "personal-data-in-log", Severity::Warning,
                                         fmt::format("{} written to a log", join(logged)),
                                         "log an identifier or a redacted value instead, or disclose the logging practice", logged));
    if (!undisclosed.empty()) {
      auto f = finding(p, "undisclosed-collection", Severity::Warning,
                       fmt::format("{} {} {}{}, which no practice in the policy discloses", p.kind, describe_action(mean), join(undisclosed),
                                   mean.shares ? " to " + p.recipient.id : ""),
                       fmt::format("disclose {} in the policy (a practice with its purpose), or stop collecting it", join(undisclosed)),
                       undisclosed);
      result_.findings.push_back(std::move(f));
    }
    if (!vague.empty())
      result_.findings.push_back(finding(p, "vague-disclosure", Severity::Note,
                                         fmt::format("{} is disclosed only through a root category", join(vague)),
                                         "name the category in the policy", vague));

    // 4. Tracking technologies.
    if (!mean.tracking.empty()) {
      bool listed = m_.tracking.declared &&
                    std::find(m_.tracking.tech.begin(), m_.tracking.tech.end(), mean.tracking) != m_.tracking.tech.end();
      if (listed) back(&m_.tracking, i);
      else {
        auto f = finding(p, "undisclosed-tracking", Severity::Warning,
                         fmt::format("{} is a tracking technology ({}) the policy does not disclose", p.kind, mean.tracking),
                         fmt::format("list '{}' in the policy's tracking section, or remove it", mean.tracking), p.categories);
        if (m_.tracking.declared) f.policy = ref(m_.tracking);
        result_.findings.push_back(std::move(f));
      }
    }

    // 5. Lifetimes against retention rules.
    if (p.retention_seconds) {
      for (const auto& r : m_.retention) {
        bool covers = p.categories.empty() ? false
                                           : std::any_of(p.categories.begin(), p.categories.end(), [&](const std::string& c) {
                                               return !covering_category(t_, r.data, c).empty();
                                             });
        if (!covers) continue;
        back(&r, i);
        if (r.within_seconds && *p.retention_seconds > *r.within_seconds) {
          auto f = finding(p, "retention-exceeds-policy", Severity::Warning,
                           fmt::format("keeps {} for {} (the policy allows {})", join(p.categories), human_duration(*p.retention_seconds),
                                       r.within_text),
                           fmt::format("shorten the lifetime to {} or less, or change the policy", r.within_text), p.categories);
          f.policy = ref(r);
          result_.findings.push_back(std::move(f));
        }
      }
    }
  }

  static std::string describe_action(const PointMeaning& m) {
    if (m.shares) return "sends";
    if (m.is_log) return "logs";
    if (m.action == Action::Store) return "stores";
    return "collects";
  }

  static std::string human_duration(std::int64_t s) {
    if (s % 86400 == 0 && s >= 86400) return fmt::format("{} days", s / 86400);
    if (s % 3600 == 0 && s >= 3600) return fmt::format("{} hours", s / 3600);
    return fmt::format("{} seconds", s);
  }

  // A rule that bounds a category the code stores, with no lifetime or
  // cleanup for it anywhere in the code.
  void check_retention_enforced() {
    for (const auto& r : m_.retention) {
      if (!r.within_seconds) continue;
      auto covered = [&](const CollectionPoint& p) {
        return std::any_of(p.categories.begin(), p.categories.end(), [&](const std::string& c) { return !covering_category(t_, r.data, c).empty(); });
      };
      const CollectionPoint* stored = nullptr;
      bool enforced = false;
      for (const auto& p : points_) {
        if (!covered(p)) continue;
        if (p.kind == "retention" || p.retention_seconds) enforced = true;
        else if (meaning_of(p).stores && !stored) stored = &p;
      }
      if (!stored || enforced) continue;
      auto f = finding(*stored, "retention-not-enforced", Severity::Warning,
                       fmt::format("the policy deletes {} within {}, but nothing in the code expires or deletes it", join(r.data),
                                   r.within_text),
                       "add a TTL or a cleanup job for this data, or point the policy at where deletion happens", r.data);
      f.policy = ref(r);
      result_.findings.push_back(std::move(f));
    }
  }

  void unbacked() {
    for (const auto& b : result_.statements) {
      if (!b.points.empty() || b.section == "denial" || b.section == "tracking") continue;
      if (b.section == "retention") continue;  // a deletion promise needs no code to be honest
      const Statement* s = b.statement;
      Finding f;
      f.rule = "unbacked-declaration";
      f.severity = Severity::Note;
      f.message = fmt::format("the policy declares {} '{}' ({}), but nothing in the scanned code does it", b.section, b.id, b.summary);
      f.fix = "none needed if that code lives elsewhere; otherwise remove the stale statement";
      f.path = s->pos.file;
      f.line = s->pos.line;
      f.column = s->pos.column;
      f.snippet = s->quote;
      f.policy = ref(*s);
      result_.findings.push_back(std::move(f));
    }
  }
};

}  // namespace

ConformResult conform(const std::vector<CollectionPoint>& points, const PolicyModel& policy, const Taxonomy& taxonomy,
                      const ConformOptions& opts) {
  return Checker(points, policy, taxonomy, opts).run();
}

}  // namespace ps
