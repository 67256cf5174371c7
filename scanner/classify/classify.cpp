#include "scanner/classify/classify.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "scanner/core/text.h"

namespace ps {
namespace {

using Categories = std::set<std::string>;

// Values read from the environment or from configuration are the app's
// secrets and settings, not a person's data: STRIPE_SECRET_KEY is no credential of a user.
bool is_configuration(std::string_view name) {
  for (std::string_view prefix : {"process.env", "os.environ", "os.getenv", "import.meta.env", "Deno.env", "ENV.", "ENV[", "env.",
                                  "settings.", "config.", "Config.", "app.config", "current_app.config", "System.getenv",
                                  "Environment.GetEnvironmentVariable", "getenv"})
    if (name.compare(0, prefix.size(), prefix) == 0) return true;
  return false;
}

// Categories of variables bound so far in the file, in source order.
class DataFlow {
 public:
  DataFlow(const DataTypeClassifier& c) : classifier_(c) {}

  Categories of_name(const std::string& name) {
    Categories out;
    if (is_configuration(name)) return out;
    auto [it, fresh] = cache_.try_emplace(name);
    if (fresh) it->second = classifier_.classify_name(name);
    out.insert(it->second.begin(), it->second.end());
    // A variable carries what was assigned to it: `e` and `data.e` both.
    std::string root = name.substr(0, name.find('.'));
    if (auto v = vars_.find(root); v != vars_.end()) out.insert(v->second.begin(), v->second.end());
    return out;
  }

  Categories of_expr(const Expr& e) {
    Categories out;
    for (const auto& n : e.names) merge(out, of_name(n));
    for (const auto& f : e.fields) {
      // {access_token: process.env.TOKEN}: the key names the app's secret, not a person's.
      bool config_value = !f.names.empty() && std::all_of(f.names.begin(), f.names.end(), [](const std::string& n) { return is_configuration(n); });
      if (!config_value) merge(out, of_name(f.key));
      for (const auto& n : f.names) merge(out, of_name(n));
    }
    for (const auto& s : e.strings) {
      auto cats = classifier_.classify_key_string(s);
      out.insert(cats.begin(), cats.end());
    }
    return out;
  }

  void bind(const Fact& f) {
    Categories cats = of_name(f.name);
    for (const auto& a : f.args) merge(cats, of_expr(a));
    if (cats.empty()) vars_.erase(f.name);  // reassigned to something that carries nothing
    else vars_[f.name] = std::move(cats);
  }

 private:
  static void merge(Categories& into, const Categories& from) { into.insert(from.begin(), from.end()); }
  const DataTypeClassifier& classifier_;
  std::unordered_map<std::string, std::vector<std::string>> cache_;
  std::unordered_map<std::string, Categories> vars_;
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
  const auto& facts = file.facts.facts;
  LineIndex lines(file.text);
  std::size_t next_fact = 0;
  for (const Detection* d : order) {
    for (; next_fact < facts.size() && next_fact < d->fact; ++next_fact)
      if (facts[next_fact].kind == FactKind::Bind) flow.bind(facts[next_fact]);
    const Rule& rule = library.rules()[d->rule];
    Categories cats(rule.categories.begin(), rule.categories.end());
    Categories carried;
    for (const auto& e : d->data) {
      auto c = flow.of_expr(e);
      carried.insert(c.begin(), c.end());
    }
    if (rule.requires_data && carried.empty()) continue;
    cats.insert(carried.begin(), carried.end());

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
