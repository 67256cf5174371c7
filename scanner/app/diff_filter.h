#pragma once
// Diff mode: which lines changed since a git revision (work tree against
// REV, through libgit2), so a pull-request gate reports only findings the
// change introduced. When the policy file itself changed, everything is
// checked again.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "scanner/core/finding.h"

namespace ps {

struct ChangedLines {
  // path relative to the scan root -> new-side line ranges [first, last]
  std::map<std::string, std::vector<std::pair<int, int>>> files;
  bool contains(const std::string& path, int line) const;
  bool file_changed(const std::string& path) const { return files.count(path) > 0; }
};

// nullopt and a message when the root is not in a repository or REV does not resolve.
std::optional<ChangedLines> changed_since(const std::filesystem::path& root, const std::string& rev, std::string& error);

// Keeps findings on changed lines (and, for policy statements, those of a
// changed policy file); all of them when the policy file changed.
void keep_introduced(std::vector<Finding>& findings, const ChangedLines& changed, const std::string& policy_rel);

}  // namespace ps
