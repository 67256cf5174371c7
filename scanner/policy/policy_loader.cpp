#include "scanner/policy/policy_loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include <fmt/format.h>

namespace ps {

namespace {

constexpr std::uint64_t kMaxPolicyBytes = 8u << 20;
constexpr int kMaxNesting = 64;
// Lints compare practices with denials pairwise; real policies have dozens.
constexpr std::size_t kMaxStatements = 10000;

const std::vector<std::string> kTriggers = {"collection", "account_closure", "cancellation", "thread_inactive",
                                            "last_activity", "purpose_fulfilled", "request"};

// Words people write for a key of the schema ("purpose" for `for`).
const std::map<std::string, std::string> kSynonyms = {
    {"purpose", "for"}, {"purposes", "for"}, {"action", "do"},     {"categories", "data"},
    {"category", "data"}, {"recipient", "to"}, {"recipients", "to"}, {"ttl", "within"}};

// The candidate nearest to a misspelt word (at most 2 edits), if any.
std::optional<std::string> nearest(const std::string& word, const std::vector<std::string>& candidates) {
  std::optional<std::string> best;
  std::size_t best_d = 3;
  for (const auto& c : candidates)
    if (auto d = edit_distance(word, c); d < best_d) { best_d = d; best = c; }
  return best;
}

std::string did_you_mean(const std::optional<std::string>& hint) {
  return hint ? fmt::format(" (did you mean '{}'?)", *hint) : "";
}

std::string joined(const std::vector<std::string>& v) {
  return fmt::format("{}", fmt::join(v, ", "));
}

// yaml-cpp parses nested collections recursively; refuse absurd nesting
// before handing it the text so a hostile file cannot exhaust the stack.
int max_flow_nesting(const std::string& s) {
  int depth = 0, max = 0;
  char quote = 0;
  for (char c : s) {
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    else if (c == '[' || c == '{') max = std::max(max, ++depth);
    else if ((c == ']' || c == '}') && depth > 0) --depth;
    else if (c == '\n') quote = 0;
  }
  return max;
}

int max_indent(const std::string& s) {
  int max = 0, cur = 0;
  bool at_start = true;
  for (char c : s) {
    if (c == '\n') { at_start = true; cur = 0; continue; }
    if (at_start && (c == ' ' || c == '-')) { max = std::max(max, ++cur); continue; }
    at_start = false;
    max = std::max(max, cur);
  }
  return max;
}

class Reader {
 public:
  Reader(std::string file, const Taxonomy& base, LoadedPolicy& out) : file_(std::move(file)), out_(out) {
    out_.taxonomy = base;
    out_.model.file = file_;
  }

  void error(const YAML::Node& n, std::string msg, Severity sev = Severity::Error, std::string code = "policy") {
    auto m = n.Mark();
    out_.diags.push_back(Diagnostic{sev, std::move(code), file_, m.line + 1, m.column + 1, std::move(msg)});
  }

  SourcePos pos(const YAML::Node& n) const {
    auto m = n.Mark();
    return SourcePos{file_, m.line + 1, m.column + 1};
  }

  bool keys(const YAML::Node& map, const std::vector<std::string>& allowed, const char* what) {
    bool ok = true;
    for (const auto& kv : map) {
      std::string k = kv.first.as<std::string>("");
      if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
      auto hint = nearest(k, allowed);
      if (auto syn = kSynonyms.find(k); !hint && syn != kSynonyms.end() &&
                                        std::find(allowed.begin(), allowed.end(), syn->second) != allowed.end())
        hint = syn->second;
      error(kv.first, fmt::format("unknown key '{}' in {}{}", k, what, did_you_mean(hint)));
      ok = false;
    }
    return ok;
  }

  std::string scalar(const YAML::Node& n, const char* what) {
    if (!n) return {};
    if (!n.IsScalar()) {
      error(n, fmt::format("'{}' must be a string", what));
      return {};
    }
    return n.Scalar();
  }

