#pragma once
// The escape hatch: raw tree-sitter queries from mappings. All of a
// language's queries are concatenated into ONE TSQuery, run once per file;
// pattern indexes map back to rules. The C API leaves predicates to the
// caller, so #eq?, #not-eq?, #match? and #not-match? are evaluated here.
// Captures: @point marks the place (default: the first capture); @data
// captures are the expressions to classify.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "scanner/core/diagnostic.h"
#include "scanner/detect/detection.h"
#include "scanner/detect/rule.h"
#include "scanner/parse/parse.h"

struct TSQuery;
struct TSQueryCursor;

namespace ps {

class RawQuery {
 public:
  static std::unique_ptr<RawQuery> compile(Language lang, const std::vector<std::pair<std::uint32_t, std::string>>& queries,
                                           const std::vector<Rule>& rules, Diagnostics& diags);
  ~RawQuery();
  // On the subtrees ParsedFile::query_roots lists when the walk collected
  // them, else on the whole tree.
  void run(const ParsedFile& file, std::vector<Detection>& out) const;
  // The node type each pattern starts with (empty when some pattern may
  // start with any node: an alternation, a wildcard).
  const std::vector<std::uint16_t>& root_types() const { return root_types_; }

 private:
  struct Predicate;
  void collect(TSQueryCursor* cursor, const ParsedFile& file, std::vector<Detection>& out) const;
  RawQuery() = default;
  TSQuery* query_ = nullptr;
  std::vector<std::uint32_t> pattern_rule_;              // by pattern index
  std::vector<std::vector<Predicate>> predicates_;       // by pattern index
  std::uint32_t point_capture_ = UINT32_MAX, data_capture_ = UINT32_MAX;
  // The node type each pattern starts with; a file without any of them is
  // not queried at all, and one with some only on their subtrees (a query
  // walks all it is given: over a whole tree, a quarter of a parse).
  std::vector<std::uint16_t> root_types_;
  // Words one of which each pattern's text needs, from its #eq? or a
  // #match? of plain alternatives ("(identifierForVendor|advertisingIdentifier)$");
  // a file containing none of any pattern's words is not queried. Empty when
  // some pattern has no such predicate.
  std::vector<std::vector<std::string>> needs_;
};

}  // namespace ps
