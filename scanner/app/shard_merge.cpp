#include "scanner/app/shard_merge.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "reports/json_fields.h"
#include "reports/scan_report.h"

namespace ps {

using nlohmann::json;

std::optional<MergedScan> merge_scan_reports(const std::vector<std::string>& files, std::string& error) {
  MergedScan out;
  std::map<std::string, std::size_t> owner;  // file path -> index of the report it came from
  auto claim = [&](const std::string& path, std::size_t report) {
    auto [it, fresh] = owner.emplace(path, report);
    if (fresh || it->second == report) return true;
    error = fmt::format("{}: covers {}, which {} covers too (merge the reports of disjoint shards)", files[report], path,
                        files[it->second]);
    return false;
  };
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string& file = files[i];
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      error = fmt::format("{}: cannot read the file", file);
      return std::nullopt;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    json j = json::parse(ss.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      error = fmt::format("{}: not JSON (merge reads `scan --format json` reports)", file);
      return std::nullopt;
    }
    try {
      if (j.value("schema", "") != kScanSchema) {
        error = fmt::format("{}: not a {} report", file, kScanSchema);
        return std::nullopt;
      }
      std::string version = j.at("tool").at("version").get<std::string>();
      if (version != POLICYSCAN_VERSION) {
        error = fmt::format("{}: written by policyscan {}, this is {}: run every shard with one version", file, version, POLICYSCAN_VERSION);
        return std::nullopt;
      }
      std::string policy = j.at("policy").get<std::string>();
      if (i == 0) out.policy_file = policy;
      else if (policy != out.policy_file) {
        error = fmt::format("{}: checked against policy {}, but {} against {}", file, policy, files[0], out.policy_file);
        return std::nullopt;
      }
      for (const auto& p : j.at("points")) {
        out.scan.points.push_back(point_from_json(p));
        if (!claim(out.scan.points.back().path, i)) return std::nullopt;
      }
      for (const auto& [path, list] : j.at("suppressions").items()) {
        if (!claim(path, i)) return std::nullopt;
        for (const auto& s : list)
          out.scan.suppressions[path].push_back(Suppression{s.at("line").get<int>(), s.at("column").get<int>(),
                                                            s.at("rule").get<std::string>(), s.at("reason").get<std::string>()});
      }
      for (const auto& d : j.at("diagnostics")) out.scan.diags.push_back(diagnostic_from_json(d));
      out.scan.files_scanned += j.at("summary").at("files_scanned").get<std::size_t>();
    } catch (const json::exception& e) {
      error = fmt::format("{}: malformed report: {}", file, e.what());
      return std::nullopt;
    }
  }
  auto at = [](const CollectionPoint& p) { return std::tie(p.path, p.line, p.column); };
  std::stable_sort(out.scan.points.begin(), out.scan.points.end(), [&](const auto& a, const auto& b) { return at(a) < at(b); });
  std::stable_sort(out.scan.diags.begin(), out.scan.diags.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return out;
}

}  // namespace ps
