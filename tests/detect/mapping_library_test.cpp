#include <doctest/doctest.h>

#include "scanner/detect/mapping_library.h"
#include "scanner/detect/mapping_loader.h"

using namespace ps;

namespace {

MappingLibrary compile(const std::string& yaml) {
  Diagnostics d;
  auto rules = load_rules_text(yaml, "test.yaml", d);
  MappingLibrary lib(std::move(rules), d);
  for (const auto& x : d) FAIL_CHECK(format_diagnostic(x));
  return lib;
}

Expr expr(std::string text, std::vector<std::string> names = {}, std::vector<std::string> strings = {}) {
  Expr e;
  e.text = std::move(text);
  e.names = std::move(names);
  e.strings = std::move(strings);
  return e;
}

Fact fact(FactKind k, std::uint32_t line, std::string path, std::string name = {}, std::vector<Expr> args = {}) {
  Fact f;
  f.kind = k;
  f.loc = Loc{line, 1};
  f.path = std::move(path);
  f.name = std::move(name);
  f.args = std::move(args);
  return f;
}

ParsedFile file(Language lang, std::vector<Fact> facts) {
  ParsedFile p;
  p.file.rel = "x";
  p.file.language = lang;
  p.parsed = true;
  p.facts.facts = std::move(facts);
  return p;
}

// "a b c": compared as one string so a failure shows the ids.
std::string rule_ids(const MappingLibrary& lib, const std::vector<Detection>& ds) {
  std::string out;
  for (const auto& d : ds) out += (out.empty() ? "" : " ") + lib.rules()[d.rule].id;
  return out;
}

const char* kRules = R"(
rules:
  - id: mixpanel.sdk
    kind: analytics-sdk
    recipient: {id: mixpanel, category: analytics}
    match: {imports: [mixpanel-browser], calls: [mixpanel-browser.track]}
  - id: openai.chat
    kind: third-party-api
    recipient: {id: openai, category: ai}
    languages: [python]
    match: {calls: [openai.OpenAI.chat.completions.create]}
  - id: openai.host
    kind: third-party-api
    recipient: {id: openai, category: ai}
    match: {hosts: [openai.com]}
  - id: unknown.host
    kind: third-party-api
    recipient: unknown
    classify: none
    except_hosts: [w3.org]
    match: {hosts: ['*']}
  - id: cookie.assign
    kind: cookie
    match: {assigns: [document.cookie]}
  - id: django.session_age
    kind: retention
    classify: none
    retention: [{arg: 0, unit: s}]
    match: {binds: [SESSION_COOKIE_AGE]}
  - id: google.scope.calendar
    kind: oauth-scope
    match: {strings: ['https://www.googleapis.com/auth/calendar.readonly']}
  - id: sql.create
    kind: persistence
    match: {string_regex: ['(?i)^\s*create\s+table']}
  - id: beast.set_cookie
    kind: cookie
    arg_regex: ['(?i)set.?cookie']
    match: {calls: ['*.set']}
  - id: django.model_field
    kind: persistence
    requires_data: true
    match: {fields: [models.*]}
)";

}  // namespace

TEST_CASE("calls match through import aliases") {
  auto lib = compile(kRules);
  auto pf = file(Language::JavaScript, {
                                           fact(FactKind::Import, 1, "mixpanel-browser", "mp"),
                                           fact(FactKind::Call, 2, "mp.track", "", {expr("'signup'"), expr("{email}", {"email"})}),
                                           fact(FactKind::Call, 3, "other.track"),
                                       });
  auto ds = lib.detect(pf);
  CHECK(rule_ids(lib, ds) == "mixpanel.sdk mixpanel.sdk");
  REQUIRE(ds.size() == 2);
  CHECK(ds[1].loc.line == 2);
  CHECK(ds[1].data.size() == 2);  // classify: args (default)
  CHECK(ds[1].evidence.find("mixpanel-browser.track") != std::string::npos);
}

