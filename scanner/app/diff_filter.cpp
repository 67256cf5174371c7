#include "scanner/app/diff_filter.h"

#include <git2.h>

#include <algorithm>

namespace ps {

bool ChangedLines::contains(const std::string& path, int line) const {
  auto it = files.find(path);
  if (it == files.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](auto r) { return line >= r.first && line <= r.second; });
}

namespace {

struct Collect {
  ChangedLines* out;
  std::string prefix;  // scan root relative to the work tree, '/'-terminated or empty
};

std::string under_root(const Collect& c, const char* path) {
  std::string p = path ? path : "";
  if (c.prefix.empty()) return p;
  if (p.compare(0, c.prefix.size(), c.prefix) != 0) return {};
  return p.substr(c.prefix.size());
}

int on_hunk(const git_diff_delta* delta, const git_diff_hunk* hunk, void* payload) {
  auto* c = static_cast<Collect*>(payload);
  std::string path = under_root(*c, delta->new_file.path);
  if (path.empty()) return 0;
  auto& ranges = c->out->files[path];
  if (hunk->new_lines > 0) ranges.emplace_back(hunk->new_start, hunk->new_start + hunk->new_lines - 1);
  return 0;
}

int on_file(const git_diff_delta* delta, float, void* payload) {
  auto* c = static_cast<Collect*>(payload);
  std::string path = under_root(*c, delta->new_file.path);
  if (!path.empty()) c->out->files[path];  // a file with no hunks (binary, mode change) still changed
  return 0;
}

}  // namespace

std::optional<ChangedLines> changed_since(const std::filesystem::path& root, const std::string& rev, std::string& error) {
  git_libgit2_init();
  git_repository* repo = nullptr;
  git_object* obj = nullptr;
  git_tree* tree = nullptr;
  git_diff* diff = nullptr;
  std::optional<ChangedLines> result;
  auto fail = [&](const std::string& what) {
    const git_error* e = git_error_last();
    error = what + (e && e->message ? std::string(": ") + e->message : std::string());
  };
  do {
    if (git_repository_open_ext(&repo, root.c_str(), 0, nullptr) != 0) { fail("not a git repository"); break; }
    if (git_revparse_single(&obj, repo, (rev + "^{tree}").c_str()) != 0) {
      fail("cannot resolve '" + rev + "' (in a shallow clone, fetch the base first)");
      break;
    }
    tree = reinterpret_cast<git_tree*>(obj);
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    opts.context_lines = 0;
    opts.flags |= GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS | GIT_DIFF_SHOW_UNTRACKED_CONTENT;
    if (git_diff_tree_to_workdir_with_index(&diff, repo, tree, &opts) != 0) { fail("git diff failed"); break; }
    ChangedLines changed;
    Collect c{&changed, ""};
    std::error_code ec;
    auto wd = std::filesystem::weakly_canonical(git_repository_workdir(repo), ec);
    auto rel = std::filesystem::weakly_canonical(root, ec).lexically_relative(wd).generic_string();
    if (!rel.empty() && rel != ".") c.prefix = rel + "/";
    if (git_diff_foreach(diff, on_file, nullptr, on_hunk, nullptr, &c) != 0) { fail("git diff failed"); break; }
    result = std::move(changed);
  } while (false);
  git_diff_free(diff);
  git_object_free(obj);
  git_repository_free(repo);
  git_libgit2_shutdown();
  return result;
}

void keep_introduced(std::vector<Finding>& findings, const ChangedLines& changed, const std::string& policy_rel) {
  if (changed.file_changed(policy_rel)) return;  // a new policy: check everything against it
  findings.erase(std::remove_if(findings.begin(), findings.end(),
                                [&](const Finding& f) { return !changed.contains(f.path, f.line); }),
                 findings.end());
}

}  // namespace ps
