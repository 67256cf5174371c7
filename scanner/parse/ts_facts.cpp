// One pre-order walk over a tree-sitter tree, turning calls, imports,
// assignments, declarations, fields and string literals into facts. Node
// types come from per-language role tables (ts_grammar_roles.cpp); the few
// shapes that differ by grammar (where a call keeps its callee, how an import
// names its binding) are handled by small accessors below.
#include "scanner/parse/ts_facts.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "scanner/core/aliases.h"
#include "scanner/core/string_hash.h"
#include "scanner/core/text.h"
#include "scanner/parse/ts_grammar_roles.h"
#include "scanner/parse/ts_walk.h"

namespace ps {

namespace {

constexpr std::size_t kMaxPathText = 4096;    // longer callee texts are not paths worth normalising
constexpr std::size_t kExprNodeBudget = 400;  // nodes visited to summarise one expression
// A function passed as an argument is code, not data: its body is summarised
// only when it is short (`logger.info { "user $email" }`, `() => user.email`).
// A long callback's body is walked by the main walk anyway; summarising it
// again for every call around it made nested callbacks quadratic.
constexpr uint32_t kInlineFunctionBytes = 256;

class Extractor {
 public:
  // stops: the walk's table (WalkStops), or null for the grammar's.
  Extractor(const Grammar& g, std::string_view text, const FactInterest* interest, WalkFindings* found,
            const std::uint8_t* stops = nullptr)
      : g_(g), text_(text), stops_(stops ? stops : g.wanted.data()),
        wants_(interest ? &interest->by_language[static_cast<std::size_t>(g.language)] : nullptr),
        deferred_(wants_ && found ? &found->deferred : nullptr) {
    if (wants_ && found && !wants_->query_roots.empty()) query_roots_ = &found->query_roots.emplace();
  }

  // What a bound or assigned value is: a function binds code, not data
  // (`const send = () => {...}`; the body's own statements are facts of their
  // own and would otherwise count twice).
  Expr value_expr(TSNode value) const { return g_.role(value) == Role::Function ? value_text(value) : expr(value); }

  FileFacts run(TSNode root) {
    root_ = root;
    // Files hold about one fact per 50 (dense app code) to 150 bytes
    // (libraries): growing from empty moved every fact up to eight times.
    // (Here, not in the constructor: summarising one value makes an
    // Extractor over the whole file's text too.)
    out_.facts.reserve(text_.size() / 128 + 8);
    // One walk over the whole tree: O(nodes), and no recursion, so deeply
    // nested input cannot overflow the C++ stack. (Indexing children with
    // ts_node_named_child is linear per call: quadratic on wide nodes.)
    // Only nodes with a role are visited; the rest (statements, operators,
    // argument lists: about half the named nodes) are passed through.
    ps_walk_named_wanted(root, stops_, [](void* self, TSNode n, uint32_t depth) { return static_cast<Extractor*>(self)->step(n, depth); }, this);
    if (deferred_)  // values summarised after all are no longer deferred
      deferred_->erase(std::remove_if(deferred_->begin(), deferred_->end(), [](const DeferredValue& d) { return ts_node_is_null(d.node); }),
                       deferred_->end());
    return std::move(out_);
  }

 private:
  PsWalkStep step(TSNode n, uint32_t depth) {
    TSSymbol sym = ts_node_symbol(n);
    if (query_roots_) note_query_root(n, sym);
    Role role = g_.role_of(sym);
    if (levels_.size() <= depth) levels_.resize(depth + 1);
    bool class_body = role == Role::ClassBody;
    // Only ancestors' ends are ever compared (the walk skips most nodes, so
    // the node last met at a depth may be no ancestor: it ended before).
    const auto& path = g_.class_attribute_path;
    bool may_contain = class_body || (path[0] != 0 && (sym == path[0] || sym == path[1] || sym == path[2]));
    levels_[depth] = Level{sym, class_body, may_contain ? ts_node_end_byte(n) : 0};
    bool in_class = depth > 0 && levels_[depth - 1].class_body && levels_[depth - 1].end > ts_node_start_byte(n);
    if (role == Role::Assign && !in_class) in_class = python_class_attribute(depth, ts_node_start_byte(n));
    return visit(n, role, in_class) ? PS_WALK_ENTER : PS_WALK_SKIP;
  }

  // A node a raw query may start at, unless it is inside the last one listed
  // (whose subtree the query searches anyway).
  void note_query_root(TSNode n, TSSymbol sym) {
    const auto& roots = wants_->query_roots;
    if (sym >= roots.size() || !roots[sym] || ts_node_start_byte(n) < query_roots_end_) return;
    query_roots_->push_back(n);
    query_roots_end_ = ts_node_end_byte(n);
  }

  const Grammar& g_;
  std::string_view text_;
  TSNode root_{};  // the file's
  std::vector<TSNode>* query_roots_ = nullptr;
  uint32_t query_roots_end_ = 0;
  FileFacts out_;
  const std::uint8_t* stops_;  // the nodes the walk calls step for
  // By depth: the node last visited at that depth, an ancestor of the node
  // being visited when its range holds that node's start; without asking
  // the tree for parents.
  struct Level {
    TSSymbol sym;
    bool class_body;
    uint32_t end;  // kept for class bodies and Python's class attribute path only
  };
  std::vector<Level> levels_;

  // ---- what to summarise (scanner/core/fact_interest.h) ----------------------
  // A Call, Return, Assign or Bind fact whose arguments are not summarised
  // yet, open while the walk is inside its node (which ends at byte `end`).
  struct Pending {
    std::uint32_t fact;
    std::uint32_t end;
    TSNode node;  // the call's arguments, or the returned, assigned or bound value
    std::uint32_t deferred = kNotDeferred;  // a Bind's entry in deferred_
  };
  static constexpr std::uint32_t kNotDeferred = ~0u;
  const FactInterest::ForLanguage* wants_;  // null: summarise every call at once
  std::vector<DeferredValue>* deferred_;  // null: summarise every bound value at once
  Aliases aliases_;  // the detect stage's aliases at this point of the file (same facts, same order)
  StringSet host_vars_;  // variables bound to a string with "//"
  std::vector<Pending> pending_;  // innermost last
  StringSet imported_;  // names the file's imports bind so far
  StringSet declared_;  // names declared with a type so far

  void emit(Fact&& f) {
    if (f.kind == FactKind::Import && !f.name.empty()) imported_.emplace(f.name);
    if (wants_) {
      if (f.kind == FactKind::Import) aliases_.import(f);
      if (f.kind == FactKind::Bind) {
        aliases_.bind(f);
        note_host_var(f);
      }
    }
    out_.facts.push_back(std::move(f));
  }

  // Whether a path as written or through the file's aliases may match a pattern.
  bool may_match(const PathIndex& patterns, std::string_view path) const {
    return !patterns.empty() && !path.empty() && aliases_.match(patterns, path);
  }

  // A name read inside open calls: when the detect stage may use it (a
  // reads rule, a variable holding a URL), their arguments are summarised.
  // (The aliases are those at the name, not at each call: a rebinding
  // between the two is the one way this can differ from an eager walk.)
  void note_name(std::string_view name) {
    if (pending_.empty() || name.empty()) return;
    if ((!host_vars_.empty() && host_vars_.count(name)) || may_match(wants_->reads, name)) summarise_pending();
  }

  // A member path's last segment is its text's last word, whatever aliases
  // do to its first: most members are ruled out without building the path.
  void note_member(TSNode n) {
    std::string_view t = text(n);
    std::size_t i = t.size();
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80; };
    while (i > 0 && word(t[i - 1])) --i;
    bool dotted = i > 0 && i < t.size() && (t[i - 1] == '.' || t[i - 1] == '>' || t[i - 1] == ':');
    if (dotted && !wants_->reads.may_end_with(t.substr(i))) return;
    note_name(path_of(n));
  }

