#include "scanner/classify/classify.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "scanner/core/string_hash.h"
#include "scanner/core/text.h"

namespace ps {
namespace {

using Categories = std::set<std::string>;

// Values read from the environment or from configuration are the app's
// secrets and settings, not a person's data: STRIPE_SECRET_KEY is no credential of a user.
bool is_configuration(std::string_view name) {
  // Shorter than every prefix, or not starting as one does: most names
  // (minified code's `e` and `t` among them) stop here.
  if (name.size() < 4 || !std::strchr("pobiDEescCaSg", name[0])) return false;
  for (std::string_view prefix : {"process.env", "os.environ", "os.getenv", "import.meta.env", "Deno.env", "ENV.", "ENV[", "env.",
                                  "settings.", "config.", "Config.", "app.config", "current_app.config", "System.getenv",
                                  "Environment.GetEnvironmentVariable", "getenv"})
    if (prefix[0] == name[0] && name.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

// A set of categories as ids into DataFlow's names, sorted: data flow merges
// many small sets, and ids spare a string allocation per category per name.
using CategoryIds = std::vector<std::uint16_t>;

void add(CategoryIds& into, std::uint16_t id) {
  auto at = std::lower_bound(into.begin(), into.end(), id);
  if (at == into.end() || *at != id) into.insert(at, id);
}

void merge(CategoryIds& into, const CategoryIds& from) {
  for (auto id : from) add(into, id);
}

// Categories of variables bound so far in the file, in source order.
class DataFlow {
 public:
  DataFlow(const DataTypeClassifier& c) : classifier_(c) {}

  CategoryIds of_name(std::string_view name) {
    CategoryIds out;
    if (is_configuration(name)) return out;
    auto it = cache_.find(name);
    if (it == cache_.end()) it = cache_.emplace(std::string(name), ids(classifier_.classify_name(name))).first;
    out = it->second;
    // A variable carries what was assigned to it: `e` and `data.e` both.
    if (auto v = vars_.find(name.substr(0, name.find('.'))); v != vars_.end()) merge(out, v->second);
    return out;
  }

  CategoryIds of_expr(const Expr& e) {
    CategoryIds out;
    for (const auto& n : e.names) merge(out, of_name(n));
    for (const auto& f : e.fields) {
      // {access_token: process.env.TOKEN}: the key names the app's secret, not a person's.
      bool config_value = !f.names.empty() && std::all_of(f.names.begin(), f.names.end(), [](const std::string& n) { return is_configuration(n); });
      if (!config_value) merge(out, of_name(f.key));
      for (const auto& n : f.names) merge(out, of_name(n));
    }
    for (const auto& s : e.strings) merge(out, ids(classifier_.classify_key_string(s)));
    return out;
  }

  void bind(const std::string& name, const Expr* value) {
    CategoryIds cats = of_name(name);
    if (value) merge(cats, of_expr(*value));
    if (cats.empty()) {
      if (auto v = vars_.find(name); v != vars_.end()) vars_.erase(v);  // reassigned to something that carries nothing
    } else {
      vars_[name] = std::move(cats);
    }
  }

  const std::string& name(std::uint16_t id) const { return names_[id]; }

 private:
  CategoryIds ids(const std::vector<std::string>& categories) {
    CategoryIds out;
    for (const auto& c : categories) {
      auto [it, fresh] = id_of_.try_emplace(c, static_cast<std::uint16_t>(names_.size()));
      if (fresh) names_.push_back(c);
      add(out, it->second);
    }
    return out;
  }

  const DataTypeClassifier& classifier_;
  StringMap<CategoryIds> cache_;       // classifier results by name
  StringMap<CategoryIds> vars_;        // categories a variable holds
  StringMap<std::uint16_t> id_of_;
  std::vector<std::string> names_;  // by id
};

// The binds whose values can reach the detections. Walking back from the
// last detection, a bind matters when a detection or a bind that matters,
// later in the file, reads its variable (data flow looks a name up by its
// first segment: `e` of `e.address`; a bind also reads its own variable's
// earlier value). The others need no summary (the parse stage defers it)
// and no classification.
class Reach {
 public:
  Reach(const ParsedFile& file, const std::vector<const Detection*>& order) : file_(file) {
    const auto& facts = file.facts.facts;
    std::size_t next = order.size();  // detections not yet read, from the last
    for (std::size_t i = std::min<std::size_t>(order.back()->fact, facts.size()); i-- > 0;) {
      for (; next > 0 && order[next - 1]->fact > i; --next)
        for (const auto& e : order[next - 1]->data) reads(e);
      const Fact& f = facts[i];
      if (f.kind != FactKind::Bind || !f.type.empty() || !live_.count(f.name)) continue;  // (a declared type carries no data)
      binds_.push_back(static_cast<std::uint32_t>(i));
      if (const Expr* v = value(binds_.back())) reads(*v);
    }
    std::reverse(binds_.begin(), binds_.end());
  }

  // The binds that matter, in fact order.
  const std::vector<std::uint32_t>& binds() const { return binds_; }

  // A Bind fact's value, summarised now if the parse stage deferred it.
  const Expr* value(std::uint32_t fact) {
    const Fact& f = file_.facts.facts[fact];
    if (f.args.empty()) return nullptr;
    if (file_.deferred.empty()) return &f.args[0];
    if (auto it = made_.find(fact); it != made_.end()) return &it->second;
    auto made = deferred_value(file_, fact);
    if (!made) return &f.args[0];
    return &made_.emplace(fact, std::move(*made)).first->second;
  }

 private:
  void reads(const Expr& e) {
    for (const auto& n : e.names) live_.insert(first_segment(n));
    for (const auto& f : e.fields) {
      live_.insert(first_segment(f.key));
      for (const auto& n : f.names) live_.insert(first_segment(n));
    }
  }

  const ParsedFile& file_;
  std::unordered_set<std::string_view> live_;  // views into facts, detections and made_ (all stay put)
  std::vector<std::uint32_t> binds_;
  std::unordered_map<std::uint32_t, Expr> made_;  // deferred values summarised so far
};

}  // namespace

std::vector<CollectionPoint> classify_detections(const ParsedFile& file, const std::vector<Detection>& detections,
                                                 const MappingLibrary& library, const DataTypeClassifier& classifier) {
  std::vector<CollectionPoint> points;
  if (detections.empty()) return points;
  // Visit detections in fact order so the data-flow state is the one at each point.
  std::vector<const Detection*> order;
  for (const auto& d : detections) order.push_back(&d);
  std::stable_sort(order.begin(), order.end(), [](const Detection* a, const Detection* b) { return a->fact < b->fact; });

  DataFlow flow(classifier);
  Reach reach(file, order);
  const auto& facts = file.facts.facts;
  LineIndex lines(file.text);
  std::size_t next_bind = 0;
  for (const Detection* d : order) {
    for (; next_bind < reach.binds().size() && reach.binds()[next_bind] < d->fact; ++next_bind) {
      std::uint32_t fi = reach.binds()[next_bind];
      flow.bind(facts[fi].name, reach.value(fi));
    }
    const Rule& rule = library.rules()[d->rule];
    Categories cats(rule.categories.begin(), rule.categories.end());
    CategoryIds carried;
    for (const auto& e : d->data) merge(carried, flow.of_expr(e));
    if (rule.requires_data && carried.empty()) continue;
    for (auto id : carried) cats.insert(flow.name(id));

    CollectionPoint p;
    p.path = file.file.rel;
    p.line = static_cast<int>(d->loc.line);
    p.column = static_cast<int>(d->loc.column);
    p.language = file.file.language;
    p.kind = rule.kind;
    p.categories.assign(cats.begin(), cats.end());
    p.recipient = rule.recipient;
    // A host no rule knows is its own recipient, so a policy can name it (`match: [host]`).
    if (rule.recipient.id == "unknown" && !d->evidence.empty()) p.recipient.id = d->evidence;
    p.evidence = d->evidence;
    p.snippet = collapse_ws(lines.line_text(file.text, p.line), 200);
    p.mapping_id = rule.id;
    p.retention_seconds = d->retention_seconds;
    p.detail = collapse_ws(d->detail, 200);
    points.push_back(std::move(p));
  }
  std::sort(points.begin(), points.end(), [](const CollectionPoint& a, const CollectionPoint& b) {
    return std::tie(a.line, a.column, a.mapping_id) < std::tie(b.line, b.column, b.mapping_id);
  });
  return points;
}

}  // namespace ps
