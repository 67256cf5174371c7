// JSON scan report, schema "policyscan/scan/1" (documented in reports/README.md).
#include "reports/json_fields.h"
#include "reports/scan_report.h"
#include "scanner/core/text.h"

namespace ps {

nlohmann::json finding_json(const Finding& f) {
  nlohmann::json j = {
      {"rule", f.rule},
      {"severity", severity_name(f.severity)},
      {"message", sanitize_utf8(f.message)},
      {"fix", sanitize_utf8(f.fix)},
      {"path", sanitize_utf8(f.path)},
      {"line", f.line},
      {"column", f.column},
      {"snippet", sanitize_utf8(f.snippet)},
      {"kind", f.kind},
      {"categories", f.categories},
      {"recipient", {{"id", f.recipient.id}, {"category", f.recipient.category}}},
      {"mapping_id", f.mapping_id},
      {"fingerprint", f.fingerprint},
      {"suppressed", f.suppressed},
  };
  if (f.suppressed) j["suppression_reason"] = sanitize_utf8(f.suppression_reason);
  if (f.policy)
    j["policy"] = {{"file", sanitize_utf8(f.policy->file)}, {"line", f.policy->line}, {"column", f.policy->column},
                   {"statement", f.policy->statement_id}, {"quote", sanitize_utf8(f.policy->quote)}};
  return j;
}

std::string report_json(const ScanReport& r) {
  nlohmann::json findings = nlohmann::json::array();
  std::size_t counts[3] = {0, 0, 0};
  std::size_t suppressed = 0;
  for (const auto& f : r.findings) {
    findings.push_back(finding_json(f));
    if (f.suppressed) ++suppressed;
    else ++counts[static_cast<int>(f.severity)];
  }
  nlohmann::json points = nlohmann::json::array();
  for (const auto& p : r.points) points.push_back(point_json(p));
  nlohmann::json statements = nlohmann::json::array();
  for (const auto& s : r.statements)
    statements.push_back({{"id", s.id}, {"section", s.section}, {"summary", s.summary}, {"quote", sanitize_utf8(s.quote)},
                          {"file", s.file}, {"line", s.line}, {"backing_points", s.backing_points}});
  nlohmann::json diags = nlohmann::json::array();
  for (const auto& d : r.diags) diags.push_back(diagnostic_json(d));
  nlohmann::json suppressions = nlohmann::json::object();
  for (const auto& [file, list] : r.suppressions)
    for (const auto& s : list)
      suppressions[sanitize_utf8(file)].push_back(
          {{"line", s.line}, {"column", s.column}, {"rule", sanitize_utf8(s.rule)}, {"reason", sanitize_utf8(s.reason)}});
  nlohmann::json j = {
      {"schema", kScanSchema},
      {"tool", {{"name", "policyscan"}, {"version", r.tool_version}}},
      {"root", sanitize_utf8(r.root)},
      {"policy", sanitize_utf8(r.policy_file)},
      {"summary",
       {{"errors", counts[0]}, {"warnings", counts[1]}, {"notes", counts[2]}, {"suppressed", suppressed},
        {"points", r.points.size()}, {"files_scanned", r.files_scanned}}},
      {"findings", findings},
      {"points", points},
      {"statements", statements},
      {"stale_baseline", r.stale_baseline},
      {"diagnostics", diags},
      {"suppressions", suppressions},
  };
  return j.dump(2) + "\n";
}

}  // namespace ps