  void summarise_pending() {
    for (const auto& p : pending_) {
      Fact& f = out_.facts[p.fact];
      switch (f.kind) {
        case FactKind::Call: add_args(p.node, f); break;
        case FactKind::Return: f.args.push_back(expr(p.node)); break;  // as on_return summarises eagerly
        case FactKind::Bind:
          f.args[0] = value_expr(p.node);
          (*deferred_)[p.deferred].node = TSNode{};
          note_host_var(f);
          break;
        default: f.args.push_back(value_expr(p.node)); break;  // Assign
      }
    }
    pending_.clear();
  }

  void note_host_var(const Fact& bind) {
    if (bind.args.empty()) return;
    for (const auto& s : bind.args[0].strings)
      if (s.find("//") != std::string::npos) {
        host_vars_.emplace(bind.name);
        return;
      }
  }

  void leave_pending(TSNode n) {
    uint32_t start = ts_node_start_byte(n);
    while (!pending_.empty() && start >= pending_.back().end) pending_.pop_back();
  }

  // ---- small accessors ------------------------------------------------------
  std::string_view text(TSNode n) const {
    if (ts_node_is_null(n)) return {};
    uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (b > text_.size() || e > text_.size() || e < b) return {};
    return text_.substr(b, e - b);
  }
  static bool is(TSNode n, const char* t) { return !ts_node_is_null(n) && std::strcmp(ts_node_type(n), t) == 0; }
  using F = FieldName;
  TSNode field(TSNode n, F f) const {
    TSFieldId id = g_.field_ids[static_cast<std::size_t>(f)];
    return id == 0 || ts_node_is_null(n) ? TSNode{} : ps_child_by_field_id(n, id);
  }
  static Loc loc(TSNode n) {
    TSPoint p = ts_node_start_point(n);
    return Loc{p.row + 1, p.column + 1};
  }
  // Calls visit(child) for each named child in order until it returns false
  // (one pass: ts_node_named_child(n, i) starts over for every i).
  template <class Visit>
  static void each_named_child(TSNode n, Visit&& visit) {
    using V = std::remove_reference_t<Visit>;
    ps_each_named_child(n, [](void* p, TSNode c) { return static_cast<bool>((*static_cast<V*>(p))(c)); }, &visit);
  }
  static TSNode first_named_child(TSNode n) {
    TSNode first{};
    each_named_child(n, [&](TSNode k) {
      first = k;
      return false;
    });
    return first;
  }
  TSNode first_named(TSNode n, const char* t) const {
    TSNode found{};
    each_named_child(n, [&](TSNode k) {
      if (!is(k, t)) return true;
      found = k;
      return false;
    });
    return found;
  }
  std::string path_of(TSNode n) const {
    auto t = text(n);
    if (t.size() > kMaxPathText) return {};
    // `new OpenAI().chat.completions.create`: the object made, then its members.
    if (starts_with(t, "new ")) t.remove_prefix(4);
    return normalize_path(t);
  }
  // A string literal's content without quotes, prefixes or sigils.
  std::string string_content(TSNode n) const {
    std::string_view t = text(n);
    std::size_t i = 0;
    while (i < t.size() && i < 3 && std::strchr("rRbBuUfF@$", t[i])) ++i;
    t.remove_prefix(i);
    auto strip = [&](std::string_view q) {
      if (t.size() >= 2 * q.size() && starts_with(t, q) && ends_with(t, q)) {
        t = t.substr(q.size(), t.size() - 2 * q.size());
        return true;
      }
      return false;
    };
    strip("\"\"\"") || strip("'''") || strip("\"") || strip("'") || strip("`");
    return std::string(t.substr(0, 8192));
  }

  // ---- expressions ---------------------------------------------------------
  std::string key_text(TSNode k) const {
    if (g_.role(k) == Role::String) return string_content(k);
    std::string s(trim(text(k)));
    while (!s.empty() && (s[0] == ':' || s[0] == '.' || s[0] == '$')) s.erase(0, 1);  // :sym, .name, $var
    while (!s.empty() && (s.back() == ':' || s.back() == '=')) s.pop_back();           // `name:` labels
    if (!s.empty() && (s.front() == '"' || s.front() == '\'')) s = s.substr(1, s.size() > 2 ? s.size() - 2 : 0);
    return s.size() > 120 ? std::string() : s;
  }

  // Key and value nodes of a Pair-role node, per grammar.
  bool pair_parts(TSNode n, TSNode& key, TSNode& value) const {
    key = field(n, F::key);
    value = field(n, F::value);
    if (ts_node_is_null(key)) key = field(n, F::name);  // python keyword_argument, swift value_argument, c# argument
    if (!ts_node_is_null(key) && !ts_node_is_null(value)) return true;
    uint32_t c = ts_node_named_child_count(n);
    if (c == 2) {  // kotlin value_argument (name = value), php 'k' => v, jsx attribute
      key = ts_node_named_child(n, 0);
      value = ts_node_named_child(n, 1);
      if (is(key, "value_argument_label")) return true;
      // A single positional argument has one child; two children mean a named one.
      if (g_.language == Language::Kotlin && !(is(key, "simple_identifier") || is(key, "identifier"))) return false;
      return true;
    }
    return false;
  }

  // Names, member paths and call paths read in a subtree (a field's value),
  // bounded; a call contributes its path and its arguments.
  void value_names(TSNode root, std::vector<std::string>& out, std::size_t budget) const {
    walk(root, budget, [&](TSNode x, bool&) {
      switch (g_.role(x)) {
        case Role::Member:
        case Role::Call: {
          auto p = g_.role(x) == Role::Call ? call_path(x) : path_of(x);
          if (!p.empty() && p.size() < 200) out.push_back(std::move(p));
          return g_.role(x) == Role::Call;  // look inside calls for arguments
        }
        case Role::Ident:
        case Role::Shorthand: out.emplace_back(text(x)); return false;
        case Role::Comment: return false;
        case Role::Function: return small_function(x);
        default: return true;
      }
    });
  }

  static bool small_function(TSNode f) { return ts_node_end_byte(f) - ts_node_start_byte(f) <= kInlineFunctionBytes; }

  // Pre-order walk of a subtree with one cursor; visit(node, names) returns
  // whether to descend and may clear `names` for the children. Stops when
  // the budget of nodes is spent.
  template <class Visit>
  void walk(TSNode root, std::size_t& budget, Visit visit) const {
    // By depth: what the node last entered there passed to its children.
    // Summaries are shallow; the vector serves deeper ones.
    struct State {
      Visit& visit;
      std::size_t& budget;
      char shallow[64];
      std::vector<char> deep;
      char& names(uint32_t depth) {
        if (depth < sizeof shallow) return shallow[depth];
        if (deep.size() <= depth - sizeof shallow) deep.resize(depth - sizeof shallow + 1);
        return deep[depth - sizeof shallow];
      }
    } state{visit, budget, {}, {}};
    ps_walk(root, [](void* p, TSNode x, uint32_t depth) {
      auto& s = *static_cast<State*>(p);
      if (s.budget == 0) return PS_WALK_STOP;
      --s.budget;
      bool names = depth == 0 || s.names(depth - 1) != 0;
      if (!ts_node_is_named(x) || !s.visit(x, names)) return PS_WALK_SKIP;
      s.names(depth) = names ? 1 : 0;
      return PS_WALK_ENTER;
    }, &state);
  }

