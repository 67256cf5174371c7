#pragma once
// What the detect stage can use from a call's arguments, so the parse stage
// summarises only those. Summarising every argument of every call was most
// of the cost of fact extraction, and most calls (`e.push(t)`,
// `Math.max(a, b)`) match no rule. Built from the mapping library
// (MappingLibrary::interest); without it every call is summarised, as
// `policyscan facts` shows.
//
// A call's arguments are summarised
//   - at once when its path, as written or through the file's aliases, may
//     match a call rule (`calls`), and
//   - later, when the walk finds inside them something the detect stage
//     reads out of any call: a string with "//" (a URL whose host may be a
//     recipient), a variable bound to such a string, or a name a reads rule
//     may match (`reads`: `req.ip`, `navigator.userAgent`).
// Either way the summary is the one an eager walk would make, so the facts
// the detect stage sees are the same wherever it looks.
//
// Member assignments (`document.cookie = v`) follow the same two cases with
// `assigns`. A variable's bound value is summarised at once when a binds
// rule names the variable, later on the same triggers, and otherwise when
// data flow asks for it (deferred_value in scanner/parse/parse.h): data flow
// needs only the variables whose values can reach a point.
#include <array>
#include <vector>

#include "scanner/core/language.h"
#include "scanner/core/path_index.h"
#include "scanner/core/string_hash.h"

namespace ps {

struct FactInterest {
  struct ForLanguage {
    PathIndex calls;  // patterns of call rules
    PathIndex reads;  // patterns of reads rules
    PathIndex assigns;  // patterns of assigns rules
    StringSet binds;    // variable names of binds rules
    // By TSSymbol: the node types the language's raw queries start at. The
    // walk lists the outermost such nodes and the queries run on those
    // subtrees only. Empty: no raw query, or one that may start anywhere.
    std::vector<bool> query_roots;
  };
  std::array<ForLanguage, kLanguageCount> by_language;
};

}  // namespace ps
