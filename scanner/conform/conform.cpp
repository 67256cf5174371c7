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
  bool shares = false;                // data leaves for the point's recipient
  bool is_log = false;
  bool stores = false;                // kept somewhere, so retention rules apply
  bool is_retention = false;          // a lifetime or deletion setting, not a collection
  std::vector<std::string> tracking;  // tracking technologies it is (taxonomy tracking_tech)
};

PointMeaning meaning_of(const CollectionPoint& p, const Taxonomy& t) {
  PointMeaning m;
  const std::string& k = p.kind;
  if (k == "persistence" || k == "cookie" || k == "browser-storage") {
    m.action = Action::Store;  // on our servers, or on the user's device
    m.stores = true;
  } else if (k == "log-field") {
    m.action = Action::Log;
    m.is_log = true;
  } else if (k == "analytics-sdk" || k == "tracking-pixel" || k == "third-party-api" || k == "file-upload") {
    m.action = Action::Share;
    m.shares = !p.recipient.id.empty() && p.recipient.id != "we";  // an upload to our own storage is a collection
    if (!m.shares) m.action = Action::Collect;
  } else if (k == "retention") {
    m.is_retention = true;
  }  // oauth-scope, form-input, device-info, ip-geo, push-token: collect
  m.tracking = t.tracking_tech_of(k);
  return m;
}

// Personal data is what fideslang files under `user`; system data is not
// the policy's business.
bool is_personal(const std::string& category) { return category == "user" || category.rfind("user.", 0) == 0; }

// Purposes a recipient category implies, for denials stated by purpose
// ("never used for advertising").
std::vector<std::string> implied_purposes(const std::string& recipient_category) {
  if (recipient_category == "ad_network") return {"marketing.advertising"};
  if (recipient_category == "analytics") return {"analytics.reporting"};
  return {};
}

// Retention triggers a lifetime in code can be measured against: a TTL
// counts from when data was written or last touched. Deadlines after
// account closure or a request are kept by deletion code, not by TTLs.
bool ttl_comparable(const std::string& after) {
  return after == "collection" || after == "last_activity" || after == "thread_inactive";
}

PolicyRef ref(const Statement& s) { return PolicyRef{s.pos.file, s.pos.line, s.pos.column, s.id, s.quote}; }

std::string join(const std::vector<std::string>& v) { return fmt::format("{}", fmt::join(v, ", ")); }

// How many leading dotted segments two keys share ("user.contact.email",
// "user.contact.phone_number" -> 2).
std::size_t shared_depth(const std::string& a, const std::string& b) {
  std::size_t depth = 0, i = 0;
  while (i <= a.size() && i <= b.size()) {
    std::size_t ea = a.find('.', i), eb = b.find('.', i);
    if (ea == std::string::npos) ea = a.size();
    if (eb == std::string::npos) eb = b.size();
    if (ea != eb || a.compare(i, ea - i, b, i, eb - i) != 0) break;
    ++depth;
    i = ea + 1;
  }
  return depth;
}

class Checker {
 public:
  Checker(const std::vector<CollectionPoint>& points, const PolicyModel& m, const Taxonomy& t, const ConformOptions& o)
      : points_(points), m_(m), t_(t), o_(o) {}