  void summarise(TSNode n, Expr& e, std::size_t& budget, bool names_too) const {
    // A worklist of subtrees: a call inside an argument adds only its
    // arguments, so the callee's identifiers are not names of the data.
    std::vector<TSNode> work{n};
    bool first = true;
    while (!work.empty() && budget > 0) {
      TSNode root = work.back();
      work.pop_back();
      bool root_names = first ? names_too : true;
      first = false;
      walk(root, budget, [&](TSNode x, bool& names) {
        names = names && root_names;
        switch (g_.role(x)) {
          case Role::Comment: return false;
          case Role::Function: return small_function(x);
          case Role::String:
            if (e.strings.size() < 16) e.strings.push_back(string_content(x));
            if (names && g_.language == Language::Kotlin) kotlin_template_names(text(x), e);
            return true;  // interpolations hold names
          case Role::Member:
            if (names) {
              auto p = path_of(x);
              if (!p.empty() && p.size() < 200) e.names.push_back(p);
            }
            names = false;  // the parts of a.b.c are not names of their own; strings inside still count
            return true;
          case Role::Ident:
          case Role::Shorthand: {
            std::string s(text(x));
            if (names && !s.empty() && s.size() < 120) e.names.push_back(s);
            if (g_.role(x) == Role::Shorthand && e.fields.size() < 64) e.fields.push_back(Field{s, s, {s}});
            return false;
          }
          case Role::Call: {
            if (names) {
              auto p = call_path(x);
              if (!p.empty() && p.size() < 200) e.names.push_back(p);
            }
            TSNode args = args_of(x);
            if (!ts_node_is_null(args)) work.push_back(args);
            if (g_.language == Language::CSharp) {  // new CookieOptions { MaxAge = ... }
              TSNode init = field(x, F::initializer);
              if (!ts_node_is_null(init)) work.push_back(init);
            }
            return false;
          }
          case Role::Pair: {
            TSNode k{}, v{};
            if (pair_parts(x, k, v) && e.fields.size() < 64) {
              Field f;
              f.key = key_text(k);
              f.value = collapse_ws(text(v), 240);
              value_names(v, f.names, 64);
              if (!f.key.empty()) e.fields.push_back(std::move(f));
              work.push_back(v);  // the value's names, strings and nested pairs count for the whole expression; the key does not
              return false;
            }
            return true;
          }
          default:
            // C# object initializers: `MaxAge = TimeSpan.FromDays(7)` inside `{ ... }`
            if (g_.language == Language::CSharp && is(x, "initializer_expression")) {
              for (TSNode a = ts_node_named_child_count(x) ? ts_node_named_child(x, 0) : TSNode{}; !ts_node_is_null(a);
                   a = ts_node_next_named_sibling(a)) {
                if (e.fields.size() >= 64) break;
                if (!is(a, "assignment_expression")) continue;
                TSNode l = field(a, F::left), r = field(a, F::right);
                if (ts_node_is_null(l) || ts_node_is_null(r)) continue;
                Field f{std::string(text(l)), collapse_ws(text(r), 240), {}};
                value_names(r, f.names, 64);
                e.fields.push_back(std::move(f));
              }
            }
            return true;
        }
      });
    }
  }