  std::vector<std::string> list(const YAML::Node& n, const char* what) {
    std::vector<std::string> out;
    if (!n) return out;
    if (n.IsScalar()) { out.push_back(n.Scalar()); return out; }
    if (!n.IsSequence()) { error(n, fmt::format("'{}' must be a list", what)); return out; }
    for (const auto& item : n) {
      if (!item.IsScalar()) { error(item, fmt::format("'{}' entries must be strings", what)); continue; }
      out.push_back(item.Scalar());
    }
    return out;
  }

  // Taxonomy keys (categories or purposes): unknown ones are errors with a
  // suggestion, deprecated ones warnings naming the replacement.
  void check_keys(const KeyTree& tree, const char* what, const YAML::Node& n, const std::vector<std::string>& keys) {
    for (const auto& k : keys) {
      YAML::Node at = item_node(n, k);
      if (tree.known(k)) {
        if (auto r = out_.taxonomy.replaced.find(k); r != out_.taxonomy.replaced.end())
          error(at, fmt::format("{} '{}' is deprecated in fideslang; use '{}'", what, k, r->second), Severity::Warning, "deprecated");
        continue;
      }
      error(at, fmt::format("unknown {} '{}'{}", what, k, did_you_mean(tree.suggest(k))));
    }
  }

  // The node of one entry of a list (for the column of a bad item), or the list.
  static YAML::Node item_node(const YAML::Node& list, const std::string& value) {
    if (list && list.IsSequence())
      for (const auto& item : list)
        if (item.IsScalar() && item.Scalar() == value) return item;
    return list;
  }

  void statement(const YAML::Node& n, Statement& s) {
    s.pos = pos(n);
    s.id = scalar(n["id"], "id");
    s.quote = scalar(n["quote"], "quote");
    if (auto l = n["line"]) {
      try { s.text_line = l.as<int>(); } catch (const YAML::Exception&) { error(l, "'line' must be a number"); }
    }
    if (auto c = n["confidence"]) {
      std::string v = scalar(c, "confidence");
      if (v != "low" && v != "high") error(c, "'confidence' is low or high");
      s.low_confidence = v == "low";
    }
  }

  void read_extensions(const YAML::Node& n) {
    if (!n) return;
    if (!n.IsMap()) return error(n, "'extensions' maps a new category key to its parent");
    std::vector<Extension> exts;
    for (const auto& kv : n) {
      std::string key = kv.first.Scalar(), parent = kv.second.IsScalar() ? kv.second.Scalar() : "";
      if (parent.empty()) { error(kv.second, fmt::format("extension '{}' needs a parent key", key)); continue; }
      if (key.rfind(parent + ".", 0) != 0)
        error(kv.first, fmt::format("extension '{}' should be named under its parent '{}'", key, parent), Severity::Warning);
      auto p = pos(kv.first);
      exts.push_back(Extension{key, parent, p.file, p.line, p.column});
    }
    for (const auto& e : add_extensions(out_.taxonomy, exts, out_.diags)) out_.model.extensions[e.key] = e.parent;
  }

  void read_recipients(const YAML::Node& n) {
    if (!n) return;
    if (!n.IsSequence()) return error(n, "'recipients' must be a list");
    for (const auto& r : n) {
      if (!r.IsMap()) { error(r, "a recipient is a map {id, category, match}"); continue; }
      keys(r, {"id", "category", "match", "quote", "line", "confidence", "name"}, "recipient");
      RecipientDecl d;
      statement(r, d);
      d.category = scalar(r["category"], "category");
      d.match = list(r["match"], "match");
      if (d.id.empty()) { error(r, "recipient needs an 'id'"); continue; }
      if (d.category.empty()) error(r, fmt::format("recipient '{}' needs a 'category'", d.id));
      else if (!out_.taxonomy.recipients.known(d.category)) {
        auto s = out_.taxonomy.recipients.suggest(d.category);
        error(r["category"], fmt::format("unknown recipient category '{}'{}", d.category, did_you_mean(s)));
      }
      out_.model.recipients.push_back(std::move(d));
    }
  }