  ConformResult run() {
    for (const auto& p : m_.practices) result_.statements.push_back({p.id, "practice", summary(p), &p, {}});
    for (const auto& d : m_.denials) result_.statements.push_back({d.id, "denial", "never " + summary(d), &d, {}});
    for (const auto& r : m_.retention)
      result_.statements.push_back({r.id, "retention", fmt::format("delete {} {}after {}", join(r.data), r.within_text.empty() ? "" : "within " + r.within_text + " ", r.after), &r, {}});
    for (const auto& r : m_.recipients) result_.statements.push_back({r.id, "recipient", fmt::format("{} ({})", r.id, r.category), &r, {}});
    if (m_.tracking.declared) result_.statements.push_back({m_.tracking.id, "tracking", "tracking: " + join(m_.tracking.tech), &m_.tracking, {}});

    for (std::size_t i = 0; i < points_.size(); ++i) check_point(i);
    check_retention_enforced();
    unbacked();
    std::stable_sort(result_.findings.begin(), result_.findings.end(), [](const Finding& a, const Finding& b) {
      return std::tie(a.path, a.line, a.column, a.rule, a.message) < std::tie(b.path, b.line, b.column, b.rule, b.message);
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

  void back(const Statement* s, std::size_t point) {
    for (auto& b : result_.statements)
      if (b.statement == s) {
        if (b.points.empty() || b.points.back() != point) b.points.push_back(point);
        return;
      }
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

  std::string where(const CollectionPoint& p) const { return fmt::format("{}:{}", p.path, p.line); }

  // The statement that discloses the point's recipient, if any.
  const Statement* recipient_disclosure(const CollectionPoint& p) const {
    for (const auto& r : m_.recipients)
      if (recipient_covers(m_, t_, r.id, p.recipient, o_.strict_recipients)) return &r;
    // A category named in a practice's `to:`.
    for (const auto& pr : m_.practices)
      for (const auto& to : pr.to)
        if (!m_.recipient(to) && recipient_covers(m_, t_, to, p.recipient, o_.strict_recipients)) return &pr;
    return nullptr;
  }

  // Related statements for an undisclosed finding, so the reader sees what
  // the policy does say: a recipient of the same category, or the practice
  // whose data is nearest in the taxonomy.
  const Statement* nearest_recipient(const CollectionPoint& p) const {
    for (const auto& r : m_.recipients)
      if (!p.recipient.category.empty() && r.category == p.recipient.category) return &r;
    return nullptr;
  }
  const Statement* nearest_practice(const std::vector<std::string>& cats) const {
    const Statement* best = nullptr;
    std::size_t best_depth = 1;  // sharing only `user` is no relation
    for (const auto& pr : m_.practices)
      for (const auto& d : pr.data)
        for (const auto& c : cats)
          if (std::size_t depth = shared_depth(d, c); depth > best_depth) { best_depth = depth; best = &pr; }
    return best;
  }

  bool practice_action_fits(const Practice& pr, const CollectionPoint& p, const PointMeaning& mean) const {
    if (mean.is_log) return pr.action == Action::Log;  // collecting does not disclose logging
    const bool tracks = pr.action == Action::Track && !mean.tracking.empty();  // "we track you with cookies/SDKs"
    if (!mean.shares) return tracks || action_covers(pr.action, mean.action);
    const bool names_them = std::any_of(pr.to.begin(), pr.to.end(), [&](const std::string& to) {
      return recipient_covers(m_, t_, to, p.recipient, o_.strict_recipients);
    });
    if (pr.action == Action::Share || tracks) return pr.to.empty() || names_them;
    // "We collect your messages through Meta": a practice naming the party
    // discloses the exchange with it, whichever way the data goes (API reads
    // of connected services are calls to them too).
    return pr.action == Action::Collect && names_them;
  }

  // The most specific key of a practice covering category c at this point
  // ("" when none) and that practice.
  std::string practice_for(const CollectionPoint& p, const PointMeaning& mean, const std::string& c, const Practice** by) const {
    std::string best;
    for (const auto& pr : m_.practices) {
      if (!practice_action_fits(pr, p, mean)) continue;
      std::string k = covering_category(t_, pr.data, c);
      if (k.size() > best.size()) { best = k; *by = &pr; }
    }
    return best;
  }

  bool denial_applies(const Denial& d, const CollectionPoint& p, const PointMeaning& mean) const {
    if (d.action == Action::Sell) return false;  // code cannot show a sale
    const bool action = action_covers(d.action, mean.action) || (d.action == Action::Use && !mean.is_log) ||
                        (d.action == Action::Track && !mean.tracking.empty());
    if (!action) return false;
    if (!d.to.empty()) {
      if (!mean.shares) return false;
      if (std::none_of(d.to.begin(), d.to.end(), [&](const std::string& r) { return recipient_covers(m_, t_, r, p.recipient, false); }))
        return false;
    }
    if (!d.purposes.empty()) {
      auto implied = implied_purposes(p.recipient.category);
      if (!keys_overlap(t_.uses, d.purposes, implied)) return false;
    }
    return true;
  }

  static std::string verb(const PointMeaning& m) {
    if (m.shares) return "sends";
    if (m.is_log) return "logs";
    if (m.action == Action::Store) return "stores";
    return "collects";
  }

  std::string flow(const CollectionPoint& p, const PointMeaning& mean, const std::vector<std::string>& cats) const {
    return fmt::format("{} at {} {} {}{}", p.kind, where(p), verb(mean), join(cats), mean.shares ? " to " + p.recipient.id : "");
  }

  void check_point(std::size_t i) {
    const CollectionPoint& p = points_[i];
    const PointMeaning mean = meaning_of(p, t_);
    std::vector<std::string> personal;
    for (const auto& c : p.categories)
      if (is_personal(c)) personal.push_back(c);
    if (!mean.is_retention) check_collection(i, p, mean, personal);
    check_tracking(i, p, mean);
    if (p.retention_seconds) check_lifetime(i, p);
  }

  void check_collection(std::size_t i, const CollectionPoint& p, const PointMeaning& mean, const std::vector<std::string>& personal) {
    std::set<std::string> flagged;  // one finding per category and point is enough

    // 1. Denials: a match is a broken promise.
    for (const auto& d : m_.denials) {
      if (!denial_applies(d, p, mean)) continue;
      std::vector<std::string> hit;
      for (const auto& c : personal)
        if (!covering_category(t_, d.data, c).empty()) hit.push_back(c);
      if (hit.empty()) continue;
      flagged.insert(hit.begin(), hit.end());
      back(&d, i);
      auto f = finding(p, "broken-promise", Severity::Error, flow(p, mean, hit) + fmt::format(", which denial '{}' says never happens", d.id),
                       "remove this code path, or change the promise in the policy (and tell users)", hit);
      f.policy = ref(d);
      result_.findings.push_back(std::move(f));
    }

    // 2. The recipient of shared data.
    if (mean.shares) {
      if (const Statement* by = recipient_disclosure(p)) {
        back(by, i);
      } else {
        const std::string who = p.recipient.id + (p.recipient.category.empty() ? "" : " (" + p.recipient.category + ")");
        auto f = finding(p, "undisclosed-recipient", Severity::Warning,
                         fmt::format("{} at {} sends data to {}, which the policy does not name{}", p.kind, where(p), who,
                                     o_.strict_recipients ? " (strict recipients: a category is not enough)" : ""),
                         fmt::format("disclose {} as a recipient in the policy, or remove the call", p.recipient.id), personal);
        if (const Statement* near = nearest_recipient(p)) f.policy = ref(*near);
        result_.findings.push_back(std::move(f));
        return;  // the categories sent are part of this one finding
      }
    }

    // 3. Categories through practices (logs have their own rule).
    std::vector<std::string> undisclosed, vague, logged;
    const Practice* vague_by = nullptr;
    std::string vague_key;
    for (const auto& c : personal) {
      if (flagged.count(c)) continue;
      const Practice* by = nullptr;
      std::string key = practice_for(p, mean, c, &by);
      if (by) back(by, i);
      if (key.empty()) (mean.is_log ? logged : undisclosed).push_back(c);
      else if (key.find('.') == std::string::npos && !mean.is_log) {  // only a root such as `user` covers it
        vague.push_back(c);
        vague_by = by;
        vague_key = key;
      }
    }
    if (!logged.empty()) {
      auto f = finding(p, "personal-data-in-log", Severity::Warning, fmt::format("{} at {} writes {} to a log", p.kind, where(p), join(logged)),
                       "log an identifier or a redacted value instead, or disclose the logging in the policy", logged);
      if (const Statement* near = nearest_practice(logged)) f.policy = ref(*near);
      result_.findings.push_back(std::move(f));
    }
    if (!undisclosed.empty()) {
      auto f = finding(p, "undisclosed-collection", Severity::Warning, flow(p, mean, undisclosed) + ", which no practice in the policy discloses",
                       fmt::format("disclose {} in the policy, or remove the call", join(undisclosed)), undisclosed);
      if (const Statement* near = nearest_practice(undisclosed)) f.policy = ref(*near);
      result_.findings.push_back(std::move(f));
    }
    if (!vague.empty()) {
      auto f = finding(p, "vague-disclosure", Severity::Note,
                       flow(p, mean, vague) + fmt::format(", which practice '{}' discloses only as the whole of '{}'", vague_by->id, vague_key),
                       fmt::format("name {} in the policy", join(vague)), vague);
      f.policy = ref(*vague_by);
      result_.findings.push_back(std::move(f));
    }
  }

  // Cookies, storage, SDKs and pixels are tracking technologies the policy must list.
  void check_tracking(std::size_t i, const CollectionPoint& p, const PointMeaning& mean) {
    if (mean.tracking.empty()) return;
    const auto& listed = m_.tracking.tech;
    const bool disclosed = m_.tracking.declared && std::any_of(mean.tracking.begin(), mean.tracking.end(), [&](const std::string& t) {
                             return std::find(listed.begin(), listed.end(), t) != listed.end();
                           });
    if (disclosed) return back(&m_.tracking, i);
    auto f = finding(p, "undisclosed-tracking", Severity::Warning,
                     fmt::format("{} at {} is a tracking technology ({}) the policy does not disclose", p.kind, where(p), mean.tracking.front()),
                     fmt::format("list '{}' under tracking in the policy, or remove the call", mean.tracking.front()), p.categories);
    if (m_.tracking.declared) f.policy = ref(m_.tracking);
    result_.findings.push_back(std::move(f));
  }

  // A lifetime in code against the retention rules covering its data: the
  // tightest rule exceeded is reported.
  void check_lifetime(std::size_t i, const CollectionPoint& p) {
    const RetentionRule* worst = nullptr;
    for (const auto& r : m_.retention) {
      const bool covers = std::any_of(p.categories.begin(), p.categories.end(),
                                      [&](const std::string& c) { return !covering_category(t_, r.data, c).empty(); });
      if (!covers) continue;
      back(&r, i);
      if (!r.within_seconds || !ttl_comparable(r.after) || *p.retention_seconds <= *r.within_seconds) continue;
      if (!worst || *r.within_seconds < *worst->within_seconds) worst = &r;
    }
    if (!worst) return;
    auto f = finding(p, "retention-exceeds-policy", Severity::Warning,
                     fmt::format("{} at {} keeps {} for {}, longer than the {} retention rule '{}' allows", p.kind, where(p),
                                 join(p.categories), describe_seconds(*p.retention_seconds), worst->within_text, worst->id),
                     fmt::format("shorten the lifetime to {} or less, or change the retention rule in the policy", describe_seconds(*worst->within_seconds)),
                     p.categories);
    f.policy = ref(*worst);
    result_.findings.push_back(std::move(f));
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
        else if (!stored && meaning_of(p, t_).stores) stored = &p;
      }
      if (!stored || enforced) continue;
      auto f = finding(*stored, "retention-not-enforced", Severity::Warning,
                       fmt::format("{} at {} stores {}, which retention rule '{}' deletes within {}, but nothing in the code expires or deletes it",
                                   stored->kind, where(*stored), join(r.data), r.id, r.within_text),
                       "add a TTL or a cleanup job for this data, or change the retention rule in the policy", r.data);
      f.policy = ref(r);
      result_.findings.push_back(std::move(f));
    }
  }

  // Practices and recipients no code backs: the policy may be stale, or the
  // code lives elsewhere. Denials and retention promises need no code.
  void unbacked() {
    for (const auto& b : result_.statements) {
      if (!b.points.empty() || (b.section != "practice" && b.section != "recipient")) continue;
      const Statement* s = b.statement;
      Finding f;
      f.rule = "unbacked-declaration";
      f.severity = Severity::Note;
      f.message = fmt::format("the policy declares {} '{}' ({}) at {}:{}, but nothing in the scanned code does it", b.section, b.id,
                              b.summary, s->pos.file, s->pos.line);
      f.fix = "nothing to do if that code lives elsewhere; otherwise remove the stale statement from the policy";
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
