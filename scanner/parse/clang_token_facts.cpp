#include "scanner/parse/clang_token_facts.h"

#include <cctype>
#include <set>

#include "scanner/core/text.h"

namespace ps {

namespace {

bool is_member_op(const std::string& t) { return t == "." || t == "->" || t == "::"; }
bool opens(const std::string& t) { return t == "(" || t == "[" || t == "{"; }
bool closes(const std::string& t) { return t == ")" || t == "]" || t == "}"; }

// Keywords that may stand right before a call expression.
bool keyword_before_expression(const std::string& k) {
  static const std::set<std::string> kAllowed = {"return", "new", "else", "do", "case", "throw", "co_return", "co_await", "co_yield"};
  return kAllowed.count(k) > 0;
}

std::string unquote(const std::string& lit) {
  std::string_view s = lit;
  // Prefixes: L"", u8"", u"", U"", R"delim(...)delim"
  std::size_t q = s.find('"');
  if (q == std::string_view::npos) return {};
  bool raw = q > 0 && s[q - 1] == 'R';
  s.remove_prefix(q);
  if (raw) {
    auto open = s.find('(');
    auto close = s.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return {};
    return std::string(s.substr(open + 1, close - open - 1));
  }
  if (s.size() >= 2 && s.back() == '"') return std::string(s.substr(1, s.size() - 2));
  return {};
}

class TokenFacts {
 public:
  TokenFacts(const std::vector<CToken>& all, const MemberCallTypes& types) : all_(all), types_(types) {}

  FileFacts run() {
    // Directives first: includes become imports, and no directive token may
    // stand between code tokens (`#ifdef X` before a call is not its type).
    for (std::size_t i = 0; i < all_.size(); ++i) {
      if (all_[i].line_start && all_[i].text == "#") { i = preprocessor_line(i); continue; }
      code_.push_back(all_[i]);
    }
    for (std::size_t i = 0; i < t_.size(); ++i) {
      const CToken& k = t_[i];
      if (k.kind == CToken::Literal && k.text.find('"') != std::string::npos) string_fact(k);
      if (k.kind == CToken::Punct && k.text == "(") call_at(i);
      if (k.kind == CToken::Punct && k.text == "=") assignment_at(i);
    }
    return std::move(out_);
  }

 private:
  const std::vector<CToken>& all_;
  const MemberCallTypes& types_;
  std::vector<CToken> code_;  // tokens outside preprocessor directives
  const std::vector<CToken>& t_ = code_;
  FileFacts out_;

  // #include <a/b.h> / "x.h" -> Import; other directives are skipped to the end of their line.
  std::size_t preprocessor_line(std::size_t i) {
    std::uint32_t line = all_[i].loc.line;
    if (i + 2 < all_.size() && all_[i + 1].text == "include") {
      std::string path;
      if (all_[i + 2].kind == CToken::Literal) path = unquote(all_[i + 2].text);
      else if (all_[i + 2].text == "<")
        for (std::size_t j = i + 3; j < all_.size() && all_[j].loc.line == line && all_[j].text != ">"; ++j) path += all_[j].text;
      if (!path.empty()) {
        Fact f;
        f.kind = FactKind::Import;
        f.loc = all_[i].loc;
        f.path = path;
        out_.facts.push_back(std::move(f));
      }
    }
    std::size_t j = i + 1;
    while (j < all_.size() && !all_[j].line_start) ++j;
    return j - 1;
  }

  void string_fact(const CToken& k) {
    std::string s = unquote(k.text);
    if (s.empty()) return;
    Fact f;
    f.kind = FactKind::String;
    f.loc = k.loc;
    f.path = std::move(s);
    out_.facts.push_back(std::move(f));
  }