  void check_recipients(const YAML::Node& list_node, const std::vector<std::string>& to) {
    for (const auto& t : to) {
      if (out_.model.recipient(t) || out_.taxonomy.recipients.known(t)) continue;
      std::vector<std::string> ids;
      for (const auto& r : out_.model.recipients) ids.push_back(r.id);
      auto hint = nearest(t, ids);
      if (!hint) hint = out_.taxonomy.recipients.suggest(t);
      error(item_node(list_node, t), fmt::format("unknown recipient '{}'{}", t, did_you_mean(hint)));
    }
  }

  void read_practices(const YAML::Node& n, std::vector<Practice>& out, const char* what) {
    if (!n) return;
    if (!n.IsSequence()) return error(n, fmt::format("'{}' must be a list", what));
    for (const auto& p : n) {
      if (!p.IsMap()) { error(p, fmt::format("a {} entry is a map", what)); continue; }
      keys(p, {"id", "do", "data", "to", "for", "quote", "line", "confidence"}, what);
      Practice s;
      statement(p, s);
      if (!p["do"] || p["do"].IsScalar()) {
        std::string act = scalar(p["do"], "do");
        if (auto a = action_from_name(act)) s.action = *a;
        else error(p["do"] ? p["do"] : p, fmt::format("'do' must be one of collect, store, log, use, share, sell, transfer, track (got '{}')", act));
      } else {
        error(p["do"], "'do' must be a string");
      }
      s.data = list(p["data"], "data");
      if (!p["data"] || (p["data"].IsSequence() && p["data"].size() == 0)) error(p, fmt::format("{} '{}' names no data", what, s.id));
      check_keys(out_.taxonomy.categories, "data category", p["data"], s.data);
      s.to = list(p["to"], "to");
      check_recipients(p["to"], s.to);
      s.purposes = list(p["for"], "for");
      check_keys(out_.taxonomy.uses, "purpose", p["for"], s.purposes);
      out.push_back(std::move(s));
    }
  }

  void read_retention(const YAML::Node& n) {
    if (!n) return;
    if (!n.IsSequence()) return error(n, "'retention' must be a list");
    for (const auto& r : n) {
      if (!r.IsMap()) { error(r, "a retention rule is a map"); continue; }
      keys(r, {"id", "data", "after", "within", "quote", "line", "confidence"}, "retention rule");
      RetentionRule rule;
      statement(r, rule);
      rule.data = list(r["data"], "data");
      if (rule.data.empty()) error(r, fmt::format("retention rule '{}' names no data", rule.id));
      check_keys(out_.taxonomy.categories, "data category", r["data"], rule.data);
      if (auto a = r["after"]) {
        rule.after = scalar(a, "after");
        if (std::find(kTriggers.begin(), kTriggers.end(), rule.after) == kTriggers.end())
          error(a, fmt::format("unknown trigger '{}'{}; one of {}", rule.after, did_you_mean(nearest(rule.after, kTriggers)),
                               joined(kTriggers)));
      }
      if (auto w = r["within"]; w && w.IsScalar()) {
        rule.within_text = w.Scalar();
        rule.within_seconds = parse_iso_duration(rule.within_text);
        if (!rule.within_seconds) error(w, fmt::format("'within' is an ISO-8601 duration such as P30D or PT24H (got '{}')", rule.within_text));
      } else if (w) {
        error(w, "'within' must be an ISO-8601 duration such as P30D");
      }
      out_.model.retention.push_back(std::move(rule));
    }
  }

  void read_tracking(const YAML::Node& n) {
    if (!n) return;
    if (!n.IsMap()) return error(n, "'tracking' is a map {tech, by}");
    keys(n, {"tech", "by", "quote", "line", "confidence", "id"}, "tracking");
    statement(n, out_.model.tracking);
    if (out_.model.tracking.id.empty()) out_.model.tracking.id = "tracking";
    out_.model.tracking.declared = true;
    out_.model.tracking.tech = list(n["tech"], "tech");
    for (const auto& t : out_.model.tracking.tech)
      if (!out_.taxonomy.tracking_tech.count(t)) {
        std::vector<std::string> techs;
        for (const auto& [name, kinds] : out_.taxonomy.tracking_tech) techs.push_back(name);
        error(item_node(n["tech"], t), fmt::format("unknown tracking technology '{}'{}; one of {}", t, did_you_mean(nearest(t, techs)), joined(techs)));
      }
    out_.model.tracking.by = list(n["by"], "by");
    check_recipients(n["by"], out_.model.tracking.by);
  }