TEST_CASE("an alias named like its own target is expanded once") {
  auto lib = compile(R"(
rules:
  - id: hb.notify
    kind: analytics-sdk
    match: {calls: [honeybadger.honeybadger.notify, mixpanel.init.track]}
)");
  // Python: from honeybadger import honeybadger
  Fact imp = fact(FactKind::Import, 1, "honeybadger", "honeybadger");
  imp.imported = "honeybadger";
  // JavaScript: import Mixpanel from 'mixpanel'; const mixpanel = Mixpanel.init(token)
  auto pf = file(Language::Python, {imp, fact(FactKind::Call, 2, "honeybadger.notify")});
  CHECK(rule_ids(lib, lib.detect(pf)) == "hb.notify");
  auto js = file(Language::JavaScript, {fact(FactKind::Import, 1, "mixpanel", "Mixpanel"),
                                        fact(FactKind::Bind, 2, "", "mixpanel", {expr("Mixpanel.init(token)")}),
                                        fact(FactKind::Call, 3, "mixpanel.track")});
  CHECK(rule_ids(lib, lib.detect(js)) == "hb.notify");
}

TEST_CASE("a rule may name a call by module path or by the package's usual name") {
  auto lib = compile(R"(
rules:
  - id: by.module
    kind: third-party-api
    match: {calls: [github.com/stripe/stripe-go.NewClient.V1Customers.Create]}
  - id: by.name
    kind: third-party-api
    match: {calls: [stripe.NewClient.V1Customers.Create]}
)");
  // Go: import "github.com/stripe/stripe-go/v82"; sc := stripe.NewClient(key); sc.V1Customers.Create(...)
  auto pf = file(Language::Go, {fact(FactKind::Import, 1, "github.com/stripe/stripe-go/v82", "stripe"),
                                fact(FactKind::Bind, 2, "", "sc", {expr("stripe.NewClient(key)")}),
                                fact(FactKind::Call, 3, "sc.V1Customers.Create")});
  CHECK(rule_ids(lib, lib.detect(pf)) == "by.module by.name");
}

TEST_CASE("objects made by a call keep what they stand for") {
  auto lib = compile(kRules);
  Fact imp = fact(FactKind::Import, 1, "openai", "OpenAI");
  imp.imported = "OpenAI";
  auto pf = file(Language::Python, {imp, fact(FactKind::Bind, 2, "", "client", {expr("OpenAI(api_key=key)")}),
                                    fact(FactKind::Call, 3, "client.chat.completions.create", "", {expr("messages=msgs", {"msgs"})})});
  auto ds = lib.detect(pf);
  CHECK(rule_ids(lib, ds) == "openai.chat");
  // The same code in JavaScript is not matched by a Python-only rule.
  pf.file.language = Language::JavaScript;
  CHECK(lib.detect(pf).empty());
  // Keywords before the call do not hide it: `client = await OpenAI()`, Swift's `try await`.
  for (const char* value : {"await OpenAI(api_key=key)", "try await OpenAI(api_key=key)", "try! OpenAI()"}) {
    CAPTURE(value);
    auto py = file(Language::Python, {imp, fact(FactKind::Bind, 2, "", "client", {expr(value)}),
                                      fact(FactKind::Call, 3, "client.chat.completions.create", "", {expr("messages=msgs", {"msgs"})})});
    CHECK(rule_ids(lib, lib.detect(py)) == "openai.chat");
  }
}

TEST_CASE("a host in a call's argument or in a variable passed to it makes the call the point") {
  auto lib = compile(kRules);
  auto pf = file(Language::JavaScript,
                 {fact(FactKind::Call, 1, "fetch", "", {expr("'https://api.openai.com/v1/chat'", {}, {"https://api.openai.com/v1/chat"}), expr("{body}", {"body"})}),
                  fact(FactKind::String, 1, "https://api.openai.com/v1/chat"),
                  fact(FactKind::Bind, 2, "", "URL", {expr("\"https://api.openai.com/v1\"", {}, {"https://api.openai.com/v1"})}),
                  fact(FactKind::String, 2, "https://api.openai.com/v1"),
                  fact(FactKind::Call, 3, "axios.post", "", {expr("URL", {"URL"}), expr("payload", {"payload"})})});
  auto ds = lib.detect(pf);
  REQUIRE(ds.size() == 3);
  CHECK(ds[0].loc.line == 1);  // the call, not again its string
  CHECK(ds[0].data.size() == 2);
  CHECK(ds[1].loc.line == 2);  // the bare string with the host
  CHECK(ds[2].loc.line == 3);  // the call through the variable
  CHECK(ds[2].evidence == "api.openai.com");
}