  // The chain ident ((. | -> | ::) ident)* ending at token `end` (inclusive); returns its first index.
  std::size_t chain_start(std::size_t end) const {
    std::size_t b = end;
    while (b >= 2 && t_[b - 1].kind == CToken::Punct && is_member_op(t_[b - 1].text) &&
           (t_[b - 2].kind == CToken::Ident || t_[b - 2].text == "this" || t_[b - 2].text == ")" || t_[b - 2].text == "]")) {
      if (t_[b - 2].text == ")" || t_[b - 2].text == "]") {  // a().b(  /  a[i].b(
        std::size_t m = matching_open(b - 2);
        if (m == SIZE_MAX || m == 0 || t_[m - 1].kind != CToken::Ident) break;
        b = m - 1;
        continue;
      }
      b -= 2;
    }
    if (b >= 1 && t_[b - 1].text == "::" && (b < 2 || t_[b - 2].kind != CToken::Ident)) --b;  // ::global()
    return b;
  }

  std::size_t matching_open(std::size_t close) const {
    int depth = 0;
    for (std::size_t j = close + 1; j-- > 0;) {
      if (closes(t_[j].text)) ++depth;
      else if (opens(t_[j].text) && --depth == 0) return j;
    }
    return SIZE_MAX;
  }

  std::size_t matching_close(std::size_t open) const {
    int depth = 0;
    for (std::size_t j = open; j < t_.size(); ++j) {
      if (opens(t_[j].text)) ++depth;
      else if (closes(t_[j].text) && --depth == 0) return j;
    }
    return SIZE_MAX;
  }

  std::string join(std::size_t b, std::size_t e) const {  // [b, e)
    std::string s;
    for (std::size_t j = b; j < e && s.size() < 400; ++j) {
      const std::string& x = t_[j].text;
      bool tight = is_member_op(x) || x == "(" || x == ")" || x == "[" || x == "]" || x == "," ||
                   (!s.empty() && (is_member_op(t_[j - 1].text) || t_[j - 1].text == "(" || t_[j - 1].text == "["));
      if (!s.empty() && !tight) s.push_back(' ');
      if (x == "," && !s.empty()) { s += ", "; continue; }
      s += x;
    }
    return collapse_ws(s, 240);
  }

  Expr expr(std::size_t b, std::size_t e) const {
    Expr x;
    x.text = join(b, e);
    if (b < t_.size()) x.loc = t_[b].loc;
    for (std::size_t j = b; j < e; ++j) {
      const CToken& k = t_[j];
      if (k.kind == CToken::Literal && k.text.find('"') != std::string::npos) {
        auto s = unquote(k.text);
        if (!s.empty() && x.strings.size() < 16) x.strings.push_back(s);
        continue;
      }
      if (k.kind != CToken::Ident && k.text != "this") continue;
      // A designated initializer `.email = v` is a field.
      if (j > b && t_[j - 1].text == "." && (j < 2 || !(t_[j - 2].kind == CToken::Ident || closes(t_[j - 2].text))) &&
          j + 1 < e && t_[j + 1].text == "=") {
        std::size_t v = j + 2, ve = v;
        int depth = 0;
        while (ve < e && !(depth == 0 && t_[ve].text == ",")) {
          if (opens(t_[ve].text)) ++depth;
          if (closes(t_[ve].text)) --depth;
          ++ve;
        }
        Field f{k.text, join(v, ve), {}};
        for (std::size_t q = v; q < ve; ++q)
          if (t_[q].kind == CToken::Ident) f.names.push_back(t_[q].text);
        x.fields.push_back(std::move(f));
        continue;
      }
      // Whole member chains: user.email, u->email, cfg::kEmail
      if (j > b && is_member_op(t_[j - 1].text) && j >= 2 && (t_[j - 2].kind == CToken::Ident || t_[j - 2].text == "this")) continue;
      std::size_t end = j;
      while (end + 2 < e && is_member_op(t_[end + 1].text) && t_[end + 2].kind == CToken::Ident) end += 2;
      std::string path;
      for (std::size_t q = j; q <= end; ++q) path += is_member_op(t_[q].text) ? std::string(".") : t_[q].text;
      if (x.names.size() < 64) x.names.push_back(path);
      j = end;
    }
    return x;
  }

