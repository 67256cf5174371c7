// Exit codes and errors as a CI gate sees them.
#include <doctest/doctest.h>

#include "tests/app/run_binary.h"
#include "tests/support/temp_tree.h"

using namespace ps::test;

namespace {
const std::string kExamples = std::string(POLICYSCAN_SOURCE_DIR) + "/examples/";
std::string scan_args(const std::string& app, const std::string& extra) {
  return "scan " + shell_quote(kExamples + app) + " --policy " + shell_quote(kExamples + app + "/privacy.yaml") + " -q " + extra;
}
}  // namespace

TEST_CASE("--fail-on decides the exit code") {
  CHECK(run_policyscan(scan_args("openassistant", "--fail-on error")).code == 1);  // it has errors
  CHECK(run_policyscan(scan_args("opencom", "--fail-on error")).code == 0);        // warnings only
  CHECK(run_policyscan(scan_args("opencom", "--fail-on warning")).code == 1);
  CHECK(run_policyscan(scan_args("opencom", "--fail-on none")).code == 0);
}

TEST_CASE("usage errors exit 2, policy errors 3, a missing root 2 with a message") {
  CHECK(run_policyscan("scan --no-such-flag").code == 2);
  CHECK(run_policyscan("frobnicate").code == 2);
  TempTree t;
  t.write("bad.yaml", "schema: policyscan/1\npractices:\n  - {id: a, do: colect, data: [user.contact.emial]}\n");
  auto r = run_policyscan("scan " + shell_quote(kExamples + "opencom") + " --policy " + shell_quote((t.root() / "bad.yaml").string()) + " -q");
  CHECK(r.code == 3);
  CHECK(r.err.find("bad.yaml:3:") != std::string::npos);
  CHECK(r.err.find("user.contact.email") != std::string::npos);  // the suggestion
  auto missing = run_policyscan("inventory /nonexistent/dir");
  CHECK(missing.code == 2);
}

TEST_CASE("policy check validates the examples and rejects a broken model with its place") {
  CHECK(run_policyscan("policy check " + shell_quote(kExamples + "openassistant/privacy.yaml")).code == 0);
  TempTree t;
  t.write("p.yaml", "schema: policyscan/1\nrecipients: [{id: x, category: anlytics}]\n");
  auto r = run_policyscan("policy check " + shell_quote((t.root() / "p.yaml").string()));
  CHECK(r.code == 3);
  CHECK(r.err.find("p.yaml:2:") != std::string::npos);
}

TEST_CASE("outputs are written atomically to the named file") {
  TempTree t;
  auto out = (t.root() / "report.sarif").string();
  auto r = run_policyscan(scan_args("opencom", "--format sarif --fail-on none -o " + shell_quote(out)));
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  std::ifstream in(out);
  std::string first;
  std::getline(in, first);
  CHECK(first == "{");
  // No temporary file is left behind.
  int files = 0;
  for (auto& e : std::filesystem::directory_iterator(t.root())) { (void)e; ++files; }
  CHECK(files == 1);
}

TEST_CASE("a drafted model drives a scan of the matching example end to end") {
  TempTree t;
  auto model = (t.root() / "drafted.yaml").string();
  std::string policy = std::string(POLICYSCAN_SOURCE_DIR) + "/../shared/policies/openassistant.txt";
  auto d = run_policyscan("policy draft " + shell_quote(policy) + " -o " + shell_quote(model));
  REQUIRE(d.code == 0);
  auto r = run_policyscan("scan " + shell_quote(kExamples + "openassistant") + " --policy " + shell_quote(model) + " --format json -q");
  CHECK(r.code == 1);  // the example breaks the real policy: findings, not errors
  CHECK(r.out.find("\"broken-promise\"") != std::string::npos);  // "does not store full payment card information"
}

TEST_CASE("--profile names the slowest files and the busiest mappings; --file-timeout reports what it gave up") {
  auto r = run_policyscan(scan_args("openassistant", "--fail-on none --profile"));
  CHECK(r.code == 0);
  CHECK(r.err.find("slowest files") != std::string::npos);
  CHECK(r.err.find("web/") != std::string::npos);
  CHECK(r.err.find("mappings with the most points") != std::string::npos);
  TempTree t;
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "function f" + std::to_string(i) + "(a) { return [a, {b: a + 1}]; }\n";
  t.write("big.js", big);
  t.write("small.py", "import logging\nlogging.info(user.email)\n");
  auto slow = run_policyscan("inventory " + shell_quote(t.root().string()) + " -q --file-timeout 0.000001 --format json");
  CHECK(slow.code == 4);  // a file was not scanned: never a silent pass
  CHECK(slow.out.find("\"timeout\"") != std::string::npos);
  CHECK(slow.out.find("big.js") != std::string::npos);
  auto bad = run_policyscan("inventory " + shell_quote(t.root().string()) + " -q --shard 3/2");
  CHECK(bad.code == 2);
  CHECK(bad.err.find("--shard 3/2") != std::string::npos);
}
