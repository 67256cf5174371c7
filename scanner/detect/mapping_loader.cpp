#include "scanner/detect/mapping_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "scanner/core/text.h"

namespace ps {

namespace {

// "A::B->c" and PHP namespaces "A\\B" -> "A.B.c"; wildcards and module paths untouched.
std::string dotted_path(std::string_view p) {
  std::string out;
  for (std::size_t i = 0; i < p.size(); ++i) {
    bool scope = p[i] == ':' && i + 1 < p.size() && p[i + 1] == ':';
    bool arrow = p[i] == '-' && i + 1 < p.size() && p[i + 1] == '>';
    if (scope || arrow) {
      out.push_back('.');
      ++i;
    } else {
      out.push_back(p[i] == '\\' ? '.' : p[i]);
    }
  }
  out.erase(0, out.find_first_not_of('.'));  // a leading PHP namespace separator
  return out;
}

constexpr std::uint64_t kMaxMappingBytes = 4u << 20;

struct Ctx {
  const std::string& file;
  Diagnostics& diags;
  void error(const YAML::Node& n, std::string msg) const {
    auto m = n.Mark();
    diags.push_back(Diagnostic{Severity::Error, "mapping", file, m.line + 1, m.column + 1, std::move(msg)});
  }
};

bool check_keys(const Ctx& c, const YAML::Node& map, std::initializer_list<std::string_view> allowed, std::string_view what) {
  bool ok = true;
  for (const auto& kv : map) {
    auto key = kv.first.as<std::string>("");
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      c.error(kv.first, fmt::format("unknown key '{}' in {}", key, what));
      ok = false;
    }
  }
  return ok;
}

// A scalar or a list of scalars -> strings.
bool read_strings(const Ctx& c, const YAML::Node& n, std::vector<std::string>& out, std::string_view what) {
  if (!n) return true;
  if (n.IsScalar()) { out.push_back(n.Scalar()); return true; }
  if (!n.IsSequence()) { c.error(n, fmt::format("'{}' must be a string or a list of strings", what)); return false; }
  for (const auto& item : n) {
    if (!item.IsScalar()) { c.error(item, fmt::format("'{}' entries must be strings", what)); return false; }
    out.push_back(item.Scalar());
  }
  return true;
}

bool read_languages(const Ctx& c, const YAML::Node& n, std::uint16_t& mask) {
  std::vector<std::string> names;
  if (!read_strings(c, n, names, "languages")) return false;
  if (names.empty()) return true;
  mask = 0;
  for (const auto& name : names) {
    auto lang = language_from_name(name);
    if (!lang) { c.error(n, fmt::format("unknown language '{}'", name)); return false; }
    mask |= static_cast<std::uint16_t>(1u << static_cast<unsigned>(*lang));
  }
  return true;
}

std::optional<double> unit_seconds(std::string_view u) {
  static constexpr std::pair<std::string_view, double> kUnits[] = {
      {"ms", 0.001}, {"s", 1}, {"min", 60}, {"h", 3600}, {"d", 86400}, {"w", 604800}, {"y", 31536000}};
  for (auto [name, secs] : kUnits)
    if (name == u) return secs;
  return std::nullopt;
}

bool read_recipient(const Ctx& c, const YAML::Node& n, Recipient& r) {
  if (!n) return true;
  if (n.IsScalar()) { r.id = n.Scalar(); return true; }
  if (!n.IsMap()) { c.error(n, "'recipient' must be an id or {id, category}"); return false; }
  if (!check_keys(c, n, {"id", "category", "name"}, "recipient")) return false;
  r.id = n["id"].as<std::string>("");
  r.category = n["category"].as<std::string>("");
  if (r.id.empty()) { c.error(n, "recipient needs an id"); return false; }
  return true;
}

bool read_rule(const Ctx& c, const YAML::Node& n, const Recipient& file_recipient, std::uint16_t file_langs, Rule& rule) {
  if (!n.IsMap()) { c.error(n, "a rule must be a mapping"); return false; }
  if (!check_keys(c, n, {"id", "kind", "recipient", "languages", "categories", "classify", "requires_data",
                         "retention", "arg_regex", "except_hosts", "match", "note"}, "rule"))
    return false;
  rule.file = c.file;
  rule.line = n.Mark().line + 1;
  rule.id = n["id"].as<std::string>("");
  rule.kind = n["kind"].as<std::string>("");
  if (rule.id.empty()) { c.error(n, "rule needs an 'id'"); return false; }
  if (!is_known_point_kind(rule.kind)) {
    c.error(n["kind"] ? n["kind"] : n, fmt::format("rule '{}': unknown kind '{}'", rule.id, rule.kind));
    return false;
  }
  rule.recipient = file_recipient;
  rule.languages = file_langs;
  bool ok = read_recipient(c, n["recipient"], rule.recipient) && read_languages(c, n["languages"], rule.languages) &&
            read_strings(c, n["categories"], rule.categories, "categories") &&
            read_strings(c, n["arg_regex"], rule.arg_regex, "arg_regex") &&
            read_strings(c, n["except_hosts"], rule.except_hosts, "except_hosts");
  if (!ok) return false;
  if (rule.recipient.id.empty()) rule.recipient = Recipient{"we", ""};
  if (auto cl = n["classify"]) {
    if (cl.IsScalar() && cl.Scalar() == "args") rule.classify = ClassifySpec{};
    else if (cl.IsScalar() && cl.Scalar() == "none") rule.classify.none = true;
    else if (cl.IsSequence()) {
      rule.classify.all_args = false;
      for (const auto& i : cl) {
        int v = i.as<int>(-1);
        if (v < 0) { c.error(i, "classify indexes must be non-negative integers"); return false; }
        rule.classify.args.push_back(v);
      }
    } else { c.error(cl, "'classify' is 'args', 'none' or a list of argument indexes"); return false; }
  }
  if (auto rd = n["requires_data"]) rule.requires_data = rd.as<bool>(false);
  if (auto ret = n["retention"]) {
    if (!ret.IsSequence()) { c.error(ret, "'retention' must be a list of {arg|field, unit}"); return false; }
    for (const auto& r : ret) {
      if (!r.IsMap() || !check_keys(c, r, {"arg", "field", "unit"}, "retention")) { if (!r.IsMap()) c.error(r, "retention entries are maps"); return false; }
      RetentionSource src;
      src.arg = r["arg"].as<int>(-1);
      src.field = r["field"].as<std::string>("");
      auto unit = unit_seconds(r["unit"].as<std::string>("s"));
      if (!unit) { c.error(r["unit"], "unit must be one of ms, s, min, h, d, w, y"); return false; }
      if (src.arg < 0 && src.field.empty()) { c.error(r, "retention needs 'arg' or 'field'"); return false; }
      src.unit_seconds = *unit;
      rule.retention.push_back(src);
    }
  }
  auto m = n["match"];
  if (!m || !m.IsMap()) { c.error(n, fmt::format("rule '{}' needs a 'match' map", rule.id)); return false; }
  if (!check_keys(c, m, {"imports", "calls", "methods", "assigns", "reads", "binds", "fields", "hosts", "strings", "string_regex", "query"},
                  "match"))
    return false;
  ok = read_strings(c, m["imports"], rule.imports, "imports") && read_strings(c, m["calls"], rule.calls, "calls") &&
       read_strings(c, m["assigns"], rule.assigns, "assigns") && read_strings(c, m["reads"], rule.reads, "reads") &&
       read_strings(c, m["binds"], rule.binds, "binds") &&
       read_strings(c, m["fields"], rule.fields, "fields") && read_strings(c, m["hosts"], rule.hosts, "hosts") &&
       read_strings(c, m["strings"], rule.strings, "strings") &&
       read_strings(c, m["string_regex"], rule.string_regex, "string_regex");
  if (!ok) return false;
  // methods: {on: [logger, log], names: [info, warn]} is shorthand for
  // calls '*.logger.info', '*.logger.warn', '*.log.info', ... (any receiver path ending so).
  if (auto methods = m["methods"]) {
    std::vector<YAML::Node> groups;
    if (methods.IsSequence()) for (const auto& g : methods) groups.push_back(g);
    else groups.push_back(methods);
    for (const auto& g : groups) {
      if (!g.IsMap() || !check_keys(c, g, {"on", "names"}, "methods")) {
        if (!g.IsMap()) c.error(g, "'methods' entries are {on: [...], names: [...]}");
        return false;
      }
      std::vector<std::string> on, names;
      if (!read_strings(c, g["on"], on, "on") || !read_strings(c, g["names"], names, "names")) return false;
      if (on.empty() || names.empty()) { c.error(g, "'methods' needs both 'on' and 'names'"); return false; }
      for (const auto& r : on)
        for (const auto& n : names) rule.calls.push_back("*." + r + "." + n);
    }
  }
  for (auto* list : {&rule.hosts, &rule.except_hosts})
    for (auto& h : *list) h = to_lower(h);
  for (const auto& h : rule.except_hosts)
    if (h.empty() || h.find_first_of("/:*@ ") != std::string::npos) {
      c.error(n["except_hosts"], fmt::format("rule '{}': except_hosts takes host names, not '{}'", rule.id, h));
      return false;
    }
  // Code paths are normalised with '.' (`Segment::Analytics.track`,
  // `$client->send`, `Stripe\\Customer`); patterns written the language's
  // way are normalised the same, or they could never match.
  for (auto* list : {&rule.calls, &rule.assigns, &rule.reads, &rule.fields})
    for (auto& p : *list) p = dotted_path(p);
  if (auto q = m["query"]) {
    if (!q.IsMap()) { c.error(q, "'query' maps a language to a tree-sitter query"); return false; }
    for (const auto& kv : q) {
      auto lang = language_from_name(kv.first.as<std::string>(""));
      if (!lang || uses_libclang(*lang)) { c.error(kv.first, "query language must be a tree-sitter language"); return false; }
      rule.queries.emplace_back(*lang, kv.second.as<std::string>(""));
    }
  }
  if (rule.imports.empty() && rule.calls.empty() && rule.assigns.empty() && rule.reads.empty() && rule.binds.empty() && rule.fields.empty() &&
      rule.hosts.empty() && rule.strings.empty() && rule.string_regex.empty() && rule.queries.empty()) {
    c.error(m, fmt::format("rule '{}' matches nothing", rule.id));
    return false;
  }
  return true;
}

}  // namespace

