#pragma once
// What the detect stage hands to classify: a matched rule at a place, with
// the expressions whose data is to be classified.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scanner/core/facts.h"

namespace ps {

struct Detection {
  std::uint32_t rule = 0;  // index into MappingLibrary::rules()
  std::uint32_t fact = 0;  // index of the matched fact (data flow looks at binds before it)
  Loc loc;
  std::string evidence;    // callee path, module, host or member matched
  std::string detail;      // string literal, scope, cookie name ...
  std::vector<Expr> data;  // expressions whose personal data to classify
  std::optional<std::int64_t> retention_seconds;
};

}  // namespace ps