TEST_CASE("hosts no rule knows fall back to the unknown recipient; local ones do not") {
  auto lib = compile(kRules);
  auto pf = file(Language::Go, {fact(FactKind::String, 1, "https://telemetry.acme-tracker.io/v1"),
                                fact(FactKind::String, 2, "http://localhost:8080/"),
                                fact(FactKind::String, 3, "https://api.example.com/")});
  auto ds = lib.detect(pf);
  CHECK(rule_ids(lib, ds) == "unknown.host");
}

TEST_CASE("the unknown-host fallback skips links in prose and excepted hosts; known hosts still match") {
  auto lib = compile(kRules);
  auto pf = file(Language::JavaScript,
                 {fact(FactKind::String, 1, "See https://docs.acme-tracker.io/errors/12 for details"),
                  fact(FactKind::String, 2, "http://www.w3.org/2000/svg"),  // a subdomain of an excepted host
                  fact(FactKind::String, 3, "https://api.acme-tracker.io/v1/${ user.id }/events"),  // spaces in a hole only
                  fact(FactKind::String, 4, "calling https://api.openai.com/v1 now"),
                  fact(FactKind::Call, 5, "Error", "", {expr("'Read https://angular.io/errors/NG0100'", {}, {"Read https://angular.io/errors/NG0100"})}),
                  fact(FactKind::Bind, 6, "", "HELP", {expr("'see https://help.acme.io'", {}, {"see https://help.acme.io"})}),
                  fact(FactKind::Call, 7, "console.log", "", {expr("HELP", {"HELP"})}),
                  fact(FactKind::Bind, 8, "", "URL", {expr("'https://in.acme.io/t'", {}, {"https://in.acme.io/t"})}),
                  fact(FactKind::Call, 9, "send", "", {expr("URL", {"URL"})})});
  auto ds = lib.detect(pf);
  std::vector<std::uint32_t> lines;
  for (const auto& d : ds) lines.push_back(d.loc.line);
  CHECK(lines == std::vector<std::uint32_t>{3, 4, 9});
  CHECK(rule_ids(lib, ds) == "unknown.host openai.host unknown.host");
}

TEST_CASE("assignments, binds with lifetimes, scope tokens, regexes, fields and argument regexes") {
  auto lib = compile(kRules);
  auto pf = file(Language::Python,
                 {fact(FactKind::Assign, 1, "document.cookie", "", {expr("'sid=' + id", {"id"})}),
                  fact(FactKind::Bind, 2, "", "SESSION_COOKIE_AGE", {expr("60 * 60 * 24 * 14")}),
                  fact(FactKind::String, 3, "openid email https://www.googleapis.com/auth/calendar.readonly"),
                  fact(FactKind::String, 4, "  CREATE TABLE users (email text)"),
                  fact(FactKind::Call, 5, "res.set", "", {expr("http::field::set_cookie"), expr("v")}),
                  fact(FactKind::Call, 6, "res.set", "", {expr("http::field::content_type"), expr("v")}),
                  fact(FactKind::Field, 7, "models.EmailField", "email")});
  auto ds = lib.detect(pf);
  CHECK(rule_ids(lib, ds) == "cookie.assign django.session_age google.scope.calendar sql.create beast.set_cookie django.model_field");
  REQUIRE(ds.size() == 6);
  CHECK(ds[1].retention_seconds == 1209600);
  CHECK(ds[5].data.size() == 1);
  CHECK(ds[5].data[0].names == std::vector<std::string>{"email"});
}

TEST_CASE("raw tree-sitter queries run with predicates evaluated") {
  Diagnostics d;
  auto rules = load_rules_text(R"(
rules:
  - id: gtag.query
    kind: analytics-sdk
    match:
      query:
        javascript: '(call_expression function: (identifier) @f (#eq? @f "gtag") arguments: (arguments (_) @data)) @point'
)", "q.yaml", d);
  MappingLibrary good(std::move(rules), d);
  REQUIRE(d.empty());
  Parsers parsers(ParseOptions{});
  auto pf = parsers.parse_text(SourceFile{"a.js", "a.js", Language::JavaScript, 0},
                               "gtag('event', 'login', {method: m});\nnotgtag('x');\n");
  auto ds = good.detect(pf);
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].loc.line == 1);
  CHECK(ds[0].data.size() == 3);
}