  void call_at(std::size_t open) {
    if (open == 0) return;
    std::size_t callee_end = open - 1;
    if (t_[callee_end].text == ">") {  // foo<T>(
      int depth = 0;
      std::size_t j = callee_end + 1;
      while (j-- > 0) {
        if (t_[j].text == ">") ++depth;
        else if (t_[j].text == "<" && --depth == 0) break;
        if (t_[j].text == ";" || t_[j].text == "{") return;
      }
      if (j == 0 || j == SIZE_MAX) return;
      callee_end = j - 1;
    }
    if (t_[callee_end].kind != CToken::Ident) return;
    std::size_t b = chain_start(callee_end);
    bool is_new = false;
    if (b > 0) {
      const CToken& prev = t_[b - 1];
      if (prev.kind == CToken::Keyword) {
        if (!keyword_before_expression(prev.text)) return;  // `void f(`, `int g(`: a declaration
        is_new = prev.text == "new";
      } else if (prev.kind == CToken::Ident) {
        return;  // `User make(` / `QSettings s(`: a declaration
      }
    }
    std::size_t close = matching_close(open);
    if (close == SIZE_MAX) return;
    Fact f;
    f.kind = FactKind::Call;
    f.loc = t_[b].loc;
    f.is_new = is_new;
    std::string path;
    for (std::size_t j = b; j <= callee_end; ++j) {
      if (t_[j].text == "(" || t_[j].text == "[") {  // a().b: drop the call/index part
        j = matching_close(j);
        if (j == SIZE_MAX) return;
        continue;
      }
      path += is_member_op(t_[j].text) ? std::string(".") : t_[j].text;
    }
    f.path = normalize_path(path);
    if (f.path.empty()) return;
    // Arguments: split at top-level commas.
    std::size_t a = open + 1;
    int depth = 0;
    for (std::size_t j = open + 1; j <= close; ++j) {
      const std::string& x = t_[j].text;
      if (j == close || (depth == 0 && x == ",")) {
        if (j > a && f.args.size() < 32) f.args.push_back(expr(a, j));
        a = j + 1;
        continue;
      }
      if (opens(x)) ++depth;
      else if (closes(x)) --depth;
    }
    auto it = types_.find({t_[callee_end].loc.line, t_[callee_end].text});
    if (it != types_.end()) f.imported = it->second;
    out_.facts.push_back(std::move(f));
  }

  void assignment_at(std::size_t eq) {
    if (eq == 0 || eq + 1 >= t_.size()) return;
    std::size_t lhs_end = eq - 1;
    if (t_[lhs_end].text == "]") {  // a.b[k] = v
      std::size_t m = matching_open(lhs_end);
      if (m == SIZE_MAX || m == 0) return;
      lhs_end = m - 1;
    }
    if (t_[lhs_end].kind != CToken::Ident) return;
    std::size_t b = chain_start(lhs_end);
    if (b > 0 && t_[b - 1].text == ".") return;  // designated initializer, handled as a field
    // Value: up to ; or , at depth 0 (or the closing bracket of an enclosing list).
    std::size_t e = eq + 1;
    int depth = 0;
    while (e < t_.size()) {
      const std::string& x = t_[e].text;
      if (depth == 0 && (x == ";" || x == ",")) break;
      if (opens(x)) ++depth;
      else if (closes(x)) { if (depth == 0) break; --depth; }
      ++e;
    }
    Fact f;
    f.loc = t_[b].loc;
    f.args.push_back(expr(eq + 1, e));
    if (b == lhs_end) {
      f.kind = FactKind::Bind;
      f.name = t_[b].text;
    } else {
      f.kind = FactKind::Assign;
      std::string path;
      for (std::size_t j = b; j <= lhs_end; ++j) path += is_member_op(t_[j].text) ? std::string(".") : t_[j].text;
      f.path = normalize_path(path);
      if (f.path.empty()) return;
    }
    out_.facts.push_back(std::move(f));
  }
};

}  // namespace

FileFacts facts_from_c_tokens(const std::vector<CToken>& tokens, const MemberCallTypes& types) {
  return TokenFacts(tokens, types).run();
}

}  // namespace ps
