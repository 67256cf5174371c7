#include "scanner/detect/mapping_library.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <tree_sitter/api.h>

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "scanner/core/text.h"
#include "scanner/detect/duration_value.h"
#include "scanner/core/aliases.h"
#include "scanner/core/path_index.h"
#include "scanner/detect/raw_query.h"
#include "scanner/detect/url_host.h"

namespace ps {

using RuleIds = std::vector<std::uint32_t>;

namespace {
// Import patterns ending in '*' ("@sentry/*" -> "@sentry/"), grouped by
// their first two bytes: an import is compared with the few prefixes that
// share its start, not with all of them.
class PrefixIndex {
 public:
  void add(std::string prefix, std::uint32_t r) {
    std::string head = prefix.substr(0, std::min<std::size_t>(2, prefix.size()));
    by_head_[head].emplace_back(std::move(prefix), r);
  }
  void find(std::string_view path, RuleIds& out) const {
    if (by_head_.empty()) return;
    for (std::size_t n = 0; n <= 2 && n <= path.size(); ++n) {  // a prefix's head is at most its first two bytes
      auto it = by_head_.find(path.substr(0, n));
      if (it == by_head_.end()) continue;
      for (const auto& [prefix, r] : it->second)
        if (path.substr(0, prefix.size()) == prefix) out.push_back(r);
    }
  }

