#pragma once
// Shared by the parse tests: parse a snippet and look facts up.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "scanner/parse/parse.h"

namespace ps::test {

inline ParsedFile parse_snippet(Language lang, const std::string& name, const std::string& text) {
  Parsers parsers(ParseOptions{});
  return parsers.parse_text(SourceFile{name, name, lang, text.size()}, text);
}

// (Binds of a declared type, which have no value, are found by declared_type.)
inline const Fact* find_fact(const ParsedFile& p, FactKind kind, const std::string& path_or_name) {
  for (const auto& f : p.facts.facts)
    if (f.kind == kind && f.type.empty() && (f.path == path_or_name || (f.path.empty() && f.name == path_or_name) ||
                           (kind == FactKind::Bind && f.name == path_or_name) || (kind == FactKind::Field && f.name == path_or_name)))
      return &f;
  return nullptr;
}

// The type a Bind fact declares name to have ("" if none does).
inline std::string declared_type(const ParsedFile& p, const std::string& name) {
  for (const auto& f : p.facts.facts)
    if (f.kind == FactKind::Bind && f.name == name && !f.type.empty()) return f.type;
  return {};
}

inline bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

inline std::string dump(const ParsedFile& p) {
  static const char* kinds[] = {"Import", "Call", "Assign", "Bind", "String", "Field"};
  std::string s;
  for (const auto& f : p.facts.facts) {
    s += std::string(kinds[static_cast<int>(f.kind)]) + " " + std::to_string(f.loc.line) + ":" + std::to_string(f.loc.column) +
         " path=" + f.path + " name=" + f.name + " imported=" + f.imported + " args=" + std::to_string(f.args.size());
    for (const auto& a : f.args) {
      s += " [";
      for (const auto& n : a.names) s += n + ",";
      s += " |";
      for (const auto& fl : a.fields) s += fl.key + "=" + fl.value + ";";
      s += "]";
    }
    s += "\n";
  }
  return s;
}

}  // namespace ps::test
