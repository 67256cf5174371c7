#pragma once
// A mapping rule: which code pattern is a data-collection point, of what kind,
// sending which data to whom. Rules are data (mappings/*.yaml), never code.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scanner/core/language.h"
#include "scanner/core/point.h"

namespace ps {

// Where to read a lifetime (cookie maxAge, Redis TTL, cleanup interval) from
// a matched call: a positional argument or a named field, in a unit.
struct RetentionSource {
  int arg = -1;            // positional argument index, or -1
  std::string field;       // object-literal / keyword field name, or ""
  double unit_seconds = 1; // seconds per unit of the value ("ms" -> 0.001)
};

// Which arguments of a matched call carry the data to classify.
struct ClassifySpec {
  bool all_args = true;
  std::vector<int> args;  // when !all_args
  bool none = false;      // classify nothing: only the rule's fixed categories
};

struct Rule {
  std::string id;         // unique: "segment.track"
  std::string file;       // mappings file it came from (for messages)
  int line = 0;           // line of the rule in that file
  std::string kind;       // point kind
  Recipient recipient;    // {"we", ""} for first-party storage/logging
  std::vector<std::string> categories;  // always collected
  std::uint16_t languages = 0xFFFF;     // bit set of Language; all by default
  ClassifySpec classify;
  bool requires_data = false;           // a point only when classified personal data reaches it (logging)
  std::vector<RetentionSource> retention;
  std::vector<std::string> arg_regex;   // every regex must match some argument text (e.g. "(?i)set-cookie")
  std::vector<std::string> except_hosts;  // hosts (and their subdomains) the hosts matcher ignores

  // Matchers (any of them makes a match).
  std::vector<std::string> imports;  // module names; "@sentry/*" prefix form
  std::vector<std::string> calls;    // call paths: "a.b", "*.logger.info" (any receiver), "a.b.*" (any member)
  std::vector<std::string> assigns;  // assigned member paths: "document.cookie"
  std::vector<std::string> reads;    // member paths read in any expression: "req.ip", "navigator.userAgent"
  std::vector<std::string> binds;    // variable/constant names: "SESSION_COOKIE_AGE"
  std::vector<std::string> fields;   // declared field types/initialisers: "models.EmailField"
  std::vector<std::string> hosts;    // URL hosts in string literals; a host covers its subdomains
  std::vector<std::string> strings;  // exact string literal values (or whitespace/comma separated tokens of one)
  std::vector<std::string> string_regex;  // RE2 patterns over string literal values
  std::vector<std::pair<Language, std::string>> queries;  // raw tree-sitter queries, capture @point

  bool applies_to(Language l) const { return (languages >> static_cast<unsigned>(l)) & 1u; }
};

}  // namespace ps
