// A hostile repository: deep nesting, a 50 MB single-line bundle, invalid
// UTF-8, NUL bytes, a symlink loop, a link to /etc, an unreadable file, a
// file named with newlines and shell characters, and 100k tiny files. The
// scan completes, says what it skipped and why, and loses no finding in the
// healthy files. (POLICYSCAN_HOSTILE_FILES sets the tiny-file count; the
// sanitizer run uses fewer.)
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "tests/app/run_binary.h"
#include "tests/support/temp_tree.h"

using namespace ps::test;
namespace fs = std::filesystem;

TEST_CASE("a hostile repository is scanned to the end, with every skip explained and no healthy finding lost") {
  TempTree t;
  t.write("privacy.yaml", "schema: policyscan/1\npractices:\n  - {id: c, do: collect, data: [user.name]}\n");
  // Healthy files, each with one known finding.
  t.write("src/healthy.js", "export function f(user) {\n  console.log(user.email);\n}\n");
  t.write("src/weird name\n$(rm -rf ~) `x` ;|&.py", "import logging\nlogging.info(user.phone_number)\n");
  // Deep nesting (on many lines, so it is not mistaken for a minified bundle).
  {
    std::string deep = "const x = ";
    for (int i = 0; i < 500; ++i) deep += std::string(100, '[') + "\n";
    for (int i = 0; i < 500; ++i) deep += std::string(100, ']') + "\n";
    t.write("src/deep.js", deep + ";\nconsole.log(user.dateOfBirth);\n");
  }
  // A 50 MB single-line minified bundle.
  {
    std::ofstream big(t.root() / "src" / "bundle.js", std::ios::binary);
    std::string chunk = "var a=function(b){return b+1};";
    for (std::size_t n = 0; n < 50u * 1024 * 1024 / chunk.size(); ++n) big << chunk;
  }
  // Invalid UTF-8 in the middle of an otherwise fine file: the rest is still scanned.
  t.write("src/latin1.js", std::string("const s = 'caf\xe9';\nconsole.log(user.ssn);\n"));
  // NUL bytes.
  t.write("src/binary.js", std::string("console.log(user.email)\0\0\0\x01\x02", 29));
  // Links: a loop and a way out of the root.
  fs::create_directories(t.root() / "src" / "loop");
  fs::create_directory_symlink("..", t.root() / "src" / "loop" / "back");
  fs::create_directory_symlink("/etc", t.root() / "etc-link");
  // Unreadable (a no-op as root: then it is simply scanned).
  auto locked = t.write("src/locked.js", "console.log(user.email);\n");
  fs::permissions(locked, fs::perms::none);
  // Many tiny files.
  int tiny = 100000;
  if (const char* env = std::getenv("POLICYSCAN_HOSTILE_FILES")) tiny = std::atoi(env);
  for (int i = 0; i < tiny; ++i) {
    auto dir = t.root() / "many" / std::to_string(i / 1000);
    if (i % 1000 == 0) fs::create_directories(dir);
    std::ofstream(dir / (std::to_string(i) + ".js")) << "x" << i << "();\n";
  }

  std::string root = shell_quote(t.root().string());
  auto inv = run_policyscan("inventory " + root + " --format json -q");
  CHECK(inv.code == 4);  // some files could not be scanned, and the exit code says so
  auto j = nlohmann::json::parse(inv.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  std::map<std::string, std::string> skipped;
  for (const auto& s : j["skipped"]) skipped[s["path"].get<std::string>()] = s["reason"].get<std::string>();
  CHECK(skipped["src/bundle.js"] == "too-large");
  CHECK(skipped["etc-link"] == "link-outside-root");
  CHECK(skipped["src/loop/back"] == "link-loop");
  std::map<std::string, std::string> problems;
  for (const auto& d : j["diagnostics"]) problems[d["path"].get<std::string>()] = d["code"].get<std::string>();
  CHECK(problems["src/binary.js"] == "binary");
  CHECK(problems["src/latin1.js"] == "invalid-utf8");
  CHECK(j["totals"]["files"].get<int>() >= tiny);

  auto scan = run_policyscan("scan " + root + " --policy " + shell_quote((t.root() / "privacy.yaml").string()) + " --format json -q");
  CHECK(scan.code == 1);
  auto s = nlohmann::json::parse(scan.out, nullptr, false);
  REQUIRE_FALSE(s.is_discarded());
  std::set<std::string> found;
  for (const auto& f : s["findings"]) found.insert(f["path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()));
  CHECK(found.count("src/healthy.js:2"));
  CHECK(found.count("src/weird name\n$(rm -rf ~) `x` ;|&.py:2"));
  CHECK(found.count("src/deep.js:1002"));
  CHECK(found.count("src/latin1.js:2"));
  // The shell characters in the file name did nothing: the home directory is still there.
  CHECK(fs::exists(std::getenv("HOME") ? std::getenv("HOME") : "/"));
  fs::permissions(locked, fs::perms::owner_all);
}