TEST_CASE("a raw query runs only on the subtrees its patterns can start at") {
  Diagnostics d;
  auto rules = load_rules_text(R"(
rules:
  - id: jsx.email
    kind: form-input
    match:
      query:
        javascript: '((jsx_attribute (property_identifier) @a (string) @data) @point (#eq? @a "type"))'
  - id: any.gtag
    kind: analytics-sdk
    match:
      query:
        tsx: '[(call_expression function: (identifier) @f (#eq? @f "gtag")) (new_expression constructor: (identifier) @f (#eq? @f "gtag"))] @point'
)", "q.yaml", d);
  MappingLibrary lib(std::move(rules), d);
  REQUIRE(d.empty());
  ParseOptions opts;
  opts.interest = lib.interest();
  Parsers parsers(opts), eager(ParseOptions{});
  auto lines = [](const std::vector<Detection>& ds) {
    std::vector<std::uint32_t> out;
    for (const auto& x : ds) out.push_back(x.loc.line);
    std::sort(out.begin(), out.end());
    return out;
  };
  // Attributes inside an attribute's value: the walk lists the outer one
  // only, and its subtree holds both matches, each found once.
  const std::string jsx_text = "const f = <input type=\"email\" />;\nconst g = 1;\n"
                               "const h = <Field render={<input type=\"tel\" />} type=\"text\" />;\n";
  SourceFile js{"a.jsx", "a.jsx", Language::JavaScript, 0};
  auto jsx = parsers.parse_text(js, jsx_text);
  REQUIRE(jsx.query_roots.has_value());
  CHECK(jsx.query_roots->size() == 3);  // type="email", render={...}, type="text"
  CHECK(lines(lib.detect(jsx)) == std::vector<std::uint32_t>{1, 3, 3});
  // Without the walk's list (parsed without an interest) the whole tree is queried: the same detections.
  auto whole = eager.parse_text(js, jsx_text);
  CHECK_FALSE(whole.query_roots.has_value());
  CHECK(lines(lib.detect(whole)) == lines(lib.detect(jsx)));
  // The same tree, told it has no jsx_attribute: the query is not run.
  ParsedFile blind = parsers.parse_text(js, jsx_text);
  blind.query_roots->clear();
  CHECK(lib.detect(blind).empty());
  // An alternation has no single first node type: the walk lists nothing and the whole tree is queried.
  auto tsx = parsers.parse_text(SourceFile{"a.tsx", "a.tsx", Language::Tsx, 0}, "gtag('event');\n");
  CHECK_FALSE(tsx.query_roots.has_value());
  CHECK(lib.detect(tsx).size() == 1);
}

TEST_CASE("a query that does not compile is a diagnostic naming the rule") {
  Diagnostics d;
  auto rules = load_rules_text(R"(
rules:
  - id: bad.query
    kind: analytics-sdk
    match:
      query: {javascript: '(call_expression (nonexistent_node))'}
)", "q.yaml", d);
  MappingLibrary lib(std::move(rules), d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("bad.query") != std::string::npos);
  CHECK(d[0].path == "q.yaml");
  CHECK(d[0].line == 3);
}

TEST_CASE("reads match member paths inside any fact's expressions, once per line") {
  auto lib = compile(R"(
rules:
  - id: ip.read
    kind: ip-geo
    classify: none
    match: {reads: [req.ip, '*.RemoteAddr']}
)");
  auto pf = file(Language::JavaScript, {fact(FactKind::Bind, 1, "", "ip", {expr("req.ip", {"req.ip"})}),
                                        fact(FactKind::Call, 2, "log", "", {expr("geo(req.ip)", {"geo", "req.ip"})}),
                                        fact(FactKind::Call, 2, "geo", "", {expr("req.ip", {"req.ip"})}),
                                        fact(FactKind::Bind, 3, "", "x", {expr("r.RemoteAddr", {"r.RemoteAddr"})}),
                                        fact(FactKind::Bind, 4, "", "y", {expr("req.ipAddress", {"req.ipAddress"})})});
  auto ds = lib.detect(pf);
  CHECK(rule_ids(lib, ds) == "ip.read ip.read ip.read");
  REQUIRE(ds.size() == 3);
  CHECK(ds[0].loc.line == 1);
  CHECK(ds[1].loc.line == 2);
  CHECK(ds[2].loc.line == 3);
  CHECK(ds[0].evidence == "req.ip");
}
