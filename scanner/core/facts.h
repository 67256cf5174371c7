#pragma once
// Facts: what the detect engine needs to know about a file, the same for
// every language. A tree-sitter walk or a libclang visit reduces a syntax tree
// to this list in one pass; mappings then match facts by hash lookups, so the
// cost of the mapping library does not grow with the number of rules.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ps {

struct Loc {
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based, in bytes
};

// One key/value of an object literal, keyword argument, named argument or
// options struct: `{maxAge: 3600}`, `max_age=3600`, `MaxAge = 3600`.
struct Field {
  std::string key;
  std::string value;                // source text of the value, whitespace collapsed
  std::vector<std::string> names;   // identifier/member paths read in the value
};

// A summary of one expression: enough to classify what personal data it
// carries and to read constants (cookie names, TTLs) out of it.
struct Expr {
  std::string text;                  // source text, whitespace collapsed, at most ~240 bytes
  std::vector<std::string> names;    // identifier/member paths read inside ("user.email", "token")
  std::vector<std::string> strings;  // contents of string literals inside (unquoted)
  std::vector<Field> fields;         // object-literal keys / keyword args inside
  Loc loc;
};

enum class FactKind : std::uint8_t {
  Import,  // path = module ("mixpanel-browser", "com.x.Y", "curl/curl.h"); name = local binding; imported = name in the module
  Call,    // path = callee path, normalised ("analytics.track", "Sentry.init"); args; is_new for constructors
  Assign,  // path = assigned member path ("document.cookie", "self.email"); args[0] = right-hand side
  Bind,    // a plain variable or constant gets a value: name = variable, args[0] = value; or, with `type`
           // and no args, a name is declared as an instance of a type (a typed parameter or field:
           // name "client" or "this.client")
  String,  // path = a string literal's content (URLs, scopes, cookie names, SQL)
  Field,   // a declared field/property/column: name = field name, path = declared type or initializer callee
  Return,  // a function returns a value: args[0] = the value (`return { ua: navigator.userAgent }`)
};

struct Fact {
  FactKind kind = FactKind::Call;
  Loc loc;
  std::string path;
  std::string name;
  std::string imported;
  bool is_new = false;
  // Call: the parse stage found that no call pattern matches this path,
  // as written or through the file's aliases at this point (the detect
  // stage would find the same, and need not look again).
  bool no_call_rule = false;
  std::string type;  // Bind: the declared type of a name that has no value here ("com.openai.client.OpenAIClient")
  std::vector<Expr> args;
};

struct FileFacts {
  std::vector<Fact> facts;  // in source order
};

// Normalise a callee or member text to a dotted path: "a?.b", "a->b",
// "A::b", "A\\B" all become "a.b"; call parentheses inside are dropped
// ("firebase.analytics().logEvent" -> "firebase.analytics.logEvent");
// whitespace and a leading "this."/"self."/"$this->" are kept as written
// except for whitespace. Returns "" for text that is not a path.
std::string normalize_path(std::string_view text);

// The first and last segments of a dotted path ("a" and "c" of "a.b.c").
inline std::string_view first_segment(std::string_view path) { return path.substr(0, path.find('.')); }
inline std::string_view last_segment(std::string_view path) {
  auto i = path.rfind('.');
  return i == std::string_view::npos ? path : path.substr(i + 1);
}

}  // namespace ps