  void read_children(const YAML::Node& n) {
    if (!n) return;
    if (!n.IsMap()) return error(n, "'children' is a map {min_age}");
    keys(n, {"min_age", "quote", "line", "confidence", "id"}, "children");
    statement(n, out_.model.children);
    out_.model.children.declared = true;
    if (auto age = n["min_age"]) {
      try {
        out_.model.children.min_age = age.as<int>();
      } catch (const YAML::Exception&) {
        error(age, "'min_age' must be a number");
      }
    }
  }

  void read(const YAML::Node& root) {
    if (!root.IsMap()) return error(root, "a policy model is a map (schema, policy, recipients, practices, ...)");
    keys(root, {"schema", "policy", "extensions", "recipients", "practices", "denials", "retention", "tracking", "children"},
         "policy model");
    std::string schema = scalar(root["schema"], "schema");
    if (schema != "policyscan/1") error(root["schema"] ? root["schema"] : root, fmt::format("'schema' must be policyscan/1 (got '{}')", schema));
    if (auto p = root["policy"]) {
      if (p.IsMap()) {
        keys(p, {"controller", "product", "source", "url", "effective"}, "policy");
        out_.model.controller = scalar(p["controller"], "controller");
        out_.model.product = scalar(p["product"], "product");
        out_.model.source = scalar(p["source"], "source");
      } else {
        error(p, "'policy' is a map {controller, product, source}");
      }
    }
    std::size_t count = 0;
    for (const char* section : {"recipients", "practices", "denials", "retention"})
      if (root[section] && root[section].IsSequence()) count += root[section].size();
    if (count > kMaxStatements)
      return error(root, fmt::format("the policy model has {} statements; the limit is {}", count, kMaxStatements));
    read_extensions(root["extensions"]);
    read_recipients(root["recipients"]);
    read_practices(root["practices"], out_.model.practices, "practice");
    read_practices(root["denials"], out_.model.denials, "denial");
    read_retention(root["retention"]);
    read_tracking(root["tracking"]);
    read_children(root["children"]);
  }

 private:
  std::string file_;
  LoadedPolicy& out_;
};

}  // namespace

LoadedPolicy load_policy_text(const std::string& yaml, const std::string& name, const Taxonomy& base) {
  LoadedPolicy out;
  Reader r(name, base, out);
  if (yaml.size() > kMaxPolicyBytes) {
    out.diags.push_back(Diagnostic{Severity::Error, "policy", name, 0, 0, fmt::format("policy file is {} bytes; the limit is 8 MiB", yaml.size())});
    return out;
  }
  if (max_flow_nesting(yaml) > kMaxNesting || max_indent(yaml) > 4 * kMaxNesting) {
    out.diags.push_back(Diagnostic{Severity::Error, "policy", name, 0, 0, "policy file nests deeper than 64 levels (or indents past column 256)"});
    return out;
  }
  YAML::Node root;
  try {
    root = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    out.diags.push_back(Diagnostic{Severity::Error, "yaml", name, e.mark.line + 1, e.mark.column + 1, e.msg});
    return out;
  }
  try {
    r.read(root);
  } catch (const YAML::Exception& e) {
    out.diags.push_back(Diagnostic{Severity::Error, "policy", name, e.mark.line + 1, e.mark.column + 1, e.msg});
  }
  auto lints = lint_policy(out.model, out.taxonomy);
  out.diags.insert(out.diags.end(), lints.begin(), lints.end());
  std::stable_sort(out.diags.begin(), out.diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  return out;
}

LoadedPolicy load_policy(const std::filesystem::path& file, const Taxonomy& base) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file, ec);
  if (ec || size > kMaxPolicyBytes) {
    LoadedPolicy out;
    out.taxonomy = base;
    out.diags.push_back(Diagnostic{Severity::Error, "policy", file.string(), 0, 0,
                                   ec ? "cannot read the policy file: " + ec.message() : "policy file is over 8 MiB"});
    return out;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return load_policy_text(ss.str(), file.string(), base);
}

}  // namespace ps
