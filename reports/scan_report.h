#pragma once
// What every scan report writer reads: findings, the points behind them,
// and the policy's statements with the code that backs each. Filled by
// scanner/app from the conform stage; the writers know nothing else.
#include <map>
#include <string>
#include <vector>

#include "scanner/core/diagnostic.h"
#include "scanner/core/finding.h"
#include "scanner/core/point.h"
#include "scanner/core/suppression.h"

namespace ps {

inline constexpr const char* kScanSchema = "policyscan/scan/1";

// One statement of the policy model, for the audit report's "policy
// statements and the code that backs each" section.
struct StatementView {
  std::string id;
  std::string section;  // "practice", "denial", "retention", "recipient", "tracking"
  std::string summary;  // "collect user.contact.email to stripe"
  std::string quote;
  std::string file;
  int line = 0;
  std::vector<std::size_t> backing_points;  // indexes into ScanReport::points
};

struct ScanReport {
  std::string tool_version;
  std::string root;
  std::string policy_file;
  std::vector<Finding> findings;  // suppressed ones included, flagged
  std::vector<CollectionPoint> points;
  std::vector<StatementView> statements;
  Diagnostics diags;
  std::vector<std::string> stale_baseline;  // fingerprints in the baseline no finding matched
  // Inline suppressions by file, as found (so `policyscan merge` can apply
  // them to findings it computes again from the points of several shards).
  std::map<std::string, std::vector<Suppression>> suppressions;
  std::size_t files_scanned = 0;
  double wall_seconds = 0;
};

// Stable metadata of a rule id (SARIF rules, help text, severities).
struct RuleInfo {
  const char* id;
  const char* name;              // PascalCase, SARIF rule name
  const char* short_description;
  const char* full_description;
  const char* help_markdown;
  const char* security_severity;  // numeric string, GitHub code scanning
  Severity default_severity;
};
const std::vector<RuleInfo>& all_rules();
const RuleInfo* find_rule(const std::string& id);

std::string report_json(const ScanReport& r);
std::string report_sarif(const ScanReport& r);
// Notes (unbacked declarations, vague disclosures) are counted, not listed, unless show_notes.
std::string report_text(const ScanReport& r, bool color, bool show_notes = false);
std::string report_markdown(const ScanReport& r);
std::string report_html(const ScanReport& r);

}  // namespace ps
