#pragma once
// .gitignore patterns, for trees that are not in a git repository (in one,
// libgit2 answers instead: git_repo_ignore.h). The common subset of
// gitignore(5): comments, negation, directory-only and anchored patterns,
// `*`, `?`, `[...]` and `**`.
#include <string>
#include <string_view>
#include <vector>

namespace ps {

struct IgnoreRule {
  std::string pattern;  // relative to `base`, anchored form ("**/" prepended when unanchored)
  bool negate = false;
  bool dir_only = false;
};

struct IgnoreFile {
  std::string base;  // directory of the .gitignore, relative to the root ("" for the root), '/'-terminated when not empty
  std::vector<IgnoreRule> rules;
};

IgnoreFile parse_ignore_file(std::string_view text, std::string base);

// Decides for `rel` (relative to the root) across the stack of ignore files
// that apply to it (outermost first): the last matching rule wins.
bool is_ignored(const std::vector<IgnoreFile>& stack, std::string_view rel, bool is_dir);

}  // namespace ps
