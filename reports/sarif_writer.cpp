// SARIF 2.1.0 for GitHub code scanning: stable rule ids with full metadata,
// content fingerprints, the policy sentence as a related location, and
// suppressed findings as `suppressions` rather than dropped.
#include <map>

#include "reports/json_fields.h"
#include "reports/scan_report.h"
#include "scanner/core/text.h"

namespace ps {

namespace {

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "warning";
}

nlohmann::json physical(const std::string& uri, int line, int column, const std::string& snippet) {
  nlohmann::json region = {{"startLine", std::max(1, line)}};
  if (column > 0) region["startColumn"] = column;
  if (!snippet.empty()) region["snippet"] = {{"text", sanitize_utf8(snippet)}};
  return {{"artifactLocation", {{"uri", sanitize_utf8(uri)}, {"uriBaseId", "%SRCROOT%"}}}, {"region", region}};
}

}  // namespace

std::string report_sarif(const ScanReport& r) {
  nlohmann::json rules = nlohmann::json::array();
  std::map<std::string, int> rule_index;
  for (const auto& info : all_rules()) {
    rule_index[info.id] = static_cast<int>(rules.size());
    rules.push_back({
        {"id", info.id},
        {"name", info.name},
        {"shortDescription", {{"text", info.short_description}}},
        {"fullDescription", {{"text", info.full_description}}},
        {"help", {{"text", info.full_description}, {"markdown", info.help_markdown}}},
        {"helpUri", std::string("https://github.com/policyscan/policyscan/blob/main/docs/rules.md#") + info.id},
        {"defaultConfiguration", {{"level", sarif_level(info.default_severity)}}},
        {"properties", {{"tags", {"security", "privacy"}}, {"security-severity", info.security_severity}, {"precision", "medium"}}},
    });
  }
  nlohmann::json results = nlohmann::json::array();
  for (const auto& f : r.findings) {
    nlohmann::json res = {
        {"ruleId", f.rule},
        {"level", sarif_level(f.severity)},
        {"message", {{"text", sanitize_utf8(f.message + (f.fix.empty() ? "" : " " + f.fix))}}},
        {"locations", {{{"physicalLocation", physical(f.path, f.line, f.column, f.snippet)}}}},
        {"partialFingerprints", {{"policyscanFingerprint/v1", f.fingerprint}}},
        {"properties", {{"categories", f.categories}, {"recipient", f.recipient.id}, {"kind", f.kind}, {"mappingId", f.mapping_id}}},
    };
    if (auto it = rule_index.find(f.rule); it != rule_index.end()) res["ruleIndex"] = it->second;
    if (f.policy && !f.policy->file.empty()) {
      std::string quote = f.policy->quote.empty() ? "policy statement " + f.policy->statement_id : f.policy->quote;
      res["relatedLocations"] = {{{"id", 1},
                                  {"physicalLocation", physical(f.policy->file, f.policy->line, f.policy->column, "")},
                                  {"message", {{"text", sanitize_utf8(quote)}}}}};
    }
    if (f.suppressed)
      res["suppressions"] = {{{"kind", f.suppression_reason.rfind("baseline", 0) == 0 ? "external" : "inSource"},
                              {"justification", sanitize_utf8(f.suppression_reason)}}};
    results.push_back(std::move(res));
  }
  nlohmann::json notifications = nlohmann::json::array();
  for (const auto& d : r.diags) {
    nlohmann::json n = {{"level", d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "note"},
                        {"message", {{"text", sanitize_utf8(d.message + " [" + d.code + "]")}}}};
    if (!d.path.empty()) n["locations"] = {{{"physicalLocation", physical(d.path, d.line, d.column, "")}}};
    notifications.push_back(std::move(n));
  }
  std::string root_uri = "file://" + r.root;
  if (root_uri.back() != '/') root_uri += "/";
  nlohmann::json run = {
      {"tool",
       {{"driver",
         {{"name", "policyscan"},
          {"version", r.tool_version},
          {"semanticVersion", r.tool_version},
          {"informationUri", "https://github.com/policyscan/policyscan"},
          {"rules", rules}}}}},
      {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", sanitize_utf8(root_uri)}}}}},
      {"results", results},
      {"invocations", {{{"executionSuccessful", !has_errors(r.diags)}, {"toolExecutionNotifications", notifications}}}},
  };
  nlohmann::json sarif = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"}, {"version", "2.1.0"}, {"runs", {run}}};
  return sarif.dump(2) + "\n";
}

}  // namespace ps
