#pragma once
// C and C++ through libclang. libclang is loaded with dlopen the first time a
// C/C++ file is met, so scans without C/C++ never pay for it. Uses
// compile_commands.json (explicit, or found at the root or root/build) for
// each file's flags, and sensible defaults when there is none.
#include <string_view>

#include "scanner/parse/parse.h"

namespace ps {

class ClangParser {
 public:
  explicit ClangParser(const ParseOptions& opts);
  ~ClangParser();
  // Thread-safe. Fills out.facts, out.syntax_errors and out.diags (a
  // libclang failure is a diagnostic, never an exception or a crash).
  void parse(const SourceFile& file, std::string_view text, ParsedFile& out) const;
  bool available() const;  // false when libclang could not be loaded

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ps
