#pragma once
// The compiled mapping library: every rule for a language folded into one
// index (hash maps for paths, modules, hosts and strings; one RE2::Set for
// string regexes; one combined tree-sitter query for raw queries), so a file
// is matched in one pass over its facts whatever the number of rules.
#include <memory>
#include <vector>

#include "scanner/core/diagnostic.h"
#include "scanner/core/fact_interest.h"
#include "scanner/detect/detection.h"
#include "scanner/detect/rule.h"
#include "scanner/parse/parse.h"

namespace re2 {
class RE2;
}

namespace ps {

class MappingLibrary {
 public:
  // Compiles rules; problems (bad regex, bad query) become diagnostics and
  // drop only the faulty matcher.
  MappingLibrary(std::vector<Rule> rules, Diagnostics& diags);
  ~MappingLibrary();
  MappingLibrary(MappingLibrary&&) noexcept;
  MappingLibrary& operator=(MappingLibrary&&) noexcept;

  const std::vector<Rule>& rules() const { return rules_; }
  // Thread-safe; detections in source order.
  std::vector<Detection> detect(const ParsedFile& file) const;
  // What the parse stage must summarise for these rules (ParseOptions::interest).
  std::shared_ptr<const FactInterest> interest() const { return interest_; }

 private:
  struct LanguageIndex;
  void match_call(const LanguageIndex& idx, const std::vector<Fact>& facts, std::uint32_t fi,
                  const std::vector<std::string>& candidates, std::vector<Detection>& out) const;
  bool args_match_regex(std::uint32_t rule, const std::vector<Expr>& args) const;

  std::vector<Rule> rules_;
  std::vector<std::vector<std::unique_ptr<re2::RE2>>> arg_regex_;  // by rule
  std::vector<std::unique_ptr<LanguageIndex>> by_language_;  // indexed by Language
  std::shared_ptr<const FactInterest> interest_;
};

}  // namespace ps
