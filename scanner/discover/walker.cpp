// The file walk: an explicit stack of directories (no recursion, so depth
// is not bounded by the C++ stack), pruning ignored and skipped directories
// before descending, and refusing links that leave the root or loop.
#include <git2.h>

#include <algorithm>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "scanner/core/text.h"
#include "scanner/discover/default_skips.h"
#include "scanner/discover/discover.h"
#include "scanner/discover/ignore_rules.h"

namespace ps {

namespace fs = std::filesystem;

namespace {

// git's own answer to "is this ignored?" when the root is in a work tree.
class GitIgnore {
 public:
  explicit GitIgnore(const fs::path& root) {
    git_libgit2_init();
    if (git_repository_open_ext(&repo_, root.c_str(), 0, nullptr) != 0) {
      repo_ = nullptr;
      return;
    }
    if (const char* wd = git_repository_workdir(repo_)) {
      std::error_code ec;
      workdir_ = fs::weakly_canonical(wd, ec);
    } else {
      git_repository_free(repo_);  // bare repository: nothing to ignore against
      repo_ = nullptr;
    }
  }
  ~GitIgnore() {
    if (repo_) git_repository_free(repo_);
    git_libgit2_shutdown();
  }
  GitIgnore(const GitIgnore&) = delete;
  GitIgnore& operator=(const GitIgnore&) = delete;

  bool active() const { return repo_ != nullptr; }
  bool ignored(const fs::path& abs, bool is_dir) const {
    std::string rel = abs.lexically_relative(workdir_).generic_string();
    if (rel.empty() || starts_with(rel, "..")) return false;
    if (is_dir) rel += "/";
    int ignored = 0;
    if (git_ignore_path_is_ignored(&ignored, repo_, rel.c_str()) != 0) return false;
    return ignored != 0;
  }

 private:
  git_repository* repo_ = nullptr;
  fs::path workdir_;
};

bool under(const fs::path& p, const fs::path& root) {
  auto rel = p.lexically_relative(root);
  return !rel.empty() && rel.native().rfind("..", 0) != 0;
}

std::string read_head(const fs::path& p, std::size_t n) {
  std::ifstream in(p, std::ios::binary);
  std::string s(n, '\0');
  in.read(s.data(), static_cast<std::streamsize>(n));
  s.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
  return s;
}

// An exclude or include without a slash matches a name at any depth, as in gitignore.
bool matches_any(const std::vector<std::string>& globs, const std::string& rel) {
  for (const auto& g : globs) {
    if (g.find('/') == std::string::npos) {
      std::string_view name = rel;
      if (auto s = name.rfind('/'); s != std::string_view::npos) name = name.substr(s + 1);
      if (glob_match(g, name) || glob_match("**/" + g + "/**", rel)) return true;
    } else if (glob_match(g, rel) || glob_match(g + "/**", rel)) {
      return true;
    }
  }
  return false;
}

struct Walk {
  const DiscoverOptions& o;
  fs::path root;
  GitIgnore git;
  Discovery out;
  std::set<fs::path> visited;  // canonical directories already walked (link loops)
  bool saw_cpp = false;        // a C++ source (not .h) among the files to scan: .h files are C++

  Walk(const DiscoverOptions& opts, fs::path canonical_root) : o(opts), root(std::move(canonical_root)), git(root) {}

  void skip(std::string rel, std::string reason) { out.skipped.push_back(SkippedFile{std::move(rel), std::move(reason)}); }

  void warn(const std::string& rel, std::string code, std::string msg) {
    out.diags.push_back(Diagnostic{Severity::Warning, std::move(code), rel, 0, 0, std::move(msg)});
  }

  // Directory-level decisions: true when the walk should not enter it.
  bool prune_dir(const std::string& name, const std::string& rel, const fs::path& abs,
                 const std::vector<IgnoreFile>& ignores) {
    if (name == ".git" || name == ".hg" || name == ".svn") return true;
    if (o.skip_vendored && is_vendored_dir(name)) return true;
    if (o.skip_generated && is_generated_dir(name)) return true;
    if (o.skip_tests && is_test_dir(name)) return true;
    if (matches_any(o.excludes, rel)) return true;
    if (o.use_gitignore) {
      if (git.active() ? git.ignored(abs, true) : is_ignored(ignores, rel, true)) return true;
    }
    return false;
  }

  void consider_file(const std::string& name, const std::string& rel, const fs::path& abs, std::uint64_t size,
                     const std::vector<IgnoreFile>& ignores) {
    if (o.use_gitignore && (git.active() ? git.ignored(abs, false) : is_ignored(ignores, rel, false))) return;
    std::optional<Language> lang = detect_language(name);
    std::string head;
    if (!lang && abs.extension().empty() && size > 2) {
      head = read_head(abs, 128);
      lang = detect_language(name, head.substr(0, head.find('\n')));
    }
    if (!lang) return;  // not a language we parse: not worth listing
    if (matches_any(o.excludes, rel)) return skip(rel, "excluded");
    if (!o.includes.empty() && !matches_any(o.includes, rel)) return skip(rel, "excluded");
    if (o.skip_tests && is_test_file(name)) return skip(rel, "test");
    if (o.skip_generated && is_generated_file(name)) return skip(rel, "generated");
    if (size > o.max_bytes) {
      warn(rel, "too-large", fmt::format("skipped: {} bytes is over the {} byte limit", size, o.max_bytes));
      return skip(rel, "too-large");
    }
    if (o.skip_generated) {
      bool scripty = *lang == Language::JavaScript || *lang == Language::TypeScript || *lang == Language::Tsx;
      if (head.size() < (scripty ? 65536u : 512u)) head = read_head(abs, scripty ? 65536 : 512);
      if (has_generated_header(head)) return skip(rel, "generated");
      if (scripty && looks_minified(head)) return skip(rel, "minified");
    }
    // Before `keep`: whether .h is C++ must not depend on the shard.
    if (*lang == Language::Cpp && to_lower(abs.extension().string()) != ".h") saw_cpp = true;
    if (o.shard && !in_shard(rel, *o.shard)) return;
    if (o.keep && !o.keep(rel)) return;
    out.files.push_back(SourceFile{abs, rel, *lang, size});
  }

