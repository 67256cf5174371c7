// `policyscan facts FILE`: the facts the detect engine sees for one file,
// as JSON. For people writing mappings: what to match, and how it is named.
#include <iostream>

#include <nlohmann/json.hpp>

#include "scanner/app/commands.h"
#include "scanner/core/text.h"
#include "scanner/discover/discover.h"
#include "scanner/parse/parse.h"

namespace ps {

int cmd_facts(const FactsArgs& args) {
  std::filesystem::path file(args.file);
  auto lang = args.language.empty() ? detect_language(file.filename()) : language_from_name(args.language);
  if (!lang) {
    std::cerr << args.file << ": error: unknown language (use --language)\n";
    return kExitUsage;
  }
  ParseOptions opts;
  std::error_code ec;
  opts.root = args.root.empty() ? std::filesystem::absolute(file, ec).parent_path() : std::filesystem::path(args.root);
  Parsers parsers(opts);
  ParsedFile p = parsers.parse(SourceFile{std::filesystem::absolute(file, ec), args.file, *lang, 0});
  static const char* kKinds[] = {"import", "call", "assign", "bind", "string", "field", "return"};
  nlohmann::json facts = nlohmann::json::array();
  for (const auto& f : p.facts.facts) {
    nlohmann::json j = {{"kind", kKinds[static_cast<int>(f.kind)]}, {"line", f.loc.line}, {"column", f.loc.column}};
    if (!f.path.empty()) j["path"] = sanitize_utf8(f.path);
    if (!f.name.empty()) j["name"] = sanitize_utf8(f.name);
    if (!f.imported.empty()) j["imported"] = sanitize_utf8(f.imported);
    if (f.is_new) j["new"] = true;
    if (!f.type.empty()) j["type"] = sanitize_utf8(f.type);
    nlohmann::json args_json = nlohmann::json::array();
    for (const auto& a : f.args) {
      nlohmann::json fields = nlohmann::json::array();
      for (const auto& fl : a.fields) fields.push_back({{"key", sanitize_utf8(fl.key)}, {"value", sanitize_utf8(fl.value)}});
      std::vector<std::string> names, strings;
      for (const auto& n : a.names) names.push_back(sanitize_utf8(n));
      for (const auto& s : a.strings) strings.push_back(sanitize_utf8(s));
      args_json.push_back({{"text", sanitize_utf8(a.text)}, {"names", names}, {"strings", strings}, {"fields", fields}});
    }
    if (!f.args.empty()) j["args"] = args_json;
    facts.push_back(std::move(j));
  }
  nlohmann::json diags = nlohmann::json::array();
  for (const auto& d : p.diags) diags.push_back(sanitize_utf8(format_diagnostic(d)));
  nlohmann::json out = {{"file", sanitize_utf8(args.file)}, {"language", std::string(language_name(*lang))},
                        {"syntax_errors", p.syntax_errors}, {"diagnostics", diags}, {"facts", facts}};
  std::cout << out.dump(2) << "\n";
  return p.parsed ? kExitClean : kExitInput;
}

}  // namespace ps
