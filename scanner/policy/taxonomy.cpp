#include "scanner/policy/taxonomy.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include <fmt/format.h>

namespace ps {

void KeyTree::add(const std::string& key, std::string parent) {
  if (parent.empty()) {
    auto dot = key.rfind('.');
    if (dot != std::string::npos) parent = key.substr(0, dot);
  }
  parent_[key] = std::move(parent);
}

bool KeyTree::covers(const std::string& a, const std::string& b) const {
  std::string cur = b;
  for (int guard = 0; guard < 64 && !cur.empty(); ++guard) {  // bounded: a bad tree cannot loop us
    if (cur == a) return true;
    auto it = parent_.find(cur);
    if (it == parent_.end()) break;
    cur = it->second;
  }
  return false;
}

std::optional<std::string> KeyTree::parent(const std::string& key) const {
  auto it = parent_.find(key);
  if (it == parent_.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::vector<std::string> KeyTree::keys() const {
  std::vector<std::string> out;
  for (const auto& [k, p] : parent_) out.push_back(k);
  return out;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::optional<std::string> KeyTree::suggest(const std::string& key) const {
  std::optional<std::string> best;
  std::size_t best_d = std::max<std::size_t>(2, key.size() / 4) + 1;
  for (const auto& [k, p] : parent_) {
    if (k.size() > key.size() + best_d || key.size() > k.size() + best_d) continue;
    std::size_t d = edit_distance(key, k);
    if (d < best_d) { best_d = d; best = k; }
  }
  // "email" -> "user.contact.email": a last segment that names one key.
  if (!best && key.find('.') == std::string::npos) {
    for (const auto& [k, p] : parent_)
      if (k.size() > key.size() && k.compare(k.size() - key.size(), key.size(), key) == 0 && k[k.size() - key.size() - 1] == '.') {
        if (best) return std::nullopt;  // ambiguous
        best = k;
      }
  }
  return best;
}

Taxonomy Taxonomy::load(const std::filesystem::path& dir, Diagnostics& diags) {
  Taxonomy t;
  auto load_yaml = [&](const std::string& name) -> YAML::Node {
    auto path = (dir / name).string();
    try {
      return YAML::LoadFile(path);
    } catch (const YAML::BadFile&) {
      diags.push_back(Diagnostic{Severity::Error, "taxonomy", path, 0, 0, "cannot read the taxonomy file"});
    } catch (const YAML::Exception& e) {
      diags.push_back(Diagnostic{Severity::Error, "taxonomy", path, e.mark.line + 1, e.mark.column + 1, e.msg});
    }
    return YAML::Node();
  };
  try {
    if (auto cats = load_yaml("data_categories.yaml")["data_categories"])
      for (const auto& c : cats) {
        std::string key = c["key"].as<std::string>("");
        if (key.empty()) continue;
        t.categories.add(key);
        if (auto r = c["replaced_by"]) t.replaced[key] = r.as<std::string>();
      }
    if (auto ext = load_yaml("extensions.yaml")["extensions"])
      for (const auto& e : ext) t.categories.add(e["key"].as<std::string>(""), e["parent"].as<std::string>(""));
    if (auto uses = load_yaml("data_uses.yaml")["data_uses"])
      for (const auto& u : uses) t.uses.add(u.as<std::string>());
    if (auto rec = load_yaml("recipients.yaml")["recipients"])
      for (const auto& kv : rec) t.recipients.add(kv.first.as<std::string>(), kv.second.IsNull() ? "" : kv.second.as<std::string>());
  } catch (const YAML::Exception& e) {
    diags.push_back(Diagnostic{Severity::Error, "taxonomy", dir.string(), e.mark.line + 1, e.mark.column + 1, e.msg});
  }
  return t;
}

}  // namespace ps
