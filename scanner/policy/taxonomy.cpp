#include "scanner/policy/taxonomy.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "scanner/core/point.h"

namespace ps {

void KeyTree::add(const std::string& key, std::string parent) {
  if (parent.empty()) {
    auto dot = key.rfind('.');
    if (dot != std::string::npos) parent = key.substr(0, dot);
  }
  parent_[key] = std::move(parent);
}

bool KeyTree::covers(const std::string& a, const std::string& b) const {
  if (a == b) return true;
  for (const auto& up : ancestors(b))
    if (up == a) return true;
  return false;
}

std::optional<std::string> KeyTree::parent(const std::string& key) const {
  auto it = parent_.find(key);
  if (it == parent_.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::vector<std::string> KeyTree::ancestors(const std::string& key) const {
  std::vector<std::string> out;
  std::string cur = key;
  // Bounded: a malformed tree (a cycle slipped in) cannot loop us.
  for (std::size_t guard = 0; guard <= parent_.size(); ++guard) {
    auto p = parent(cur);
    if (!p || std::find(out.begin(), out.end(), *p) != out.end()) break;
    out.push_back(*p);
    cur = *p;
  }
  return out;
}

std::vector<std::string> KeyTree::keys() const {
  std::vector<std::string> out;
  out.reserve(parent_.size());
  for (const auto& [k, p] : parent_) out.push_back(k);
  return out;
}

// Optimal string alignment: a swap of two neighbours ("emial") is one edit,
// the commonest typo.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], before[j - 2] + 1);
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::optional<std::string> KeyTree::suggest(const std::string& key) const {
  if (key.empty() || key.size() > 256) return std::nullopt;  // nothing sensible to compare; keeps the cost bounded
  // Typos: the nearest key within a quarter of the length (at least 2 edits).
  std::optional<std::string> best;
  std::size_t limit = std::max<std::size_t>(2, key.size() / 4);
  for (const auto& [k, p] : parent_) {
    if (k.size() > key.size() + limit || key.size() > k.size() + limit) continue;
    std::size_t d = edit_distance(key, k);
    if (d < limit || (d == limit && !best)) { limit = d; best = k; }
  }
  if (best) return best;
  // A shortened key: "email" or "contact.email" -> "user.contact.email", when only one key ends so.
  const std::string tail = "." + key;
  for (const auto& [k, p] : parent_)
    if (k.size() > tail.size() && k.compare(k.size() - tail.size(), tail.size(), tail) == 0) {
      if (best) return std::nullopt;  // ambiguous: better no hint than a wrong one
      best = k;
    }
  return best;
}

std::vector<std::string> Taxonomy::tracking_tech_of(const std::string& point_kind) const {
  std::vector<std::string> out;
  for (const auto& [tech, kinds] : tracking_tech)
    if (std::find(kinds.begin(), kinds.end(), point_kind) != kinds.end()) out.push_back(tech);
  return out;
}

std::vector<Extension> add_extensions(Taxonomy& t, const std::vector<Extension>& exts, Diagnostics& diags) {
  auto report = [&](const Extension& e, std::string msg) {
    diags.push_back(Diagnostic{Severity::Error, "extension", e.file, e.line, e.column, std::move(msg)});
  };
  std::map<std::string, const Extension*> by_key;
  for (const auto& e : exts)
    if (!by_key.emplace(e.key, &e).second) report(e, fmt::format("extension '{}' is declared twice", e.key));

  std::vector<Extension> added;
  for (const auto& [key, e] : by_key) {
    // Follow parents through other extensions until a taxonomy key.
    std::set<std::string> seen{key};
    std::string root = e->parent;
    bool cycle = false;
    while (by_key.count(root) && !t.categories.known(root)) {
      if (!seen.insert(root).second) { cycle = true; break; }
      root = by_key.at(root)->parent;
    }
    if (cycle) { report(*e, fmt::format("extension '{}' is part of a cycle of parents", key)); continue; }
    if (!t.categories.known(root)) {
      auto hint = t.categories.suggest(root);
      report(*e, fmt::format("extension '{}' has an unknown parent '{}'{}", key, root,
                             hint ? fmt::format(" (did you mean '{}'?)", *hint) : ""));
      continue;
    }
    if (t.categories.known(key) && t.categories.parent(key) != e->parent) {
      report(*e, fmt::format("extension '{}' is already a category under '{}'", key, t.categories.parent(key).value_or("")));
      continue;
    }
    added.push_back(*e);
  }
  for (const auto& e : added) t.categories.add(e.key, e.parent);
  return added;
}

namespace {

// Reads the taxonomy files of one directory, reporting what is wrong where.
class TaxonomyReader {
 public:
  TaxonomyReader(const std::filesystem::path& dir, Taxonomy& t, Diagnostics& diags) : dir_(dir), t_(t), diags_(diags) {}

  void read_all() {
    read_keys("data_categories.yaml", "data_categories", t_.categories);
    read_keys("data_uses.yaml", "data_uses", t_.uses);
    read_keys("data_subjects.yaml", "data_subjects", t_.subjects);
    read_extensions();
    read_recipients();
  }

 private:
  const std::filesystem::path& dir_;
  Taxonomy& t_;
  Diagnostics& diags_;
  std::string file_;

  void error(const YAML::Node& n, std::string msg) {
    auto m = n.Mark();
    diags_.push_back(Diagnostic{Severity::Error, "taxonomy", file_, m.line + 1, m.column + 1, std::move(msg)});
  }

  // The root map of one file, or a null node after reporting why.
  YAML::Node open(const std::string& name) {
    file_ = (dir_ / name).string();
    YAML::Node root;
    try {
      root = YAML::LoadFile(file_);
    } catch (const YAML::BadFile&) {
      diags_.push_back(Diagnostic{Severity::Error, "taxonomy", file_, 0, 0, "cannot read the taxonomy file"});
      return {};
    } catch (const YAML::Exception& e) {
      diags_.push_back(Diagnostic{Severity::Error, "taxonomy", file_, e.mark.line + 1, e.mark.column + 1, e.msg});
      return {};
    }
    if (!root.IsMap()) {
      error(root, "a taxonomy file is a map");
      return {};
    }
    return root;
  }

  // The list or map under `key`, or a null node after reporting its absence.
  YAML::Node section(const YAML::Node& root, const char* key) {
    if (!root) return {};
    if (!root[key]) error(root, fmt::format("'{}' is missing", key));
    return root[key];
  }

  std::string scalar(const YAML::Node& entry, const char* field) {
    YAML::Node n = entry[field];
    if (!n || n.IsNull()) return {};
    if (!n.IsScalar()) { error(n, fmt::format("'{}' must be a string", field)); return {}; }
    return n.Scalar();
  }

  void read_keys(const std::string& name, const char* list_key, KeyTree& tree) {
    YAML::Node list = section(open(name), list_key);
    if (!list) return;
    if (!list.IsSequence()) return error(list, fmt::format("'{}' must be a list", list_key));
    std::vector<std::pair<std::string, YAML::Node>> with_parent;
    for (const auto& entry : list) {
      if (!entry.IsMap()) { error(entry, "an entry is a map {fides_key, parent, name, description}"); continue; }
      std::string key = scalar(entry, "fides_key"), parent = scalar(entry, "parent");
      if (key.empty()) { error(entry, "entry without a 'fides_key'"); continue; }
      if (tree.known(key)) { error(entry, fmt::format("'{}' is listed twice", key)); continue; }
      tree.add(key, parent);
      if (auto r = scalar(entry, "replaced_by"); !r.empty()) t_.replaced[key] = r;
      with_parent.emplace_back(key, entry);
    }
    for (const auto& [key, entry] : with_parent) {
      auto p = tree.parent(key);
      if (p && !tree.known(*p)) error(entry, fmt::format("'{}' has an unknown parent '{}'", key, *p));
      else if (p && tree.covers(key, *p)) error(entry, fmt::format("'{}' is part of a cycle of parents", key));
    }
  }

  void read_extensions() {
    YAML::Node list = section(open("extensions.yaml"), "extensions");
    if (!list) return;
    if (!list.IsSequence()) return error(list, "'extensions' must be a list");
    std::vector<Extension> exts;
    for (const auto& entry : list) {
      if (!entry.IsMap()) { error(entry, "an extension is a map {fides_key, parent, why}"); continue; }
      Extension e{scalar(entry, "fides_key"), scalar(entry, "parent"), file_, entry.Mark().line + 1, entry.Mark().column + 1};
      if (e.key.empty() || e.parent.empty()) { error(entry, "an extension needs 'fides_key' and 'parent'"); continue; }
      if (scalar(entry, "why").empty()) error(entry, fmt::format("extension '{}' needs a 'why'", e.key));
      exts.push_back(std::move(e));
    }
    add_extensions(t_, exts, diags_);
  }

  void read_recipients() {
    YAML::Node root = open("recipients.yaml");
    YAML::Node map = section(root, "recipients");
    if (!map) return;
    if (!map.IsMap()) return error(map, "'recipients' maps a category to its parent");
    for (const auto& kv : map) t_.recipients.add(kv.first.Scalar(), kv.second.IsScalar() ? kv.second.Scalar() : "");
    for (const auto& kv : map) {
      auto p = t_.recipients.parent(kv.first.Scalar());
      if (p && !t_.recipients.known(*p)) error(kv.second, fmt::format("recipient category '{}' has an unknown parent '{}'", kv.first.Scalar(), *p));
    }
    YAML::Node techs = section(root, "tracking_tech");
    if (!techs) return;
    if (!techs.IsMap()) return error(techs, "'tracking_tech' maps a technology to point kinds");
    for (const auto& kv : techs) {
      auto& kinds = t_.tracking_tech[kv.first.Scalar()];
      if (!kv.second.IsSequence()) { error(kv.second, "a tracking technology lists point kinds"); continue; }
      for (const auto& k : kv.second) {
        if (!k.IsScalar() || !is_known_point_kind(k.Scalar())) { error(k, "not a point kind"); continue; }
        kinds.push_back(k.Scalar());
      }
    }
  }
};

}  // namespace

Taxonomy Taxonomy::load(const std::filesystem::path& dir, Diagnostics& diags) {
  Taxonomy t;
  try {
    TaxonomyReader(dir, t, diags).read_all();
  } catch (const YAML::Exception& e) {  // a conversion we did not foresee: still a diagnostic, never a crash
    diags.push_back(Diagnostic{Severity::Error, "taxonomy", dir.string(), e.mark.line + 1, e.mark.column + 1, e.msg});
  }
  return t;
}

}  // namespace ps
