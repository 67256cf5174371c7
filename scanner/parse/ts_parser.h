#pragma once
// tree-sitter parsing: one TSParser per thread, one grammar per language.
#include <string_view>

#include "scanner/parse/parse.h"

namespace ps {

class TreeSitterParsers {
 public:
  // interest: see ParseOptions::interest (null: summarise every call); it
  // must outlive the parsers.
  explicit TreeSitterParsers(const FactInterest* interest = nullptr);
  ~TreeSitterParsers();
  // Parses text into out.tree, counts ERROR/MISSING nodes into
  // out.syntax_errors (with a diagnostic at the first one) and extracts facts.
  // A parse that runs past timeout_seconds (> 0) is cancelled and reported
  // as a "timeout" error; the file then has no tree and no facts.
  void parse(const SourceFile& file, std::string_view text, ParsedFile& out, double timeout_seconds = 0) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ps
