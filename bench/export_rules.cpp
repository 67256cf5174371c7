// policyscan_export_rules: the mapping library (mappings/detect/**.yaml),
// loaded exactly as policyscan loads it, exported for the baseline tools of
// bench/compare.sh, so they search for what policyscan searches for:
//   OUT/patterns.txt   one ripgrep regex per rule literal (call, assign, read,
//                      bind and field paths with any member separator: . ?. -> ::,
//                      import names, hosts, strings) and string regex, for `rg -f`
//   OUT/literals.txt   the same literals as fixed strings (paths dotted), for `rg -F -f`
//   OUT/rules.yml      ast-grep rules for JavaScript, TypeScript and Tsx: one
//                      rule per mapping rule and language, `any:` of its
//                      matchers (call paths -> `a.b.c($$$)`, imports -> the
//                      module string of an import/require, ...)
// Raw tree-sitter queries have no ripgrep/ast-grep form and are left out;
// the counts of what was exported and left out go to stdout.
// Usage: policyscan_export_rules OUT_DIR [--mappings DIR]
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "scanner/app/resources.h"
#include "scanner/core/language.h"

using namespace ps;
namespace fs = std::filesystem;

namespace {

// Characters that are meta in Rust's regex (ripgrep, ast-grep); RE2 accepts
// them escaped too. Others ('/', '@') must stay unescaped for old ripgreps.
std::string regex_escape(const std::string& s) {
  static const std::string kMeta = "\\.+*?()|[]{}^$#&-~";
  std::string out;
  for (char c : s) {
    if (kMeta.find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

bool is_ident(const std::string& s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '$') return false;
  return true;
}

// JavaScript words a pattern cannot use as a plain identifier segment.
bool is_js_reserved(const std::string& s) {
  static const std::set<std::string> kWords = {"new", "import", "class", "function", "return", "delete", "typeof",
                                               "void", "this", "super", "var", "let", "const", "default", "export", "in"};
  return kWords.count(s) > 0;
}

// Member syntax of every language normalised to dots, as the fact extractor does.
std::string normalise_path(std::string p) {
  for (const char* sep : {"?.", "::", "->", "\\"}) {
    for (std::size_t i = p.find(sep); i != std::string::npos; i = p.find(sep, i + 1)) p.replace(i, std::string(sep).size(), ".");
  }
  return p;
}

std::vector<std::string> split_dots(const std::string& p) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= p.size(); ++i)
    if (i == p.size() || p[i] == '.') {
      out.push_back(p.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

// A member/call path as the rule writes it: "*.x.y" (any receiver), "x.y.*"
// (any member), "mod-name.x.y" (alias-resolved: a module, then members).
struct Path {
  bool any_receiver = false, any_member = false;
  std::string module;               // "" unless the path starts with a module name
  std::vector<std::string> members; // identifier segments after the module
};

std::optional<Path> parse_path(const std::string& raw) {
  Path p;
  std::string s = normalise_path(raw);
  if (s.rfind("*.", 0) == 0) { p.any_receiver = true; s = s.substr(2); }
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".*") == 0) { p.any_member = true; s.resize(s.size() - 2); }
  auto segs = split_dots(s);
  // The module part ends at the last segment that is no identifier ("@a/b-c", "next/headers").
  std::size_t first = 0;
  for (std::size_t i = 0; i < segs.size(); ++i)
    if (!is_ident(segs[i])) first = i + 1;
  if (first > 0) {
    for (std::size_t i = 0; i < first; ++i) p.module += (i ? "." : "") + segs[i];
  }
  p.members.assign(segs.begin() + static_cast<long>(first), segs.end());
  if (p.members.empty() && !p.any_member) return std::nullopt;
  return p;
}

// ripgrep: the path's segments with any member separator between them.
std::string rg_path(const Path& p) {
  const char* sep = "(?:\\.|\\?\\.|->|::)";
  std::string out;
  for (std::size_t i = 0; i < p.members.size(); ++i) out += (i ? sep : "") + regex_escape(p.members[i]);
  if (p.any_member && !out.empty()) out += sep;
  return out;
}

std::string yaml_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

// A list item at `indent` whose (multi-line) body is written with its keys at column 0.
std::string yaml_item(const std::string& body, const std::string& indent) {
  std::string out = indent + "- ";
  for (char c : body) {
    out += c;
    if (c == '\n') out += indent + "  ";
  }
  return out + "\n";
}

struct Counts {
  int calls = 0, calls_skipped = 0, imports = 0, assigns = 0, reads = 0, binds = 0, fields = 0, hosts = 0, strings = 0,
      regexes = 0;
};

// ast-grep: the matchers of one rule for one JavaScript-family language.
std::vector<std::string> ast_grep_matchers(const Rule& r, Counts& n) {
  std::vector<std::string> any;
  auto pattern = [&](const std::string& pat) { any.push_back("pattern: " + yaml_quote(pat)); };
  auto member_text = [](const Path& p) {
    std::string s;
    for (std::size_t i = 0; i < p.members.size(); ++i) s += (i ? "." : "") + p.members[i];
    return s;
  };
  auto usable = [](const Path& p) {
    for (const auto& m : p.members)
      if (is_js_reserved(m)) return false;
    return true;
  };
  // Alias-resolved paths ("mixpanel-browser.track": a name bound by an import
  // of that module) need the import in the same file: grouped by module.
  std::vector<std::pair<std::string, std::vector<std::string>>> by_module;
  for (const auto& c : r.calls) {
    auto p = parse_path(c);
    if (!p || !usable(*p) || p->members.empty()) { ++n.calls_skipped; continue; }
    ++n.calls;
    std::string m = member_text(*p);
    std::string callee = p->any_member ? m + ".$METHOD" : m;
    // Constructors are called with `new`: JavaScript spells them capitalised.
    bool ctor = std::isupper(static_cast<unsigned char>(p->members.back()[0])) != 0;
    std::vector<std::string> pats = {callee + "($$$)"};
    if (ctor) pats.push_back("new " + callee + "($$$)");
    // "*.x.y" and "module.x.y" both mean: any receiver, or none.
    if (p->any_receiver || !p->module.empty()) {
      pats.push_back("$RECV." + callee + "($$$)");
      if (ctor) pats.push_back("new $RECV." + callee + "($$$)");
    }
    if (p->module.empty()) {
      for (const auto& x : pats) pattern(x);
      continue;
    }
    auto it = std::find_if(by_module.begin(), by_module.end(), [&](const auto& g) { return g.first == p->module; });
    if (it == by_module.end()) it = by_module.insert(by_module.end(), {p->module, {}});
    it->second.insert(it->second.end(), pats.begin(), pats.end());
  }
  for (const auto& [module, pats] : by_module) {
    std::string item = "all:\n  - any:\n";
    for (const auto& x : pats) item += "      - pattern: " + yaml_quote(x) + "\n";
    std::string re = yaml_quote("^[\"'`]" + regex_escape(module) + "[\"'`]$");
    // The file imports or requires the module at its top level.
    item += "  - inside:\n      kind: program\n      stopBy: end\n      has:\n        any:\n"
            "          - kind: import_statement\n            has: {field: source, regex: " + re + "}\n"
            "          - kind: lexical_declaration\n            has: {stopBy: end, kind: string, regex: " + re + "}\n"
            "          - kind: variable_declaration\n            has: {stopBy: end, kind: string, regex: " + re + "}";
    any.push_back(item);
  }
  for (const auto& a : r.assigns) {
    auto p = parse_path(a);
    if (!p || !usable(*p) || p->members.empty() || p->any_member) continue;
    ++n.assigns;
    pattern(member_text(*p) + " = $VALUE");
    if (p->any_receiver) pattern("$RECV." + member_text(*p) + " = $VALUE");
  }
  for (const auto& a : r.reads) {
    auto p = parse_path(a);
    if (!p || !usable(*p) || p->members.size() < 2 || p->any_member) continue;
    ++n.reads;
    pattern(member_text(*p));
  }
  if (!r.imports.empty()) {
    std::string alt;
    for (const auto& i : r.imports) {
      bool prefix = !i.empty() && i.back() == '*';
      alt += (alt.empty() ? "" : "|") + regex_escape(prefix ? i.substr(0, i.size() - 1) : i) + (prefix ? ".*" : "");
      ++n.imports;
    }
    // The module string of `import ... from 'm'`, `export ... from 'm'`, `require('m')`, `import('m')`.
    any.push_back("kind: string\nregex: " + yaml_quote("^[\"'](?:" + alt + ")[\"']$") +
                  "\ninside:\n  any:\n    - kind: import_statement\n    - kind: export_statement"
                  "\n    - kind: arguments\n      inside:\n        kind: call_expression"
                  "\n        has: {field: function, regex: '^(?:require|import)$'}");
  }
  if (!r.binds.empty()) {
    std::string alt;
    for (const auto& b : r.binds) alt += (alt.empty() ? "" : "|") + regex_escape(b), ++n.binds;
    any.push_back("kind: variable_declarator\nhas: {field: name, regex: " + yaml_quote("^(?:" + alt + ")$") + "}");
  }
  std::vector<std::string> hosts;
  for (const auto& h : r.hosts)
    if (h != "*") hosts.push_back(regex_escape(h));
  if (!hosts.empty()) {
    std::string alt;
    for (const auto& h : hosts) alt += (alt.empty() ? "" : "|") + h, ++n.hosts;
    any.push_back("kind: string_fragment\nregex: " + yaml_quote("https?://(?:[^/\"'\\s]*\\.)?(?:" + alt + ")(?:[:/?#]|$)"));
  }
  if (!r.strings.empty()) {
    std::string alt;
    for (const auto& s : r.strings) alt += (alt.empty() ? "" : "|") + regex_escape(s), ++n.strings;
    any.push_back("kind: string_fragment\nregex: " + yaml_quote("(?:^|[\\s,])(?:" + alt + ")(?:$|[\\s,])"));
  }
  for (const auto& re : r.string_regex) {
    ++n.regexes;
    any.push_back("kind: string_fragment\nregex: " + yaml_quote(re));
  }
  n.fields += static_cast<int>(r.fields.size());  // declared field types: no JavaScript form
  return any;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: policyscan_export_rules OUT_DIR [--mappings DIR]\n");
    return 2;
  }
  fs::path out_dir = argv[1];
  std::optional<std::string> mappings;
  if (argc >= 4 && std::string(argv[2]) == "--mappings") mappings = argv[3];
  Diagnostics diags;
  auto res = load_resources(find_mappings_dir(mappings, argv[0]), diags);
  if (!res.library || !res.classifier) {
    for (const auto& d : diags) std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
    return 3;
  }
  const auto& rules = res.library->rules();

  // (a) ripgrep patterns and literals, first-seen order, deduplicated.
  struct Unique {
    std::vector<std::string> items;
    std::set<std::string> seen;
    void add(const std::string& s) {
      if (!s.empty() && seen.insert(s).second) items.push_back(s);
    }
  } patterns, literals;
  auto literal = [&](const std::string& s) {
    patterns.add(regex_escape(s));
    literals.add(s);
  };
  int rg_queries_skipped = 0;
  for (const auto& r : rules) {
    for (const auto& i : r.imports) literal(!i.empty() && i.back() == '*' ? i.substr(0, i.size() - 1) : i);
    for (const auto* list : {&r.calls, &r.assigns, &r.reads, &r.binds, &r.fields})
      for (const auto& c : *list) {
        auto p = parse_path(c);
        if (!p) continue;
        if (!p->module.empty()) literal(p->module);  // alias-resolved: the module is named at its import
        patterns.add(rg_path(*p));
        std::string dotted;
        for (const auto& m : p->members) dotted += (dotted.empty() ? "" : ".") + m;
        literals.add(p->any_member && !dotted.empty() ? dotted + "." : dotted);
      }
    for (const auto& h : r.hosts)
      if (h != "*") literal(h);
    for (const auto& s : r.strings) literal(s);
    for (const auto& re : r.string_regex) patterns.add(re);  // a regex: no literal form
    rg_queries_skipped += static_cast<int>(r.queries.size());
  }

  // (b) ast-grep rules for the JavaScript family.
  Counts n;
  std::string yaml;
  int ast_rules = 0, ast_queries_skipped = 0;
  const std::pair<Language, const char*> kLangs[] = {
      {Language::JavaScript, "JavaScript"}, {Language::TypeScript, "TypeScript"}, {Language::Tsx, "Tsx"}};
  for (const auto& [lang, name] : kLangs) {
    for (const auto& r : rules) {
      if (!r.applies_to(lang)) continue;
      for (const auto& [ql, q] : r.queries) ast_queries_skipped += ql == lang;
      Counts per;
      auto any = ast_grep_matchers(r, lang == Language::JavaScript ? n : per);
      if (any.empty()) continue;
      std::string body = fmt::format("id: {}\nlanguage: {}\nseverity: info\nmessage: {}\nrule:\n", yaml_quote(r.id + "@" + name), name,
                                     yaml_quote(r.kind + " (" + r.id + ")"));
      if (r.arg_regex.empty()) {
        body += "  any:\n";
        for (const auto& a : any) body += yaml_item(a, "    ");
      } else {
        // Every argument regex must match some argument's text.
        body += "  all:\n    - any:\n";
        for (const auto& a : any) body += yaml_item(a, "        ");
        for (const auto& re : r.arg_regex) body += "    - has: {field: arguments, regex: " + yaml_quote(re) + "}\n";
      }
      yaml += (ast_rules ? "---\n" : "") + body;
      ++ast_rules;
    }
  }

  std::error_code ec;
  fs::create_directories(out_dir, ec);
  for (const auto& [name, list] : {std::pair{"patterns.txt", &patterns.items}, std::pair{"literals.txt", &literals.items}}) {
    std::ofstream f(out_dir / name);
    for (const auto& p : *list) f << p << '\n';
  }
  { std::ofstream(out_dir / "rules.yml") << yaml; }
  fmt::print("mapping library: {} rules\n", rules.size());
  fmt::print("ripgrep: {} regexes -> {}, {} fixed strings -> {} ({} raw tree-sitter queries left out)\n",
             patterns.items.size(), (out_dir / "patterns.txt").string(), literals.items.size(),
             (out_dir / "literals.txt").string(), rg_queries_skipped);
  fmt::print("ast-grep: {} rules for JavaScript/TypeScript/Tsx -> {}\n", ast_rules, (out_dir / "rules.yml").string());
  fmt::print("  per language: {} call paths ({} with no JS form), {} imports, {} assigns, {} reads, {} binds, {} hosts, "
             "{} strings, {} string regexes; left out: {} field types, {} raw queries (all 3 languages)\n",
             n.calls, n.calls_skipped, n.imports, n.assigns, n.reads, n.binds, n.hosts, n.strings, n.regexes, n.fields,
             ast_queries_skipped);
  return 0;
}