  void run() {
    struct Dir {
      fs::path abs;
      std::string rel;  // "" for the root, else "a/b"
      std::vector<IgnoreFile> ignores;
    };
    std::vector<Dir> stack;
    stack.push_back({root, "", {}});
    visited.insert(root);
    while (!stack.empty()) {
      Dir d = std::move(stack.back());
      stack.pop_back();
      std::string prefix = d.rel.empty() ? "" : d.rel + "/";
      if (o.use_gitignore && !git.active()) {
        std::error_code ec;
        if (fs::is_regular_file(d.abs / ".gitignore", ec))
          d.ignores.push_back(parse_ignore_file(read_head(d.abs / ".gitignore", 1 << 20), prefix));
      }
      std::error_code ec;
      fs::directory_iterator it(d.abs, fs::directory_options::skip_permission_denied, ec);
      if (ec) {
        out.diags.push_back(Diagnostic{Severity::Error, "unreadable", d.rel.empty() ? "." : d.rel, 0, 0,
                                       "cannot read directory: " + ec.message()});
        continue;
      }
      std::vector<fs::directory_entry> entries;
      for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        entries.push_back(*it);
      }
      std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.path() < b.path(); });
      for (auto e = entries.rbegin(); e != entries.rend(); ++e) visit(*e, prefix, d.ignores, stack);
    }
    finish();
  }

  template <class Stack>
  void visit(const fs::directory_entry& e, const std::string& prefix, const std::vector<IgnoreFile>& ignores, Stack& stack) {
    std::string name = e.path().filename().string();
    std::string rel = prefix + name;
    std::error_code ec;
    fs::path abs = e.path();
    bool is_link = e.is_symlink(ec);
    if (is_link) {
      if (!o.follow_links) return;
      fs::path target = fs::canonical(abs, ec);
      if (ec) {
        if (ec == std::errc::too_many_symbolic_link_levels) {
          warn(rel, "link-loop", "symbolic link loop: not followed");
          skip(rel, "link-loop");
        }
        return;  // dangling link
      }
      if (target != root && !under(target, root)) {
        warn(rel, "link-outside-root", fmt::format("link leads out of the scanned root (to {}): not followed", target.string()));
        return skip(rel, "link-outside-root");
      }
      if (fs::is_directory(target, ec)) {
        if (visited.count(target) || under(root, target) || target == root) {
          warn(rel, "link-loop", "link to a directory already walked: not followed");
          return skip(rel, "link-loop");
        }
      }
      abs = target;
    }
    if (fs::is_directory(abs, ec)) {
      fs::path canon = is_link ? abs : fs::canonical(abs, ec);
      if (ec) canon = abs;
      if (prune_dir(name, rel, abs, ignores)) return;
      if (!visited.insert(canon).second) {
        warn(rel, "link-loop", "directory already walked through another path: not walked again");
        return skip(rel, "link-loop");
      }
      stack.push_back({abs, rel, ignores});
      return;
    }
    if (!fs::is_regular_file(abs, ec)) return;  // sockets, fifos, devices
    std::uint64_t size = fs::file_size(abs, ec);
    if (ec) {
      out.diags.push_back(Diagnostic{Severity::Error, "unreadable", rel, 0, 0, "cannot stat file: " + ec.message()});
      return skip(rel, "unreadable");
    }
    consider_file(name, rel, abs, size, ignores);
  }

  // .h is C++ when the tree has C++ sources; C otherwise.
  void finish() {
    if (saw_cpp)
      for (auto& f : out.files)
        if (to_lower(fs::path(f.rel).extension().string()) == ".h") f.language = Language::Cpp;
    std::sort(out.files.begin(), out.files.end(), [](const SourceFile& a, const SourceFile& b) { return a.rel < b.rel; });
    std::sort(out.skipped.begin(), out.skipped.end(), [](const SkippedFile& a, const SkippedFile& b) { return a.rel < b.rel; });
  }
};

}  // namespace

Discovery discover(const DiscoverOptions& opts) {
  std::error_code ec;
  fs::path root = fs::canonical(opts.root, ec);
  if (ec || !fs::is_directory(root, ec)) {
    Discovery d;
    d.diags.push_back(Diagnostic{Severity::Error, "unreadable", opts.root.string(), 0, 0, "scan root is not a readable directory"});
    return d;
  }
  Walk w(opts, root);
  w.run();
  return std::move(w.out);
}

}  // namespace ps
