#pragma once
// A baseline: findings a team has accepted, keyed by content fingerprint (not
// line numbers), with who accepted them, when and why. A scan with
// --baseline hides them and lists entries that no longer match (stale).
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scanner/core/finding.h"

namespace ps {

inline constexpr const char* kBaselineSchema = "policyscan/baseline/1";

struct BaselineEntry {
  std::string fingerprint;
  std::string rule;
  std::string path;
  int line = 0;  // where it was when accepted; informative only
  std::string message;
};

struct Baseline {
  std::string created;     // ISO-8601 UTC
  std::string created_by;
  std::string reason;
  std::vector<BaselineEntry> entries;
};

std::string baseline_json(const Baseline& b);
// nullopt and a message when the file cannot be read or is not a baseline.
std::optional<Baseline> load_baseline(const std::filesystem::path& file, std::string& error);

// Marks findings the baseline knows as suppressed ("baseline: reason");
// returns the fingerprints of entries no finding matched.
std::vector<std::string> apply_baseline(std::vector<Finding>& findings, const Baseline& b);

}  // namespace ps
