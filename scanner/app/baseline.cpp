#include "scanner/app/baseline.h"

#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "scanner/core/text.h"

namespace ps {

std::string baseline_json(const Baseline& b) {
  nlohmann::json entries = nlohmann::json::array();
  for (const auto& e : b.entries)
    entries.push_back({{"fingerprint", e.fingerprint}, {"rule", e.rule}, {"path", sanitize_utf8(e.path)}, {"line", e.line},
                       {"message", sanitize_utf8(e.message)}});
  nlohmann::json j = {{"schema", kBaselineSchema}, {"created", b.created}, {"created_by", sanitize_utf8(b.created_by)},
                      {"reason", sanitize_utf8(b.reason)}, {"findings", entries}};
  return j.dump(2) + "\n";
}

std::optional<Baseline> load_baseline(const std::filesystem::path& file, std::string& error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = file.string() + ": cannot read the baseline";
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  auto j = nlohmann::json::parse(ss.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("schema", "") != kBaselineSchema || !j.contains("findings") ||
      !j["findings"].is_array()) {
    error = file.string() + ": not a policyscan baseline (schema " + std::string(kBaselineSchema) + ")";
    return std::nullopt;
  }
  Baseline b;
  b.created = j.value("created", "");
  b.created_by = j.value("created_by", "");
  b.reason = j.value("reason", "");
  for (const auto& e : j["findings"]) {
    if (!e.is_object() || !e.contains("fingerprint") || !e["fingerprint"].is_string()) continue;
    b.entries.push_back(BaselineEntry{e["fingerprint"].get<std::string>(), e.value("rule", ""), e.value("path", ""),
                                      e.value("line", 0), e.value("message", "")});
  }
  return b;
}

std::vector<std::string> apply_baseline(std::vector<Finding>& findings, const Baseline& b) {
  std::set<std::string> known, matched;
  for (const auto& e : b.entries) known.insert(e.fingerprint);
  for (auto& f : findings) {
    if (f.suppressed || !known.count(f.fingerprint)) continue;
    f.suppressed = true;
    f.suppression_reason = "baseline" + (b.reason.empty() ? std::string() : ": " + b.reason);
    matched.insert(f.fingerprint);
  }
  std::vector<std::string> stale;
  for (const auto& e : b.entries)
    if (!matched.count(e.fingerprint)) stale.push_back(e.fingerprint);
  return stale;
}

}  // namespace ps