  // Kotlin's "$name" templates are plain string content in this grammar.
  static void kotlin_template_names(std::string_view s, Expr& e) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
      if (s[i] != '$' || !(std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '_')) continue;
      std::size_t j = i + 1;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      e.names.emplace_back(s.substr(i + 1, j - i - 1));
      i = j - 1;
    }
  }

  // A value's text and place only: what a function value, or a bound value
  // left for data flow to summarise, carries.
  Expr value_text(TSNode n) const {
    Expr e;
    e.text = collapse_ws(text(n), 240);
    e.loc = loc(n);
    return e;
  }

  Expr expr(TSNode n) const {
    Expr e;
    e.text = collapse_ws(text(n), 240);
    e.loc = loc(n);
    std::size_t budget = kExprNodeBudget;
    summarise(n, e, budget, true);
    return e;
  }

  // ---- calls -----------------------------------------------------------------
  TSNode callee_of(TSNode call) const {
    switch (g_.language) {
      case Language::JavaScript:
      case Language::TypeScript:
      case Language::Tsx: {
        TSNode f = field(call, F::function);
        return ts_node_is_null(f) ? field(call, F::constructor) : f;
      }
      case Language::Python:
      case Language::Go:
      case Language::CSharp: {
        TSNode f = field(call, F::function);
        return ts_node_is_null(f) ? field(call, F::type) : f;
      }
      case Language::Php: {
        TSNode f = field(call, F::function);
        if (!ts_node_is_null(f)) return f;
        if (g_.constructs(call)) return first_named_child(call);
        return TSNode{};  // member/scoped calls: see call_path
      }
      case Language::Java:
        return g_.constructs(call) ? field(call, F::type) : field(call, F::name);
      case Language::Kotlin:
      case Language::Swift:
        return first_named_child(call);
      case Language::Ruby: return field(call, F::method);
      case Language::C:
      case Language::Cpp: break;
    }
    return TSNode{};
  }

  std::string call_path(TSNode call) const {
    auto join = [&](TSNode recv, TSNode name) {
      std::string r = ts_node_is_null(recv) ? std::string() : path_of(recv);
      std::string m(text(name));
      if (ts_node_is_null(recv)) return normalize_path(m);
      if (r.empty()) return std::string();
      return r + "." + m;
    };
    switch (g_.language) {
      case Language::Java:
        if (!g_.constructs(call)) return join(field(call, F::object), field(call, F::name));
        break;
      case Language::Ruby:
        return join(field(call, F::receiver), field(call, F::method));
      case Language::Php:
        if (TSNode obj = field(call, F::object); !ts_node_is_null(obj)) return join(obj, field(call, F::name));
        if (TSNode scope = field(call, F::scope); !ts_node_is_null(scope)) return join(scope, field(call, F::name));
        break;
      case Language::Kotlin:
      case Language::Swift: {
        TSNode callee = callee_of(call);
        // Kotlin trailing lambdas nest: (call_expression (call_expression f args) lambda).
        if (!ts_node_is_null(callee) && g_.role(callee) == Role::Call) return call_path(callee);
        break;
      }
      default: break;
    }
    TSNode callee = callee_of(call);
    return ts_node_is_null(callee) ? std::string() : path_of(callee);
  }

  TSNode args_of(TSNode call) const {
    switch (g_.language) {
      case Language::Kotlin: {
        TSNode a = first_named(call, "value_arguments");
        if (ts_node_is_null(a)) {
          TSNode inner = first_named_child(call);
          if (g_.role(inner) == Role::Call) return args_of(inner);
        }
        return a;
      }
      case Language::Swift: {
        TSNode suffix = first_named(call, "call_suffix");
        return ts_node_is_null(suffix) ? suffix : first_named(suffix, "value_arguments");
      }
      case Language::Php: {
        TSNode a = field(call, F::arguments);
        return ts_node_is_null(a) ? first_named(call, "arguments") : a;
      }
      default: return field(call, F::arguments);
    }
  }

  void on_call(TSNode call) {
    Fact f;
    f.kind = FactKind::Call;
    f.loc = loc(call);
    f.path = call_path(call);
    f.is_new = g_.constructs(call);
    if (f.path.empty())
      if (const std::string* type = target_type(call)) f.path = *type;
    if (f.path.empty()) return;
    note_name(f.path);  // `log(os.hostname())`: a call's path is a name read in the calls around it
    TSNode args = args_of(call);
    if (g_.language == Language::Ruby && ts_node_is_null(args) && !ts_node_is_null(field(call, F::receiver)) &&
        ts_node_is_null(field(call, F::block)) && text(field(call, F::method)) != "new")
      return;  // `user.email`: an attribute read, not a call worth a fact (`Aws::S3::Client.new` is one)
    // Ruby's `require 'x'` and JS's dynamic import('x') are imports; Ruby's
    // `attr_accessor :email` declares fields: both read their arguments here.
    bool imports = f.path == "require" || f.path == "require_relative" || f.path == "import";
    bool declares = g_.language == Language::Ruby && (f.path == "attr_accessor" || f.path == "attr_reader" || f.path == "attr_writer");
    f.no_call_rule = wants_ && !may_match(wants_->calls, f.path);
    bool later = f.no_call_rule && !imports && !declares;
    if (!later) add_args(args, f);
    if (imports && f.args.size() == 1 && f.args[0].strings.size() == 1) {
      Fact imp;
      imp.kind = FactKind::Import;
      imp.loc = f.loc;
      imp.path = f.args[0].strings[0];
      emit(std::move(imp));
    }
    if (declares) {
      for (const auto& a : f.args) {
        Fact fd;
        fd.kind = FactKind::Field;
        fd.loc = a.loc;
        fd.name = a.text.size() > 1 && a.text[0] == ':' ? a.text.substr(1) : a.text;
        fd.path = f.path;
        emit(std::move(fd));
      }
    }
    auto index = static_cast<std::uint32_t>(out_.facts.size());
    emit(std::move(f));
    if (later && !ts_node_is_null(args) && ts_node_named_child_count(args) > 0)
      pending_.push_back(Pending{index, ts_node_end_byte(call), args});
  }

  void add_args(TSNode args, Fact& f) const {
    if (ts_node_is_null(args)) return;
    if (g_.role(args) == Role::String) {
      f.args.push_back(expr(args));  // tagged template: sql`...`
      return;
    }
    each_named_child(args, [&](TSNode a) {
      if (g_.role(a) != Role::Comment) f.args.push_back(expr(a));
      return f.args.size() < 32;
    });
  }

  // ---- imports ---------------------------------------------------------------
  void import(TSNode at, std::string path, std::string name, std::string imported = {}) {
    if (path.empty()) return;
    Fact f;
    f.kind = FactKind::Import;
    f.loc = loc(at);
    f.path = std::move(path);
    f.name = std::move(name);
    f.imported = std::move(imported);
    emit(std::move(f));
  }

  // The name an unaliased Go import binds, as Go's own tools assume it
  // (golang.org/x/tools ImportPathToAssumedName): the last element, or the
  // one before a /vN suffix, without a "go-" prefix, cut at the first
  // character that cannot be in an identifier. "github.com/posthog/posthog-go"
  // -> posthog, "github.com/stripe/stripe-go/v82" -> stripe,
  // "github.com/sashabaranov/go-openai" -> openai, "gopkg.in/yaml.v3" -> yaml.
  static std::string go_assumed_name(std::string_view path) {
    std::string unversioned = strip_go_version(std::string(path));
    std::string_view base = unversioned;
    if (auto slash = base.rfind('/'); slash != std::string_view::npos) base.remove_prefix(slash + 1);
    if (starts_with(base, "go-")) base.remove_prefix(3);
    std::size_t n = 0;
    while (n < base.size() && (std::isalnum(static_cast<unsigned char>(base[n])) || base[n] == '_' ||
                               static_cast<unsigned char>(base[n]) >= 0x80))
      ++n;
    return std::string(base.substr(0, n));
  }

  static std::string last_name(std::string_view p) {  // after the last ".", "/" or "\\"
    auto i = p.find_last_of("./\\");
    return std::string(i == std::string_view::npos ? p : p.substr(i + 1));
  }

  void on_import(TSNode n) {
    switch (g_.language) {
      case Language::JavaScript:
      case Language::TypeScript:
      case Language::Tsx: {
        TSNode src = field(n, F::source);
        if (ts_node_is_null(src)) return;
        std::string module = string_content(src);
        TSNode clause = first_named(n, "import_clause");
        if (ts_node_is_null(clause)) { import(n, module, ""); return; }
        uint32_t c = ts_node_named_child_count(clause);
        for (uint32_t i = 0; i < c; ++i) {
          TSNode k = ts_node_named_child(clause, i);
          if (is(k, "identifier")) import(k, module, std::string(text(k)));
          else if (is(k, "namespace_import")) {
            TSNode id = first_named(k, "identifier");
            if (!ts_node_is_null(id)) import(k, module, std::string(text(id)));
          } else if (is(k, "named_imports")) {
            uint32_t m = ts_node_named_child_count(k);
            for (uint32_t j = 0; j < m; ++j) {
              TSNode spec = ts_node_named_child(k, j);
              if (!is(spec, "import_specifier")) continue;
              TSNode name = field(spec, F::name), alias = field(spec, F::alias);
              std::string imported(text(name));
              import(spec, module, ts_node_is_null(alias) ? imported : std::string(text(alias)), imported);
            }
          }
        }
        return;
      }
      case Language::Python: {
        TSNode module = field(n, F::module_name);
        std::string mod = ts_node_is_null(module) ? std::string() : std::string(text(module));
        uint32_t c = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < c; ++i) {
          TSNode k = ts_node_named_child(n, i);
          if (!ts_node_is_null(module) && ts_node_eq(k, module)) continue;
          std::string name, alias;
          if (is(k, "aliased_import")) {
            name = std::string(text(field(k, F::name)));
            alias = std::string(text(field(k, F::alias)));
          } else if (is(k, "dotted_name")) {
            name = std::string(text(k));
          } else if (is(k, "wildcard_import")) {
            import(k, mod, "");
            continue;
          } else continue;
          if (mod.empty()) {
            // `import a.b` binds `a`, whose paths are already written in full; only a single name or an alias binds.
            std::string bind = !alias.empty() ? alias : (name.find('.') == std::string::npos ? name : std::string());
            import(k, name, bind);
          } else {
            import(k, mod, alias.empty() ? name : alias, name);
          }
        }
        return;
      }
      case Language::Go: {
        TSNode p = field(n, F::path);
        if (ts_node_is_null(p)) return;
        std::string path = string_content(p);
        TSNode name = field(n, F::name);
        std::string bind;
        if (!ts_node_is_null(name)) bind = std::string(text(name));
        else bind = go_assumed_name(path);
        if (bind == "_" || bind == ".") bind.clear();
        import(n, path, bind);
        return;
      }
      case Language::Java:
      case Language::Kotlin: {
        uint32_t c = ts_node_named_child_count(n);
        std::string path, alias;
        bool wildcard = text(n).find('*') != std::string_view::npos;
        for (uint32_t i = 0; i < c; ++i) {
          TSNode k = ts_node_named_child(n, i);
          if (g_.role(k) == Role::Comment) continue;
          if (path.empty()) path = std::string(text(k));
          else if (is(k, "identifier") || is(k, "simple_identifier")) alias = std::string(text(k));
        }
        path = normalize_path(path);
        if (starts_with(path, "static")) path = path.substr(6);
        import(n, path, wildcard ? "" : (alias.empty() ? last_name(path) : alias));
        return;
      }
      case Language::Swift: {
        TSNode id = first_named(n, "identifier");
        if (!ts_node_is_null(id)) import(n, normalize_path(text(id)), "");
        return;
      }
      case Language::Php: {
        TSNode alias = field(n, F::alias);
        uint32_t c = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < c; ++i) {
          TSNode k = ts_node_named_child(n, i);
          if (!ts_node_is_null(alias) && ts_node_eq(k, alias)) continue;
          std::string path = normalize_path(text(k));
          if (path.empty()) continue;
          import(n, path, ts_node_is_null(alias) ? last_name(path) : std::string(text(alias)));
          return;
        }
        return;
      }
      case Language::CSharp: {
        TSNode alias = field(n, F::name);
        uint32_t c = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < c; ++i) {
          TSNode k = ts_node_named_child(n, i);
          if (!ts_node_is_null(alias) && ts_node_eq(k, alias)) continue;
          if (is(k, "identifier") || is(k, "qualified_name")) {
            import(n, normalize_path(text(k)), ts_node_is_null(alias) ? "" : std::string(text(alias)));
            return;
          }
        }
        return;
      }
      case Language::Ruby:
      case Language::C:
      case Language::Cpp: return;
    }
  }

  // ---- assignments, declarations, fields -----------------------------------
  bool is_plain_name(TSNode n) const {
    Role r = g_.role(n);
    return r == Role::Ident || is(n, "pattern") || is(n, "shorthand_property_identifier_pattern");
  }

  void bind(TSNode at, std::string name, TSNode value) {
    if (name.empty()) return;
    // const x = require('m') / const {a} = require('m') are imports.
    if (g_.role(value) == Role::Call && (g_.language == Language::JavaScript || g_.language == Language::TypeScript ||
                                         g_.language == Language::Tsx)) {
      std::string callee = call_path(value);
      if (callee == "require") {
        Expr e = expr(value);
        if (!e.strings.empty()) { import(at, e.strings[0], name); return; }
      }
    }
    // Data flow asks for the few values that can reach a point; the text is
    // what the aliases read (`const mp = new Mixpanel()`).
    bool later = deferred_ && !ts_node_is_null(value) && g_.role(value) != Role::Function && !wants_->binds.count(name);
    Fact f;
    f.kind = FactKind::Bind;
    f.loc = loc(at);
    f.name = std::move(name);
    if (later) {
      f.args.push_back(value_text(value));
    } else if (!ts_node_is_null(value)) {
      f.args.push_back(value_expr(value));
    }
    if (g_.language == Language::Ruby && g_.role(value) == Role::Call) ruby_call_text(value, f.args[0]);
    // What the aliases read: `new(model: m)` made as a ChatClient reads as `new ChatClient(model: m)`.
    if (const std::string* type = target_type(value); type && starts_with(f.args[0].text, "new"))
      f.args[0].text = "new " + *type + f.args[0].text.substr(3);
    auto index = static_cast<std::uint32_t>(out_.facts.size());
    std::string name_copy = g_.role(value) == Role::Call && is_lookup(value) ? f.name : std::string();
    emit(std::move(f));
    if (later) {
      pending_.push_back(Pending{index, ts_node_end_byte(value), value, static_cast<std::uint32_t>(deferred_->size())});
      deferred_->push_back(DeferredValue{index, value});
    }
    if (!name_copy.empty()) declare(at, std::move(name_copy), lookup_type(value));  // `var c = ctx.getBean(OpenAIClient.class)`
  }

  // Ruby leaves out parentheses (`Aws::S3::Client.new`, `OpenAI::Client.new
  // access_token: k`): the value reads as `callee(args)` for the aliases, as
  // a call written with them does. Without arguments only `new` counts:
  // `email = user.email` reads an attribute.
  void ruby_call_text(TSNode value, Expr& e) const {
    TSNode args = args_of(value);
    std::string_view written = text(args);
    if (!written.empty() && written[0] == '(') return;
    if (ts_node_is_null(args) && text(field(value, F::method)) != "new") return;
    std::string path = call_path(value);
    if (!path.empty()) e.text = path + "(" + collapse_ws(written, 200) + ")";
  }

  // Destructuring: `const {email, phone: p} = user` binds email <- user.email, p <- user.phone.
  void bind_pattern(TSNode pattern, TSNode value) {
    std::string base = ts_node_is_null(value) ? std::string() : path_of(value);
    bool from_require = false;
    std::string module;
    if (!ts_node_is_null(value) && g_.role(value) == Role::Call && call_path(value) == "require") {
      Expr e = expr(value);
      if (!e.strings.empty()) { from_require = true; module = e.strings[0]; }
    }
    uint32_t c = ts_node_named_child_count(pattern);
    for (uint32_t i = 0; i < c; ++i) {
      TSNode k = ts_node_named_child(pattern, i);
      std::string key, local;
      if (is(k, "shorthand_property_identifier_pattern") || g_.role(k) == Role::Ident) key = local = std::string(text(k));
      else if (is(k, "pair_pattern")) {
        key = key_text(field(k, F::key));
        TSNode v = field(k, F::value);
        if (g_.role(v) == Role::Ident) local = std::string(text(v));
      }
      if (local.empty()) continue;
      if (from_require) { import(k, module, local, key); continue; }
      Fact f;
      f.kind = FactKind::Bind;
      f.loc = loc(k);
      f.name = local;
      Expr e;
      e.text = local;
      e.loc = loc(k);
      e.names.push_back(base.empty() ? key : base + "." + key);
      f.args.push_back(std::move(e));
      emit(std::move(f));
    }
  }

  void field_fact(TSNode at, std::string name, std::string path) {
    if (name.empty()) return;
    Fact f;
    f.kind = FactKind::Field;
    f.loc = loc(at);
    f.name = std::move(name);
    f.path = std::move(path);
    emit(std::move(f));
  }

  // A call with a callee, which may say what it makes. (C#'s target-typed
  // `new()` has none: its type is the declared one.)
  bool has_callee(TSNode value) const {
    return !ts_node_is_null(value) && g_.role(value) == Role::Call && !is(value, "implicit_object_creation_expression");
  }

  // The declared type, or the callee of the initializer: what says what the field is.
  std::string field_kind(TSNode type, TSNode value) const {
    if (has_callee(value)) return call_path(value);
    if (!ts_node_is_null(type)) {
      std::string t(trim(text(type)));
      while (!t.empty() && (t[0] == ':' || t[0] == ' ')) t.erase(0, 1);
      return normalize_path(t).empty() ? t : normalize_path(t);
    }
    return {};
  }

  // ---- declared types (Bind facts with `type`, read by the aliases) -----------
  // An injected client is used through a parameter or field whose type says
  // what it is (`constructor(private openai: OpenAI)`, `private final
  // OpenAIClient client;`) or through a field a constructor assigned
  // (`self.client = OpenAI()`).

  // A declared type as a path, when it may name an SDK's type: one the file
  // imports, or in C# and Swift (whose imports name namespaces) any
  // capitalised one. "" for primitives, unions, arrays and the file's own types.
  std::string declared_type(TSNode type) const { return ts_node_is_null(type) ? std::string() : type_path(text(type)); }

  std::string type_path(std::string_view t) const {
    t = trim(t);
    while (!t.empty() && (t[0] == ':' || t[0] == '*' || t[0] == '&' || t[0] == ' ' || t[0] == '?')) t.remove_prefix(1);  // TS ": T", Go "*T", PHP "?T"
    while (!t.empty() && (t.back() == '?' || t.back() == '!')) t.remove_suffix(1);                       // nullable
    if (t.empty() || t.size() > 200) return {};
    // PHP's `\Stripe\StripeClient` is fully qualified: a namespace, no import needed.
    bool qualified = g_.language == Language::Php && t[0] == '\\';
    if (qualified) t.remove_prefix(1);
    // Most types are ruled out by their first word, before building a path.
    std::size_t w = 0;
    while (w < t.size() && (std::isalnum(static_cast<unsigned char>(t[w])) || t[w] == '_' || t[w] == '$')) ++w;
    std::string_view first = t.substr(0, w);
    bool namespaces = g_.language == Language::CSharp || g_.language == Language::Swift;
    if (first.empty() || first == "this" || first == "self" ||
        (!qualified && (namespaces ? !std::isupper(static_cast<unsigned char>(first[0])) : !imported_.count(first))))
      return {};
    if (t.find_first_of("|[]{}") != std::string_view::npos) return {};
    return normalize_path(t);  // generic arguments dropped: Foo<Bar> -> Foo
  }

  // A field fact, and what the field holds for the aliases: the callee of
  // its initializer (field_kind's), else its declared type.
  void field_and_type(TSNode at, std::string_view name, TSNode type, TSNode value) {
    std::string kind = field_kind(type, value);
    bool made = has_callee(value), lookup = made && is_lookup(value);
    std::string holds = made && !lookup ? kind : declared_type(type);
    if (holds.empty() && lookup) holds = lookup_type(value);  // `openai = inject(OpenAI)`
    field_fact(at, std::string(name), std::move(kind));
    declare_field(at, name, holds);
  }

  void declare(TSNode at, std::string name, const std::string& type) {
    if (name.empty() || type.empty()) return;
    declared_.emplace(name);
    Fact f;
    f.kind = FactKind::Bind;
    f.loc = loc(at);
    f.name = std::move(name);
    f.type = type;
    emit(std::move(f));
  }

  // A field is read through its object (member_key), and in Java, C#, Kotlin and Swift also as `name`.
  void declare_field(TSNode at, std::string_view name, const std::string& type) {
    if (name.empty() || type.empty() || g_.language == Language::Go) return;  // Go: see on_method
    declare(at, member_key(name), type);
    switch (g_.language) {
      case Language::Java:
      case Language::Kotlin:
      case Language::CSharp:
      case Language::Swift: declare(at, std::string(name), type); return;
      default: return;
    }
  }

  // How a method reads its object's member `name`.
  std::string member_key(std::string_view name) const {
    switch (g_.language) {
      case Language::Python:
      case Language::Swift: return "self." + std::string(name);
      case Language::Php: return "$this." + std::string(name.substr(!name.empty() && name[0] == '$' ? 1 : 0));
      default: return "this." + std::string(name);
    }
  }

  // Go: `type Server struct { ai *openai.Client }` and `func (s *Server) F()
  // { s.ai.Chat... }`: the struct's typed fields, declared in the method as
  // `s.ai` (the aliases look a receiver's members up two segments at a time).
  StringMap<std::vector<std::pair<std::string, std::string>>> struct_fields_;  // by type name: field, type
  bool top_level_types_read_ = false;

  void on_type_decl(TSNode n) {
    TSNode type = field(n, F::type);
    if (!is(type, "struct_type")) return;
    std::vector<std::pair<std::string, std::string>> fields;
    TSNode list = first_named(type, "field_declaration_list");
    uint32_t c = ts_node_is_null(list) ? 0 : ts_node_named_child_count(list);
    for (uint32_t i = 0; i < c; ++i) {
      TSNode d = ts_node_named_child(list, i);
      if (!is(d, "field_declaration")) continue;
      std::string t = declared_type(field(d, F::type));
      if (t.empty()) continue;
      uint32_t dc = ts_node_named_child_count(d);
      for (uint32_t k = 0; k < dc; ++k)
        if (TSNode name = ts_node_named_child(d, k); is(name, "field_identifier")) fields.emplace_back(std::string(text(name)), t);
    }
    if (!fields.empty()) struct_fields_[std::string(text(field(n, F::name)))] = std::move(fields);
  }

  void on_method(TSNode n) {
    // Go declares methods on package-level types only, and a method may come
    // before its struct: at the first method (after every import, as Go
    // requires), the file's top-level structs are read.
    if (!top_level_types_read_) {
      top_level_types_read_ = true;
      each_named_child(root_, [&](TSNode decl) {
        if (is(decl, "type_declaration"))
          each_named_child(decl, [&](TSNode spec) {
            if (g_.role(spec) == Role::TypeDecl) on_type_decl(spec);
            return true;
          });
        return true;
      });
    }
    if (struct_fields_.empty()) return;
    TSNode receiver = field(n, F::receiver);
    TSNode param = ts_node_is_null(receiver) ? TSNode{} : first_named(receiver, "parameter_declaration");
    TSNode name = field(param, F::name);
    if (ts_node_is_null(name)) return;
    std::string_view type = trim(text(field(param, F::type)));
    while (!type.empty() && type[0] == '*') type.remove_prefix(1);
    auto it = struct_fields_.find(type);
    if (it == struct_fields_.end()) return;
    for (const auto& [member, member_type] : it->second) declare(param, std::string(text(name)) + "." + member, member_type);
  }

  // `OpenAIClient c = context.getBean(...)`, `const c: OpenAI = await make()`:
  // a typed local whose value is a container lookup (on an object, not on
  // an imported or capitalised name: `StorageOptions.getDefaultService().getService()`
  // is Google's), or no call at all (a cast, an await), is what its type
  // says. Other calls keep their callee as the alias: rules name factory
  // chains (`OpenAIOkHttpClient.fromEnv`, `*.edit.putLong` of
  // `prefs.edit()`), and a name's alias is copied.
  // Whether a local with this value is what its type says, if it has one
  // (asked first: a field lookup per declaration is not free).
  bool local_takes_type(TSNode value) const {
    Role r = g_.role(value);
    return r != Role::Ident && r != Role::String && r != Role::Function && (r != Role::Call || is_lookup(value));
  }
  void declare_local(TSNode at, TSNode name, TSNode type) {
    if (ts_node_is_null(type) || ts_node_is_null(name) || g_.role(name) != Role::Ident) return;
    declare(at, std::string(text(name)), declared_type(type));
  }

  // What a lookup asks for, as a declared type: `getBean(OpenAIClient.class)`,
  // `inject(OpenAI)`, `getBean(OpenAIClient::class.java)` ("" if nothing).
  std::string lookup_type(TSNode call) const {
    TSNode args = args_of(call);
    if (ts_node_is_null(args) || ts_node_named_child_count(args) == 0) return {};
    std::string_view t = trim(text(ts_node_named_child(args, 0)));
    for (std::string_view suffix : {"::class.java", "::class", ".class"})
      if (ends_with(t, suffix)) {
        t.remove_suffix(suffix.size());
        break;
      }
    return type_path(t);
  }

  // A dependency-injection lookup: `context.getBean(T.class)`, `moduleRef.get(T)`,
  // `inject(T)`, `provider.GetRequiredService<T>()`.
  // (Asked of every bound call: the method's name, read off the text,
  // rules most out before the path is built.)
  bool is_lookup(TSNode call) const {
    static constexpr std::string_view kLookups[] = {"getBean", "get", "resolve", "getService", "getRequiredService", "GetService",
                                                    "GetRequiredService", "inject", "lookup"};
    std::string_view written = text(call);
    written = written.substr(0, written.find('('));
    written = written.substr(0, written.find('<'));  // `GetRequiredService<T>()`
    while (!written.empty() && std::isspace(static_cast<unsigned char>(written.back()))) written.remove_suffix(1);
    std::size_t i = written.find_last_of(".:>");
    std::string_view method = i == std::string_view::npos ? written : written.substr(i + 1);
    if (std::find(std::begin(kLookups), std::end(kLookups), method) == std::end(kLookups) || g_.constructs(call)) return false;
    std::string callee = call_path(call);
    std::string_view first = first_segment(callee);
    return !first.empty() && (first == callee || (!imported_.count(first) && !std::isupper(static_cast<unsigned char>(first[0]))));
  }

  void on_param(TSNode n) {
    TSNode name{}, type = field(n, F::type);
    bool property = false;  // also a field: TS `private x: T`, Kotlin `val x: T` in a constructor
    switch (g_.language) {
      case Language::TypeScript:
      case Language::Tsx:
        if (declared_type(type).empty()) return;  // most parameters: before looking for the name
        name = field(n, F::name);
        if (ts_node_is_null(name)) name = field(n, F::pattern);
        property = !ts_node_is_null(first_named(n, "accessibility_modifier")) || starts_with(text(n), "readonly");
        break;
      case Language::Python:
        name = field(n, F::name);
        if (ts_node_is_null(name)) name = first_named(n, "identifier");
        break;
      case Language::Go: {  // `a, b *openai.Client`: every name
        std::string t = declared_type(type);
        uint32_t c = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < c && !t.empty(); ++i)
          if (TSNode k = ts_node_named_child(n, i); is(k, "identifier")) declare(k, std::string(text(k)), t);
        return;
      }
      case Language::Kotlin: {
        uint32_t c = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < c; ++i) {
          TSNode k = ts_node_named_child(n, i);
          if (ts_node_is_null(name) && (is(k, "simple_identifier") || is(k, "identifier"))) name = k;
          else if (ts_node_is_null(type) && (is(k, "user_type") || is(k, "type") || is(k, "nullable_type"))) type = k;
        }
        property = is(n, "class_parameter");
        break;
      }
      case Language::Php:  // `__construct(private Client $client)` promotes a parameter to a property
        name = field(n, F::name);
        property = is(n, "property_promotion_parameter");
        break;
      default: name = field(n, F::name); break;  // Java, C#
    }
    if (ts_node_is_null(name) || g_.role(name) != Role::Ident || ts_node_is_null(type)) return;
    std::string t = declared_type(type);
    if (t.empty()) return;
    declare(n, std::string(text(name)), t);
    if (property) declare(n, member_key(text(name)), t);
  }

  void on_target(TSNode at, TSNode target, TSNode value, bool declaration, bool in_class) {
    if (ts_node_is_null(target)) return;
    // Lists: Go `a, b := x, y`, Python `a, b = ...`
    if (is(target, "expression_list") || is(target, "pattern_list") || is(target, "tuple_pattern")) {
      uint32_t c = ts_node_named_child_count(target);
      uint32_t vc = ts_node_is_null(value) ? 0 : ts_node_named_child_count(value);
      bool pairwise = !ts_node_is_null(value) && (is(value, "expression_list") || is(value, "tuple")) && vc == c;
      for (uint32_t i = 0; i < c; ++i)
        on_target(at, ts_node_named_child(target, i), pairwise ? ts_node_named_child(value, i) : value, declaration, in_class);
      return;
    }
    if (is(target, "object_pattern") || is(target, "array_pattern")) { bind_pattern(target, value); return; }
    if (is(target, "directly_assignable_expression") && ts_node_named_child_count(target) == 1) target = first_named_child(target);
    if (in_class && (g_.language == Language::Python)) {
      if (is_plain_name(target)) field_and_type(at, text(target), field(at, F::type), value);
      else field_fact(at, std::string(text(target)), field_kind(field(at, F::type), value));
      return;
    }
    if (is(target, "pattern")) {  // swift `let x = ...`
      TSNode id = first_named(target, "simple_identifier");
      if (!ts_node_is_null(id)) target = id;
    }
    if (is_plain_name(target)) {
      bind(at, std::string(text(target)), value);
      return;
    }
    if (declaration) return;
    std::string path = path_of(target);
    if (path.empty()) return;
    // `this.client = new OpenAI()`: the field holds what the call makes.
    // `this.client = client`, of a typed parameter: the field is what the parameter is.
    if (alias_head(path).size() == path.size() && path.size() != first_segment(path).size()) {
      if (has_callee(value)) {
        declare(at, path, is_lookup(value) ? lookup_type(value) : call_path(value));
      } else if (g_.role(value) == Role::Ident) {
        std::string_view v = text(value);
        if (declared_.count(v) || imported_.count(v)) declare(at, path, std::string(v));
      }
    }
    Fact f;
    f.kind = FactKind::Assign;
    f.loc = loc(at);
    bool later = wants_ && !ts_node_is_null(value) && !may_match(wants_->assigns, path);
    if (!later && !ts_node_is_null(value)) f.args.push_back(value_expr(value));
    f.path = std::move(path);
    auto index = static_cast<std::uint32_t>(out_.facts.size());
    emit(std::move(f));
    if (later) pending_.push_back(Pending{index, ts_node_end_byte(value), value});
  }

  void on_assign(TSNode n, bool in_class) {
    TSNode l = field(n, F::left), r = field(n, F::right);
    if (ts_node_is_null(l)) { l = field(n, F::target); r = field(n, F::result); }  // swift
    if (ts_node_is_null(l) && ts_node_named_child_count(n) >= 2) {  // kotlin without fields
      l = ts_node_named_child(n, 0);
      r = ts_node_named_child(n, ts_node_named_child_count(n) - 1);
    }
    on_target(n, l, r, false, in_class);
  }

  // C#'s target-typed `ChatClient chat = new(...)`: the constructor is the
  // declared type (variable_declaration > variable_declarator > new(...)).
  // The parent is asked for only here: ts_node_parent searches from the
  // root, and such declarations are few.
  struct TargetType {
    TSNode made;  // the implicit_object_creation_expression
    std::string type;
  };
  std::optional<TargetType> target_type_;

  void note_target_type(TSNode declarator, TSNode made) {
    TSNode declaration = ts_node_parent(declarator);
    std::string type = normalize_path(text(field(declaration, F::type)));
    if (type.empty() || type == "var") return;
    target_type_ = TargetType{made, std::move(type)};
  }
  // The declared type a target-typed `new(...)` makes, if this is one.
  const std::string* target_type(TSNode made) const {
    return target_type_ && ts_node_eq(target_type_->made, made) ? &target_type_->type : nullptr;
  }

  void on_declare(TSNode n, bool in_class) {
    switch (g_.language) {
      case Language::Java: {  // local_variable_declaration > variable_declarator(name, value)
        uint32_t c = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < c; ++i) {
          TSNode d = ts_node_named_child(n, i);
          if (!is(d, "variable_declarator")) continue;
          on_target(d, field(d, F::name), field(d, F::value), true, false);
          if (local_takes_type(field(d, F::value))) declare_local(d, field(d, F::name), field(n, F::type));
        }
        return;
      }
      case Language::CSharp: {  // variable_declarator: name + value child
        TSNode name = field(n, F::name);
        TSNode value{};
        uint32_t c = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < c; ++i) {
          TSNode k = ts_node_named_child(n, i);
          if (!ts_node_eq(k, name) && !is(k, "bracketed_argument_list")) value = k;
        }
        if (ts_node_is_null(value)) return;
        if (is(value, "implicit_object_creation_expression")) note_target_type(n, value);
        on_target(n, name, value, true, false);
        return;
      }
      case Language::Go: {
        TSNode l = field(n, F::left);
        if (!ts_node_is_null(l)) { on_target(n, l, field(n, F::right), true, false); return; }
        TSNode name = field(n, F::name), value = field(n, F::value);
        if (!ts_node_is_null(value)) on_target(n, name, value, true, false);
        if (local_takes_type(value)) declare_local(n, name, field(n, F::type));
        return;
      }
      default: {
        TSNode name = field(n, F::name), value = field(n, F::value);
        if (ts_node_is_null(value)) return;
        on_target(n, name, value, true, in_class);
        if (!in_class && local_takes_type(value)) declare_local(n, name, field(n, F::type));
      }
    }
  }

  void on_class_member(TSNode n, bool in_class) {
    // Kotlin: property_declaration > variable_declaration(identifier, type) + value
    // Swift:  property_declaration name: pattern, type_annotation, value:
    TSNode name{}, type{}, value = field(n, F::value);
    if (g_.language == Language::Kotlin) {
      TSNode decl = first_named(n, "variable_declaration");
      if (ts_node_is_null(decl)) return;
      name = ts_node_named_child(decl, 0);
      if (ts_node_named_child_count(decl) > 1) type = ts_node_named_child(decl, 1);
      uint32_t c = ts_node_named_child_count(n);
      for (uint32_t i = 0; i < c; ++i) {
        TSNode k = ts_node_named_child(n, i);
        if (!ts_node_eq(k, decl) && !is(k, "modifiers") && !is(k, "binding_pattern_kind") && !is(k, "property_delegate"))
          value = k;
      }
    } else {
      name = field(n, F::name);
      if (is(name, "pattern")) {
        TSNode id = first_named(name, "simple_identifier");
        if (!ts_node_is_null(id)) name = id;
      }
      type = first_named(n, "type_annotation");
    }
    if (ts_node_is_null(name)) return;
    if (in_class) {
      field_and_type(n, text(name), type, value);
      return;
    }
    if (!ts_node_is_null(value)) bind(n, std::string(text(name)), value);
    if (local_takes_type(value)) declare_local(n, name, type);
  }

  void on_field(TSNode n) {
    switch (g_.language) {
      case Language::Java:
      case Language::CSharp: {
        if (is(n, "property_declaration")) {
          field_and_type(n, text(field(n, F::name)), field(n, F::type), field(n, F::value));
          return;
        }
        TSNode type = field(n, F::type);
        TSNode holder = n;
        if (g_.language == Language::CSharp) {
          holder = first_named(n, "variable_declaration");
          if (ts_node_is_null(holder)) return;
          type = field(holder, F::type);
        }
        uint32_t c = ts_node_named_child_count(holder);
        for (uint32_t i = 0; i < c; ++i) {
          TSNode d = ts_node_named_child(holder, i);
          if (!is(d, "variable_declarator")) continue;
          field_and_type(d, text(field(d, F::name)), type, field(d, F::value));
        }
        return;
      }
      case Language::Go:
        field_fact(n, std::string(text(field(n, F::name))), field_kind(field(n, F::type), TSNode{}));
        return;
      case Language::Php: {
        std::string type = std::string(text(field(n, F::type)));
        uint32_t c = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < c; ++i) {
          TSNode el = ts_node_named_child(n, i);
          if (!is(el, "property_element")) continue;
          TSNode var = first_named(el, "variable_name");
          if (ts_node_is_null(var)) continue;
          field_fact(el, std::string(text(var)), type);
          declare_field(el, text(var), declared_type(field(n, F::type)));
        }
        return;
      }
      default: {  // TS/JS class fields and interface properties
        TSNode name = field(n, F::name);
        if (ts_node_is_null(name)) name = field(n, F::property);
        std::string key = ts_node_is_null(name) ? std::string() : key_text(name);
        if (is(n, "property_signature")) field_fact(n, std::move(key), field_kind(field(n, F::type), field(n, F::value)));
        else field_and_type(n, key, field(n, F::type), field(n, F::value));
        return;
      }
    }
  }

  // `return <value>`: the value's reads count (`return navigator.userAgent`).
  void on_return(TSNode n) {
    TSNode value = first_named_child(n);
    if (ts_node_is_null(value) || g_.role(value) == Role::Comment) return;
    Fact f;
    f.kind = FactKind::Return;
    f.loc = loc(n);
    if (!wants_) f.args.push_back(expr(value));
    auto index = static_cast<std::uint32_t>(out_.facts.size());
    emit(std::move(f));
    if (wants_) pending_.push_back(Pending{index, ts_node_end_byte(n), value});  // only its reads count
  }

  // ---- the walk ----------------------------------------------------------------
  // Returns whether to descend into the node's children.
  bool visit(TSNode n, Role role, bool in_class) {
    if (!pending_.empty()) leave_pending(n);
    switch (role) {
      case Role::Comment: return false;
      case Role::Call: on_call(n); return true;
      case Role::Import: on_import(n); return false;
      case Role::Assign: on_assign(n, in_class); return true;
      case Role::Return: on_return(n); return true;
      case Role::Declare: on_declare(n, in_class); return true;
      case Role::Field: on_field(n); return true;
      case Role::ClassMember: on_class_member(n, in_class); return true;
      case Role::Param: on_param(n); return true;
      case Role::Method: on_method(n); return true;
      case Role::Ident:
      case Role::Shorthand:
        if (!pending_.empty()) note_name(text(n));
        return true;
      case Role::Member:
        if (!pending_.empty()) note_member(n);
        return true;
      case Role::String: {
        std::string s = string_content(n);
        // A URL's host may be a recipient of the calls around it; Kotlin's
        // "$name" templates read names.
        if (!pending_.empty() && (s.find("//") != std::string::npos ||
                                  (g_.language == Language::Kotlin && s.find('$') != std::string::npos)))
          summarise_pending();
        if (!s.empty()) {
          Fact f;
          f.kind = FactKind::String;
          f.loc = loc(n);
          f.path = std::move(s);
          emit(std::move(f));
        }
        return true;  // interpolations may hold calls
      }
      default: return true;
    }
  }

  // Python class attributes: class_definition > block > expression_statement
  // > assignment (at `depth`). ts_node_parent searches down from the root:
  // asked for every assignment, it cost a tenth of parsing Python.
  bool python_class_attribute(uint32_t depth, uint32_t start) const {
    const auto& path = g_.class_attribute_path;
    if (path[0] == 0 || depth < 3) return false;
    for (uint32_t i = 0; i < 3; ++i) {
      const Level& up = levels_[depth - 3 + i];
      if (up.sym != path[i] || up.end <= start) return false;
    }
    return true;
  }
};

}  // namespace