 private:
  StringMap<std::vector<std::pair<std::string, std::uint32_t>>> by_head_;
};
}  // namespace

struct MappingLibrary::LanguageIndex {
  PathIndex calls, assigns, fields, reads;
  StringMap<RuleIds> imports, binds, hosts, strings;  // looked up by string_view: no key string per lookup
  StringMap<RuleIds> except_hosts;                     // rules a host (or a parent domain) is kept from
  PrefixIndex import_prefixes;
  RuleIds any_host;                                                    // hosts: ["*"]: hosts no other rule knows
  std::unique_ptr<RE2::Set> string_set;
  RuleIds string_set_rules;
  std::unique_ptr<RawQuery> query;
};

namespace {

void add(StringMap<RuleIds>& m, const std::string& key, std::uint32_t r) { m[key].push_back(r); }

void lookup(const StringMap<RuleIds>& m, std::string_view key, RuleIds& out) {
  auto it = m.find(key);
  if (it != m.end()) out.insert(out.end(), it->second.begin(), it->second.end());
}

void dedupe(RuleIds& ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

// The identifiers inside a literal (SQL, a template): "DELETE FROM messages
// WHERE last_activity < $1" -> names {delete, from, messages, where, last_activity}.
Expr words_of(std::string_view literal) {
  Expr e;
  e.text = collapse_ws(literal, 240);
  std::string word;
  for (char c : literal.substr(0, 4096)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') { word.push_back(c); continue; }
    if (!word.empty() && e.names.size() < 64) e.names.push_back(word);
    word.clear();
  }
  if (!word.empty() && e.names.size() < 64) e.names.push_back(word);
  return e;
}

// Rules whose pattern matches a path as written or as its aliases resolve it.
RuleIds find_resolved(const PathIndex& index, const std::string& path, const Aliases& aliases) {
  RuleIds hits;
  aliases.match(index, path, &hits);
  dedupe(hits);
  return hits;
}

std::optional<std::int64_t> read_retention(const Rule& rule, const std::vector<Expr>& args) {
  for (const auto& src : rule.retention) {
    std::string text;
    if (src.arg >= 0 && static_cast<std::size_t>(src.arg) < args.size()) text = args[src.arg].text;
    if (!src.field.empty()) {
      for (const auto& a : args)
        for (const auto& f : a.fields)
          if (to_lower(f.key) == to_lower(src.field)) text = f.value;
    }
    if (text.empty()) continue;
    if (auto v = eval_duration(text)) {
      double secs = v->in_seconds ? v->value : v->value * src.unit_seconds;
      if (secs >= 0 && secs < 1e12) return static_cast<std::int64_t>(secs + 0.5);
    }
  }
  return std::nullopt;
}

std::vector<Expr> data_of(const Rule& rule, const std::vector<Expr>& args) {
  if (rule.classify.none) return {};
  if (rule.classify.all_args) return args;
  std::vector<Expr> out;
  for (int i : rule.classify.args)
    if (static_cast<std::size_t>(i) < args.size()) out.push_back(args[i]);
  return out;
}

}  // namespace

MappingLibrary::MappingLibrary(std::vector<Rule> rules, Diagnostics& diags) : rules_(std::move(rules)) {
  arg_regex_.resize(rules_.size());
  for (std::uint32_t r = 0; r < rules_.size(); ++r)
    for (const auto& pattern : rules_[r].arg_regex) {
      auto re = std::make_unique<RE2>(pattern, RE2::Quiet);
      if (!re->ok()) {
        diags.push_back(Diagnostic{Severity::Error, "mapping", rules_[r].file, rules_[r].line, 1,
                                   fmt::format("rule '{}': bad arg_regex '{}': {}", rules_[r].id, pattern, re->error())});
        continue;
      }
      arg_regex_[r].push_back(std::move(re));
    }
  by_language_.resize(kLanguageCount);
  auto interest = std::make_shared<FactInterest>();
  for (Language lang : kAllLanguages) {
    auto& wants = interest->by_language[static_cast<std::size_t>(lang)];
    auto idx = std::make_unique<LanguageIndex>();
    RE2::Options opts;
    opts.set_log_errors(false);
    auto set = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
    std::vector<std::pair<std::uint32_t, std::string>> queries;
    for (std::uint32_t r = 0; r < rules_.size(); ++r) {
      const Rule& rule = rules_[r];
      if (!rule.applies_to(lang)) continue;
      for (const auto& m : rule.imports) {
        if (!m.empty() && m.back() == '*') idx->import_prefixes.add(m.substr(0, m.size() - 1), r);
        else add(idx->imports, m, r);
      }
      for (const auto& c : rule.calls) {
        idx->calls.add(c, r);
        wants.calls.add(c, r);
      }
      for (const auto& a : rule.assigns) {
        idx->assigns.add(a, r);
        wants.assigns.add(a, r);
      }
      for (const auto& rd : rule.reads) {
        idx->reads.add(rd, r);
        wants.reads.add(rd, r);
      }
      for (const auto& f : rule.fields) idx->fields.add(f, r);
      for (const auto& b : rule.binds) {
        add(idx->binds, b, r);
        wants.binds.insert(b);
      }
      for (const auto& h : rule.hosts) {
        if (h == "*") idx->any_host.push_back(r);
        else add(idx->hosts, h, r);
      }
      for (const auto& h : rule.except_hosts) add(idx->except_hosts, h, r);
      for (const auto& s : rule.strings) add(idx->strings, s, r);
      for (const auto& re : rule.string_regex) {
        std::string err;
        if (set->Add(re, &err) < 0) {
          diags.push_back(Diagnostic{Severity::Error, "mapping", rule.file, rule.line, 1,
                                     fmt::format("rule '{}': bad string_regex '{}': {}", rule.id, re, err)});
          continue;
        }
        idx->string_set_rules.push_back(r);
      }
      for (const auto& [qlang, q] : rule.queries)
        if (qlang == lang) queries.emplace_back(r, q);
    }
    if (!idx->string_set_rules.empty()) {
      if (set->Compile()) idx->string_set = std::move(set);
      else diags.push_back(Diagnostic{Severity::Error, "mapping", "mappings", 0, 0, "string_regex set did not compile"});
    }
    if (!queries.empty()) idx->query = RawQuery::compile(lang, queries, rules_, diags);
    if (idx->query)
      for (auto t : idx->query->root_types()) {
        if (wants.query_roots.size() <= t) wants.query_roots.resize(t + 1u, false);
        wants.query_roots[t] = true;
      }
    by_language_[static_cast<std::size_t>(lang)] = std::move(idx);
  }
  interest_ = std::move(interest);
}

MappingLibrary::~MappingLibrary() = default;
MappingLibrary::MappingLibrary(MappingLibrary&&) noexcept = default;
MappingLibrary& MappingLibrary::operator=(MappingLibrary&&) noexcept = default;

bool MappingLibrary::args_match_regex(std::uint32_t rule, const std::vector<Expr>& args) const {
  for (const auto& re : arg_regex_[rule]) {
    bool any = std::any_of(args.begin(), args.end(), [&](const Expr& a) { return RE2::PartialMatch(a.text, *re); });
    if (!any) return false;
  }
  return true;
}

void MappingLibrary::match_call(const LanguageIndex& idx, const std::vector<Fact>& facts, std::uint32_t fi,
                                const std::vector<std::string>& candidates, std::vector<Detection>& out) const {
  const Fact& f = facts[fi];
  RuleIds hits;
  for (const auto& c : candidates) idx.calls.find(c, hits);
  dedupe(hits);
  for (auto r : hits) {
    if (!args_match_regex(r, f.args)) continue;
    Detection d;
    d.rule = r;
    d.fact = fi;
    d.loc = f.loc;
    d.evidence = candidates.size() > 1 && candidates[1] != candidates[0] ? candidates[0] + " (" + candidates[1] + ")" : candidates[0];
    d.data = data_of(rules_[r], f.args);
    d.retention_seconds = read_retention(rules_[r], f.args);
    for (const auto& a : f.args)
      if (!a.strings.empty()) { d.detail = a.strings.front(); break; }
    out.push_back(std::move(d));
  }
}

std::vector<Detection> MappingLibrary::detect(const ParsedFile& file) const {
  std::vector<Detection> out;
  const auto& idx = *by_language_[static_cast<std::size_t>(file.file.language)];
  const auto& facts = file.facts.facts;
  Aliases aliases;
  // Variables holding a URL: `const url = "https://api.x.com"; fetch(url, body)`.
  struct HostVar {
    std::string host;
    bool in_prose;
  };
  std::unordered_map<std::string, HostVar> host_vars;
  // Hosts already reported at a call on this line; the string fact inside the call is not reported again.
  std::set<std::pair<std::uint32_t, std::string>> hosts_at_calls;
  // Literals holding a URL that a message or an error was built from: the
  // string facts inside (which come after) read as prose too.
  std::unordered_set<std::string> message_urls;

  // The rules a host in a literal matches. A host covers its subdomains:
  // api.eu.mixpanel.com is matched by mixpanel.com. The hosts: ['*']
  // fallback takes only URLs that are a literal's value: a link inside
  // prose ("see https://angular.io/errors/NG0100") is documentation.
  auto host_rules = [&](const std::string& host, bool in_prose, RuleIds& hits) {
    auto each_domain = [&](auto visit) {
      for (std::string_view h = host; h.find('.') != std::string_view::npos; h.remove_prefix(h.find('.') + 1))
        if (visit(h)) return;
    };
    RuleIds found;
    each_domain([&](std::string_view h) {
      lookup(idx.hosts, h, found);
      return !found.empty();
    });
    if (found.empty() && !in_prose && !is_local_or_example_host(host)) found = idx.any_host;
    if (!found.empty() && !idx.except_hosts.empty())
      each_domain([&](std::string_view h) {
        RuleIds kept_from;
        lookup(idx.except_hosts, h, kept_from);
        for (auto r : kept_from) found.erase(std::remove(found.begin(), found.end(), r), found.end());
        return false;
      });
    hits.insert(hits.end(), found.begin(), found.end());
  };
  auto emit = [&](std::uint32_t r, std::uint32_t fi, Loc loc, std::string evidence, std::string detail, std::vector<Expr> data,
                  const std::vector<Expr>* retention_args) {
    Detection d;
    d.rule = r;
    d.fact = fi;
    d.loc = loc;
    d.evidence = std::move(evidence);
    d.detail = std::move(detail);
    d.data = std::move(data);
    if (retention_args) d.retention_seconds = read_retention(rules_[r], *retention_args);
    out.push_back(std::move(d));
  };

  // Member reads anywhere in a fact's expressions: `const ip = req.ip`.
  std::set<std::pair<std::uint32_t, std::uint32_t>> reads_at;
  auto match_reads = [&](std::uint32_t fi) {
    if (idx.reads.empty()) return;
    const Fact& f = facts[fi];
    RuleIds hits;
    std::string evidence;
    for (const auto& a : f.args)
      for (const auto& n : a.names) {
        RuleIds found = find_resolved(idx.reads, n, aliases);
        if (!found.empty() && evidence.empty()) evidence = n;
        hits.insert(hits.end(), found.begin(), found.end());
      }
    dedupe(hits);
    for (auto r : hits)
      if (reads_at.emplace(f.loc.line, r).second)  // once per line: `f(g(req.ip))` is one read
        emit(r, fi, f.loc, evidence, "", data_of(rules_[r], f.args), nullptr);
  };

  for (std::uint32_t fi = 0; fi < facts.size(); ++fi) {
    const Fact& f = facts[fi];
    if (f.kind == FactKind::Call || f.kind == FactKind::Assign || f.kind == FactKind::Bind || f.kind == FactKind::Return) match_reads(fi);
    switch (f.kind) {
      case FactKind::Import: {
        aliases.import(f);
        RuleIds hits;
        // `from google.cloud import storage` imports the module google.cloud.storage
        // (or a name in google.cloud: both spellings are looked up).
        const std::string member = f.imported.empty() || f.imported == "*" || f.imported == "default" ? std::string()
                                                                                                : f.path + "." + f.imported;
        for (const std::string* path : {&f.path, &member}) {
          if (path->empty()) continue;
          lookup(idx.imports, *path, hits);
          std::string unversioned = strip_go_version(*path);
          if (unversioned != *path) lookup(idx.imports, unversioned, hits);
          idx.import_prefixes.find(*path, hits);
        }
        dedupe(hits);
        for (auto r : hits) emit(r, fi, f.loc, f.path, "", {}, nullptr);
        break;
      }
      case FactKind::Call: {
        // Most calls match no pattern in any spelling: ruled out without building the spellings.
        if (!f.imported.empty() || (!f.no_call_rule && aliases.match(idx.calls, f.path))) {
          std::vector<std::string> candidates = aliases.spellings(f.path);
          if (!f.imported.empty()) candidates.push_back(normalize_path(f.imported));  // libclang: Type.method
          match_call(idx, facts, fi, candidates, out);
        }
        // Calls that send to a known host: the host is in an argument, or in a variable passed as one.
        // (What an error is made of, or an argument that builds a message, is text for a reader.)
        RuleIds hits;
        std::string host;
        bool error = makes_error(f.path);
        for (const auto& a : f.args) {
          bool message = error || builds_message(a.text, a.strings);
          for (const auto& s : a.strings) {
            if (message && s.find("//") != std::string::npos) message_urls.insert(s);
            for (auto& h : hosts_in_string(s)) { host_rules(h, message || reads_as_prose(s), hits); if (!hits.empty()) { host = h; break; } }
          }
          if (hits.empty())
            for (const auto& n : a.names)
              if (auto it = host_vars.find(n); it != host_vars.end()) {
                host_rules(it->second.host, it->second.in_prose || message, hits);
                if (!hits.empty()) { host = it->second.host; break; }
              }
          if (!hits.empty()) break;
        }
        dedupe(hits);
        for (auto r : hits) {
          if (!args_match_regex(r, f.args)) continue;
          hosts_at_calls.emplace(f.loc.line, host);
          emit(r, fi, f.loc, host, f.path, data_of(rules_[r], f.args), &f.args);
        }
        break;
      }
      case FactKind::Assign: {
        for (auto r : find_resolved(idx.assigns, f.path, aliases)) {
          if (!args_match_regex(r, f.args)) continue;
          emit(r, fi, f.loc, f.path, f.args.empty() || f.args[0].strings.empty() ? "" : f.args[0].strings[0],
               data_of(rules_[r], f.args), &f.args);
        }
        break;
      }
      case FactKind::Bind: {
        aliases.bind(f);
        if (!f.type.empty()) break;  // a declared type: no value to read
        if (!f.args.empty()) {
          bool message = builds_message(f.args[0].text, f.args[0].strings);  // `docs = 'Learn more at ' + 'https://...'`
          for (const auto& s : f.args[0].strings)
            for (auto& h : hosts_in_string(s)) {
              host_vars[f.name] = HostVar{h, message || reads_as_prose(s)};
              if (message) message_urls.insert(s);
            }
        }
        RuleIds hits;
        lookup(idx.binds, f.name, hits);
        dedupe(hits);
        for (auto r : hits) emit(r, fi, f.loc, f.name, "", data_of(rules_[r], f.args), &f.args);
        break;
      }
      case FactKind::Field: {
        RuleIds hits = find_resolved(idx.fields, f.path, aliases);
        Expr name;
        name.text = f.name;
        name.names.push_back(f.name);
        name.loc = f.loc;
        for (auto r : hits) emit(r, fi, f.loc, f.path, f.name, rules_[r].classify.none ? std::vector<Expr>{} : std::vector<Expr>{name}, nullptr);
        break;
      }
      case FactKind::Return: break;  // only its reads count
      case FactKind::String: {
        RuleIds hits;
        lookup(idx.strings, f.path, hits);
        // Scope lists: "openid email https://www.googleapis.com/auth/calendar.readonly"
        if (f.path.find_first_of(" ,") != std::string::npos && f.path.size() < 4096) {
          std::string_view rest = f.path;
          while (!rest.empty()) {
            std::size_t end = std::min(rest.find_first_of(" ,"), rest.size());
            if (end > 0) lookup(idx.strings, rest.substr(0, end), hits);  // never the whole string: it has a separator
            rest.remove_prefix(std::min(end + 1, rest.size()));
          }
        }
        if (idx.string_set) {
          std::vector<int> which;
          if (idx.string_set->Match(f.path, &which))
            for (int w : which) hits.push_back(idx.string_set_rules[static_cast<std::size_t>(w)]);
        }
        dedupe(hits);
        for (auto r : hits)
          emit(r, fi, f.loc, collapse_ws(f.path, 120), f.path,
               rules_[r].classify.none ? std::vector<Expr>{} : std::vector<Expr>{words_of(f.path)}, nullptr);
        bool claimed = !hits.empty();  // a scope URL matched as a string is not also an unknown endpoint
        for (auto& h : hosts_in_string(f.path)) {
          if (hosts_at_calls.count({f.loc.line, h})) continue;
          RuleIds host_hits;
          host_rules(h, reads_as_prose(f.path) || message_urls.count(f.path) > 0, host_hits);
          if (claimed)
            host_hits.erase(std::remove_if(host_hits.begin(), host_hits.end(), [&](std::uint32_t r) {
                              return std::find(idx.any_host.begin(), idx.any_host.end(), r) != idx.any_host.end();
                            }), host_hits.end());
          dedupe(host_hits);
          Expr literal;
          literal.text = f.path;
          for (auto r : host_hits)
            if (args_match_regex(r, {literal})) emit(r, fi, f.loc, h, f.path, {}, nullptr);
        }
        break;
      }
    }
  }
  if (idx.query && file.tree) idx.query->run(file, out);
  std::stable_sort(out.begin(), out.end(), [](const Detection& a, const Detection& b) {
    return std::tie(a.loc.line, a.loc.column, a.rule) < std::tie(b.loc.line, b.loc.column, b.rule);
  });
  // One detection per rule and place; a query that matched an argument at a
  // time contributes all of them.
  std::vector<Detection> merged;
  for (auto& d : out) {
    if (!merged.empty() && merged.back().loc.line == d.loc.line && merged.back().loc.column == d.loc.column &&
        merged.back().rule == d.rule) {
      auto& m = merged.back();
      m.data.insert(m.data.end(), std::make_move_iterator(d.data.begin()), std::make_move_iterator(d.data.end()));
      continue;
    }
    merged.push_back(std::move(d));
  }
  out = std::move(merged);
  return out;
}

}  // namespace ps
