#pragma once
// .policyscan.yaml at the repository root, so CI needs one line:
//   policy: docs/privacy.yaml
//   exclude: [fixtures, "**/*.stories.tsx"]
//   include: []
//   baseline: .policyscan-baseline.json
//   fail_on: warning
//   strict_recipients: false
// Paths are relative to the file. Command-line options win.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scanner/core/diagnostic.h"

namespace ps {

struct RepoConfig {
  std::string policy;
  std::string baseline;
  std::vector<std::string> include, exclude;
  std::string fail_on;
  std::optional<bool> strict_recipients;
};

// nullopt when there is no file; errors (with line and column) in diags.
std::optional<RepoConfig> load_repo_config(const std::filesystem::path& file, Diagnostics& diags);

}  // namespace ps
