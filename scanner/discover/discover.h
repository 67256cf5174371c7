#pragma once
// The discover stage: which files under a root are source files to scan.
//
// Git-aware (respects .gitignore, .git/info/exclude and the global excludes
// through libgit2 when the root is in a work tree; reads .gitignore files
// itself when there is no repository), skips vendored, generated, minified
// and test code by default, applies --include/--exclude globs and a size cap,
// and never follows a link out of the root (nor round a loop).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "scanner/core/diagnostic.h"
#include "scanner/core/source_file.h"
#include "scanner/discover/shard.h"

namespace ps {

struct DiscoverOptions {
  std::filesystem::path root;
  std::vector<std::string> includes;  // globs on the relative path; when any is given, only matches are kept
  std::vector<std::string> excludes;  // globs on the relative path ("**/fixtures/**", "*.min.js")
  std::uint64_t max_bytes = 4u << 20; // larger files are skipped and reported
  bool use_gitignore = true;
  bool skip_vendored = true;          // node_modules, vendor, third_party, bower_components, Pods, .venv, ...
  bool skip_generated = true;         // *.min.js, *.bundle.js, dist/, build/, *.pb.go, *_generated.*, "@generated" header
  bool skip_tests = true;             // test/, tests/, __tests__/, *_test.go, *.spec.ts, *Test.java, ...
  bool follow_links = true;           // follow links that stay inside the root
  // Applied last to each file that would be scanned: only this shard's
  // files, only those `keep` accepts (diff mode). Files left out this way
  // are neither scanned nor listed as skipped.
  std::optional<Shard> shard;
  std::function<bool(std::string_view rel)> keep;
};

struct SkippedFile {
  std::string rel;     // relative path
  std::string reason;  // "gitignored", "vendored", "generated", "minified", "test", "excluded",
                       // "too-large", "binary", "link-outside-root", "link-loop", "unreadable", "unknown-language"
};

struct Discovery {
  std::vector<SourceFile> files;     // sorted by rel path: deterministic order
  std::vector<SkippedFile> skipped;  // only files with a known language or a problem worth telling (not every .png)
  Diagnostics diags;                 // unreadable directories, link loops, links out of the root
};

Discovery discover(const DiscoverOptions& opts);

// Language of a file from its name and, for extension-less scripts, its
// first line (shebang). nullopt when it is not a language we parse.
// .js .mjs .cjs .jsx -> javascript; .ts .mts .cts -> typescript; .tsx -> tsx;
// .py -> python; .go; .java; .kt .kts; .swift; .rb .rake Gemfile; .php;
// .cs; .c (and .h when the tree has no C++) -> c; .cc .cpp .cxx .hpp .hh .hxx .h -> cpp.
std::optional<Language> detect_language(const std::filesystem::path& name, std::string_view first_line = {});

// Glob match on '/'-separated paths: '*' within a segment, '**' across
// segments, '?' one character, character classes [abc].
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace ps