std::vector<Rule> load_rules_text(const std::string& yaml, const std::string& name, Diagnostics& diags) {
  std::vector<Rule> rules;
  Ctx c{name, diags};
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    diags.push_back(Diagnostic{Severity::Error, "yaml", name, e.mark.line + 1, e.mark.column + 1, e.msg});
    return rules;
  }
  try {
    if (!root.IsMap()) { c.error(root, "a mapping file is a map with 'rules'"); return rules; }
    if (!check_keys(c, root, {"vendor", "languages", "rules", "description"}, "mapping file")) return rules;
    Recipient vendor;
    if (!read_recipient(c, root["vendor"], vendor)) return rules;
    std::uint16_t langs = 0xFFFF;
    if (!read_languages(c, root["languages"], langs)) return rules;
    auto list = root["rules"];
    if (!list || !list.IsSequence()) { c.error(root, "'rules' must be a list"); return rules; }
    for (const auto& rn : list) {
      Rule r;
      if (read_rule(c, rn, vendor, langs, r)) rules.push_back(std::move(r));
    }
  } catch (const YAML::Exception& e) {
    diags.push_back(Diagnostic{Severity::Error, "mapping", name, e.mark.line + 1, e.mark.column + 1, e.msg});
  }
  return rules;
}

std::vector<Rule> load_rules_file(const std::filesystem::path& file, Diagnostics& diags) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec || size > kMaxMappingBytes) {
    diags.push_back(Diagnostic{Severity::Error, "mapping", file.string(), 0, 0,
                               ec ? "cannot read: " + ec.message() : "mapping file over 4 MiB"});
    return {};
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return load_rules_text(ss.str(), file.string(), diags);
}

std::vector<Rule> load_rules_dir(const std::filesystem::path& dir, Diagnostics& diags) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".yaml") files.push_back(it->path());
  }
  if (ec) diags.push_back(Diagnostic{Severity::Error, "mapping", dir.string(), 0, 0, "cannot list mappings: " + ec.message()});
  std::sort(files.begin(), files.end());
  std::vector<Rule> all;
  std::map<std::string, std::string> seen;
  for (const auto& f : files) {
    for (auto& r : load_rules_file(f, diags)) {
      auto [it, fresh] = seen.emplace(r.id, fmt::format("{}:{}", r.file, r.line));
      if (!fresh) {
        diags.push_back(Diagnostic{Severity::Error, "mapping", r.file, r.line, 1,
                                   fmt::format("duplicate rule id '{}' (first at {})", r.id, it->second)});
        continue;
      }
      all.push_back(std::move(r));
    }
  }
  return all;
}

}  // namespace ps