WalkStops::WalkStops(const FactInterest* interest) {
  if (!interest) return;
  for (Language l : kAllLanguages) {
    const auto& roots = interest->by_language[static_cast<std::size_t>(l)].query_roots;
    if (uses_libclang(l) || roots.empty()) continue;
    // A node a raw query may start at is one to stop at too.
    const Grammar& g = grammar_for(l);
    std::vector<std::uint8_t> by_public = g.wanted_public;
    for (std::size_t s = 0; s < roots.size() && s < by_public.size(); ++s)
      if (roots[s]) by_public[s] = 1;
    auto& table = by_language_[static_cast<std::size_t>(l)];
    table.resize(by_public.size());
    ps_walk_wanted_table(g.ts, by_public.data(), table.data());
  }
}

const std::uint8_t* WalkStops::for_language(Language lang) const {
  const auto& table = by_language_[static_cast<std::size_t>(lang)];
  return table.empty() ? nullptr : table.data();
}

FileFacts extract_tree_sitter_facts(Language lang, const TSTree* tree, std::string_view text, const FactInterest* interest,
                                    WalkFindings* found, const WalkStops* stops) {
  if (!tree || uses_libclang(lang)) return {};
  std::optional<WalkStops> made;
  if (!stops && interest) stops = &made.emplace(interest);
  Extractor x(grammar_for(lang), text, interest, found, stops ? stops->for_language(lang) : nullptr);
  return x.run(ts_tree_root_node(tree));
}

Expr summarise_tree_sitter_value(Language lang, std::string_view text, TSNode value) {
  if (ts_node_is_null(value) || uses_libclang(lang)) return {};
  Extractor x(grammar_for(lang), text, nullptr, nullptr);
  return x.value_expr(value);
}

}  // namespace ps
