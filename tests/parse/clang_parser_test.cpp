#include <tbb/parallel_for.h>

#include "tests/parse/parse_helpers.h"
#include "tests/support/temp_tree.h"

using namespace ps;
using namespace ps::test;

TEST_CASE("C through libclang: calls to libcurl without its headers, strings, includes, designated fields") {
  auto p = parse_snippet(Language::C, "t.c", R"(#include <curl/curl.h>
#include "app.h"
struct user { const char *email; };
void send(struct user *u) {
    CURL *curl = curl_easy_init();
    curl_easy_setopt(curl, CURLOPT_URL, "https://api.mixpanel.com/track");
    struct user copy = { .email = u->email };
    syslog(LOG_INFO, "login %s", u->email);
}
)");
  INFO(dump(p));
  CHECK(p.parsed);
  CHECK(find_fact(p, FactKind::Import, "curl/curl.h"));
  CHECK(find_fact(p, FactKind::Import, "app.h"));
  const Fact* setopt = find_fact(p, FactKind::Call, "curl_easy_setopt");
  REQUIRE(setopt);
  REQUIRE(setopt->args.size() == 3);
  CHECK(setopt->args[2].strings == std::vector<std::string>{"https://api.mixpanel.com/track"});
  CHECK(setopt->loc.line == 6);
  CHECK(setopt->loc.column == 5);
  CHECK(find_fact(p, FactKind::String, "https://api.mixpanel.com/track"));
  const Fact* log = find_fact(p, FactKind::Call, "syslog");
  REQUIRE(log);
  CHECK(has(log->args[2].names, "u.email"));
  const Fact* copy = find_fact(p, FactKind::Bind, "copy");
  REQUIRE(copy);
  REQUIRE(copy->args[0].fields.size() == 1);
  CHECK(copy->args[0].fields[0].key == "email");
  CHECK(find_fact(p, FactKind::Field, "email"));
  // The missing header is said, not hidden.
  bool told = std::any_of(p.diags.begin(), p.diags.end(), [](const Diagnostic& d) { return d.code == "missing-include"; });
  CHECK(told);
}

TEST_CASE("C++ through libclang: member calls carry the receiver's class, declarations are not calls") {
  auto p = parse_snippet(Language::Cpp, "t.cpp", R"(class QSettings { public: void setValue(const char*, const char*); };
struct User { const char* email; };
void remember(const User& user) {
    QSettings settings;
    settings.setValue("account/email", user.email);
    spdlog::info("login {}", user.email);
    auto* client = new HttpClient("https://api.segment.io");
}
)");
  INFO(dump(p));
  const Fact* sv = find_fact(p, FactKind::Call, "settings.setValue");
  REQUIRE(sv);
  CHECK(sv->imported == "QSettings.setValue");
  CHECK(has(sv->args[1].names, "user.email"));
  CHECK(find_fact(p, FactKind::Call, "spdlog.info"));
  const Fact* ctor = find_fact(p, FactKind::Call, "HttpClient");
  REQUIRE(ctor);
  CHECK(ctor->is_new);
  CHECK_FALSE(find_fact(p, FactKind::Call, "remember"));  // a definition
  CHECK_FALSE(find_fact(p, FactKind::Call, "setValue"));   // a declaration
}

TEST_CASE("compile_commands.json decides include paths and defines, and inactive #if branches yield nothing") {
  TempTree t;
  t.write("include/telemetry.h", "#define TELEMETRY_HOST \"https://telemetry.acme.io\"\n");
  auto src = t.write("src/main.cpp", R"(#include "telemetry.h"
void run() {
#ifdef ENABLE_TELEMETRY
    upload(TELEMETRY_HOST, user_email);
#else
    keep_local(user_email);
#endif
}
)");
  std::string db = "[{\"directory\": \"" + t.root().string() + "\", \"file\": \"" + src.string() +
                   "\", \"command\": \"c++ -std=c++17 -Iinclude -DENABLE_TELEMETRY -c " + src.string() + " -o main.o\"}]";
  t.write("compile_commands.json", db);
  SourceFile sf{src, "src/main.cpp", Language::Cpp, 0};
  std::string text = R"(#include "telemetry.h"
void run() {
#ifdef ENABLE_TELEMETRY
    upload(TELEMETRY_HOST, user_email);
#else
    keep_local(user_email);
#endif
}
)";
  ParseOptions with_db;
  with_db.root = t.root();
  auto p = Parsers(with_db).parse_text(sf, text);
  INFO(dump(p));
  CHECK(find_fact(p, FactKind::Call, "upload"));
  CHECK_FALSE(find_fact(p, FactKind::Call, "keep_local"));
  bool missing = std::any_of(p.diags.begin(), p.diags.end(), [](const Diagnostic& d) { return d.code == "missing-include"; });
  CHECK_FALSE(missing);  // -Iinclude from the database found the header

  std::filesystem::remove(t.root() / "compile_commands.json");
  ParseOptions no_db;
  no_db.root = t.root() / "elsewhere";
  auto q = Parsers(no_db).parse_text(sf, text);
  INFO(dump(q));
  CHECK_FALSE(find_fact(q, FactKind::Call, "upload"));
  CHECK(find_fact(q, FactKind::Call, "keep_local"));
}

TEST_CASE("a C++ syntax error still yields facts and one diagnostic") {
  auto p = parse_snippet(Language::Cpp, "bad.cpp", "void f() {\n  int x = ;\n  printf(\"%s\", user.email);\n}\n");
  CHECK(p.syntax_errors > 0);
  bool told = std::any_of(p.diags.begin(), p.diags.end(), [](const Diagnostic& d) { return d.code == "syntax-error" && d.line == 2; });
  CHECK(told);
  CHECK(find_fact(p, FactKind::Call, "printf"));
}

TEST_CASE("libclang parses concurrently with identical results") {
  Parsers parsers(ParseOptions{});
  std::string text = "#include <stdio.h>\nvoid f(const char* email) { printf(\"%s\", email); fprintf(stderr, \"x\"); }\n";
  std::vector<std::size_t> counts(8);
  tbb::parallel_for(0, 8, [&](int i) {
    auto p = parsers.parse_text(SourceFile{"c" + std::to_string(i) + ".c", "c.c", Language::C, 0}, text);
    counts[static_cast<std::size_t>(i)] = p.facts.facts.size();
  });
  for (auto c : counts) CHECK(c == counts[0]);
  CHECK(counts[0] >= 3);
}
