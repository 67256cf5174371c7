#pragma once
// The parse stage: read one file, build its syntax tree and reduce it to the
// facts the detect engine matches (scanner/core/facts.h).
//
// tree-sitter handles JavaScript, TypeScript/TSX, Python, Go, Java, Kotlin,
// Swift, Ruby, PHP and C#; libclang handles C and C++. A Parsers object holds
// per-thread parser state; it is created once per scan and shared by the TBB
// tasks (each thread uses its own parser, nothing mutable is shared).
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "scanner/core/diagnostic.h"
#include "scanner/core/fact_interest.h"
#include "scanner/core/facts.h"
#include "scanner/core/source_file.h"
#include "scanner/parse/ts_facts.h"

struct TSTree;
struct TSLanguage;

namespace ps {

struct TreeDeleter {
  void operator()(TSTree* t) const;
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

struct ParseOptions {
  std::filesystem::path root;                      // scan root (for compile_commands.json lookup)
  std::optional<std::filesystem::path> compile_commands;  // explicit compile_commands.json
  std::uint64_t max_bytes = 4u << 20;              // larger files are skipped with a diagnostic
  bool keep_tree = true;                           // keep the tree-sitter tree (raw queries, deferred values)
  double file_timeout = 0;                         // seconds for one tree-sitter parse; 0 = no limit
  // What the mapping library can use (MappingLibrary::interest): call
  // arguments nothing can use are not summarised. Null: summarise all.
  std::shared_ptr<const FactInterest> interest;
};

struct ParsedFile {
  SourceFile file;
  std::string text;            // the file's bytes (valid UTF-8 when parsed)
  TreePtr tree;                // tree-sitter tree; null for C/C++ and for skipped files
  FileFacts facts;             // facts reduced from the tree, in source order
  std::vector<DeferredValue> deferred;  // Bind facts whose value is summarised on demand (deferred_value)
  // Where raw queries may match (WalkFindings::query_roots); unset: anywhere.
  std::optional<std::vector<TSNode>> query_roots;
  Diagnostics diags;           // unreadable, binary, invalid UTF-8, too large, syntax errors
  bool parsed = false;         // false when the file was skipped entirely
  std::size_t syntax_errors = 0;  // ERROR/MISSING nodes or libclang errors
  double seconds = 0;          // time spent reading + parsing + extracting
};

// The summary of a Bind fact's value when the walk deferred it (see
// scanner/core/fact_interest.h), made now from the tree: the summary an
// eager walk makes. Nothing when the fact's own args[0] is its summary.
std::optional<Expr> deferred_value(const ParsedFile& file, std::uint32_t fact);

class ClangParser;  // scanner/parse/clang_parser.h
class TreeSitterParsers;  // scanner/parse/ts_parser.h

class Parsers {
 public:
  explicit Parsers(ParseOptions opts);
  ~Parsers();
  Parsers(const Parsers&) = delete;
  Parsers& operator=(const Parsers&) = delete;

  // Thread-safe: may be called from many TBB tasks at once.
  ParsedFile parse(const SourceFile& file) const;
  // Parse text already in memory (tests, fuzzers, stdin).
  ParsedFile parse_text(const SourceFile& file, std::string text) const;

  const ParseOptions& options() const { return opts_; }

 private:
  ParseOptions opts_;
  std::unique_ptr<TreeSitterParsers> ts_;
  mutable std::unique_ptr<ClangParser> clang_;  // created on first C/C++ file
  mutable std::once_flag clang_once_;
};

// A file's bytes; nullopt (with an "unreadable" or "too-large" diagnostic)
// when it cannot be read or is over max_bytes.
std::optional<std::string> read_source(const SourceFile& file, std::uint64_t max_bytes, Diagnostics& diags);

// The tree-sitter grammar for a language; null for C/C++.
const TSLanguage* tree_sitter_language(Language lang);

}  // namespace ps
