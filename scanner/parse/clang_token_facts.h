#pragma once
// C/C++ facts from the tokens of the main file. libclang runs the
// preprocessor (so inactive #if branches are dropped through the skipped
// ranges) and the tokens carry calls, assignments and literals even where
// headers are missing and the AST has holes. The AST adds what tokens cannot
// know: the class of a member call's receiver and the declared fields.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "scanner/core/facts.h"

namespace ps {

struct CToken {
  enum Kind { Punct, Keyword, Ident, Literal } kind;
  std::string text;
  Loc loc;
  bool line_start = false;  // first token on its line
};

// (line, method name) -> "Class.method", from the AST's member calls.
using MemberCallTypes = std::map<std::pair<std::uint32_t, std::string>, std::string>;

FileFacts facts_from_c_tokens(const std::vector<CToken>& tokens, const MemberCallTypes& types);

}  // namespace ps
