// The CI gate: baselines, diff mode, inline suppressions and the repository
// configuration file, each on a small repository the test builds.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/app/run_binary.h"
#include "tests/support/temp_tree.h"

using namespace ps::test;
using nlohmann::json;

namespace {

const char* kPolicy = R"(schema: policyscan/1
policy: {controller: Acme, product: Acme}
practices:
  - {id: account, do: collect, data: [user.contact.email], for: [essential.service], quote: "We collect your email."}
)";

const char* kApp = R"(export function signup(user) {
  saveUser(user);
}
)";

json scan_json(const TempTree& t, const std::string& extra, int* code = nullptr) {
  auto r = run_policyscan("scan " + shell_quote(t.root().string()) + " -q --format json " + extra);
  if (code) *code = r.code;
  INFO(r.err);
  auto j = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

std::vector<std::string> active(const json& j) {
  std::vector<std::string> out;
  for (const auto& f : j["findings"])
    if (!f["suppressed"].get<bool>() && f["severity"] != "note")
      out.push_back(f["rule"].get<std::string>() + " " + f["path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()));
  return out;
}

void git(const TempTree& t, const std::string& args) {
  std::string cmd = "git -C " + shell_quote(t.root().string()) + " -c user.name=t -c user.email=t@example.com " + args + " >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
}

}  // namespace

TEST_CASE("a baseline hides known findings, lets new ones through and reports stale entries") {
  TempTree t;
  t.write("privacy.yaml", kPolicy);
  t.write("src/app.js", "export function f(user) {\n  console.log(user.phoneNumber);\n}\n");
  auto bl = (t.root() / "baseline.json").string();
  auto created = run_policyscan("baseline create " + shell_quote(t.root().string()) + " --policy " +
                                shell_quote((t.root() / "privacy.yaml").string()) + " -q --reason adoption -o " + shell_quote(bl));
  REQUIRE(created.code == 0);
  std::string policy = " --policy " + shell_quote((t.root() / "privacy.yaml").string());
  int code = -1;
  auto j = scan_json(t, policy + " --baseline " + shell_quote(bl), &code);
  CHECK(active(j).empty());
  CHECK(code == 0);
  CHECK(j["stale_baseline"].empty());
  // The known finding moves down two lines: still known (content fingerprint).
  t.write("src/app.js", "// moved\n\nexport function f(user) {\n  console.log(user.phoneNumber);\n}\n");
  CHECK(active(scan_json(t, policy + " --baseline " + shell_quote(bl))).empty());
  // A new violation is reported; the old one fixed becomes stale.
  t.write("src/app.js", "export function f(user) {\n  console.log(user.dateOfBirth);\n}\n");
  j = scan_json(t, policy + " --baseline " + shell_quote(bl), &code);
  CHECK(active(j) == std::vector<std::string>{"personal-data-in-log src/app.js:2"});
  CHECK(j["stale_baseline"].size() == 1);
  CHECK(code == 1);
}

TEST_CASE("diff mode reports only what the change introduced, and everything when the policy changed") {
  TempTree t;
  git(t, "init -q");
  t.write("privacy.yaml", kPolicy);
  t.write("src/old.js", "export function f(user) {\n  console.log(user.phoneNumber);\n}\n");
  git(t, "add -A");
  git(t, "commit -q -m base");
  t.write("src/new.js", "export function g(user) {\n  console.log(user.dateOfBirth);\n}\n");
  std::string policy = " --policy " + shell_quote((t.root() / "privacy.yaml").string());
  auto j = scan_json(t, policy + " --diff-base HEAD");
  CHECK(active(j) == std::vector<std::string>{"personal-data-in-log src/new.js:2"});
  CHECK(j["summary"]["files_scanned"] == 1);  // only the changed file was scanned
  TempTree cache;
  j = scan_json(t, policy + " --diff-base HEAD --cache " + shell_quote(cache.root().string()));
  CHECK(active(j) == std::vector<std::string>{"personal-data-in-log src/new.js:2"});
  CHECK(j["summary"]["files_scanned"] == 2);  // with a cache the whole tree is judged
  // An edit above the old finding does not make it new.
  t.write("src/old.js", "// comment\nexport function f(user) {\n  console.log(user.phoneNumber);\n}\n");
  j = scan_json(t, policy + " --diff-base HEAD");
  CHECK(active(j) == std::vector<std::string>{"personal-data-in-log src/new.js:2"});
  git(t, "add -A");
  git(t, "commit -q -m more");
  t.write("privacy.yaml", std::string(kPolicy) + "# reviewed\n");
  j = scan_json(t, policy + " --diff-base HEAD");
  CHECK(active(j).size() == 2);  // the policy changed: a full check
  int code = 0;
  auto bad = run_policyscan("scan " + shell_quote(t.root().string()) + policy + " -q --diff-base no-such-rev");
  code = bad.code;
  CHECK(code == 2);
  CHECK(bad.err.find("no-such-rev") != std::string::npos);
}

TEST_CASE("diff mode of changed files only does not judge retention it cannot see") {
  const char* policy_text = R"(schema: policyscan/1
policy: {controller: Acme, product: Acme}
practices:
  - {id: profile, do: store, data: [user.contact.email], for: [essential.service], quote: "We store your email."}
retention:
  - {id: profile-ttl, data: [user.contact.email], within: P30D, quote: "Profiles expire after 30 days."}
)";
  const char* expiring = "import Redis from 'ioredis';\nconst redis = new Redis();\nexport async function bound(user) {\n"
                         "  await redis.setex(`profile:${user.id}`, 86400, JSON.stringify({ email: user.email }));\n}\n";
  const char* storing = "import Redis from 'ioredis';\nconst redis = new Redis();\nexport async function remember(user) {\n"
                        "  await redis.set(`profile:${user.id}`, JSON.stringify({ email: user.email }));\n}\n";
  TempTree t;
  git(t, "init -q");
  t.write("privacy.yaml", policy_text);
  t.write("src/expire.js", expiring);
  git(t, "add -A");
  git(t, "commit -q -m base");
  t.write("src/store.js", storing);
  std::string policy = " --policy " + shell_quote((t.root() / "privacy.yaml").string());
  auto has_rule = [](const json& j, const std::string& rule) {
    for (const auto& f : j["findings"])
      if (f["rule"] == rule) return true;
    return false;
  };
  // The whole tree: the TTL in expire.js enforces the rule.
  CHECK_FALSE(has_rule(scan_json(t, policy + " --fail-on none"), "retention-not-enforced"));
  // Only the changed file: the TTL is out of sight, so the rule is not judged.
  json partial = scan_json(t, policy + " --fail-on none --diff-base HEAD");
  CHECK(partial["summary"]["files_scanned"] == 1);
  CHECK_FALSE(has_rule(partial, "retention-not-enforced"));
  // Control: without the TTL anywhere, the rule does fire on that line.
  std::filesystem::remove(t.root() / "src/expire.js");
  CHECK(has_rule(scan_json(t, policy + " --fail-on none"), "retention-not-enforced"));
}

TEST_CASE("diff mode works in a shallow clone once the base is fetched") {
  TempTree origin, clone_parent;
  git(origin, "init -q -b main");
  origin.write("privacy.yaml", kPolicy);
  origin.write("src/old.js", "export function f(user) {\n  console.log(user.phoneNumber);\n}\n");
  git(origin, "add -A");
  git(origin, "commit -q -m base");
  git(origin, "branch base");
  origin.write("src/new.js", "export function g(user) {\n  console.log(user.dateOfBirth);\n}\n");
  git(origin, "add -A");
  git(origin, "commit -q -m change");
  auto clone = clone_parent.root() / "clone";
  std::string cmd = "git clone -q --depth 1 file://" + origin.root().string() + " " + shell_quote(clone.string()) + " >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string policy = " --policy " + shell_quote((clone / "privacy.yaml").string());
  // Before the base is fetched the revision is unknown: a usage error, never a silent pass.
  auto missing = run_policyscan("scan " + shell_quote(clone.string()) + policy + " -q --diff-base origin/base");
  CHECK(missing.code == 2);
  cmd = "git -C " + shell_quote(clone.string()) + " fetch -q --depth 1 origin base:refs/remotes/origin/base >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  auto r = run_policyscan("scan " + shell_quote(clone.string()) + policy + " -q --format json --diff-base origin/base");
  INFO(r.err);
  auto j = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(active(j) == std::vector<std::string>{"personal-data-in-log src/new.js:2"});
}

TEST_CASE("inline suppressions need a rule and a reason; valid ones become SARIF suppressions") {
  TempTree t;
  t.write("privacy.yaml", kPolicy);
  t.write("src/app.js",
          "export function f(user) {\n"
          "  // policyscan-ignore personal-data-in-log: masked by the log shipper\n"
          "  console.log(user.phoneNumber);\n"
          "  console.log(user.dateOfBirth); // policyscan-ignore personal-data-in-log\n"
          "}\n");
  std::string policy = " --policy " + shell_quote((t.root() / "privacy.yaml").string());
  auto j = scan_json(t, policy);
  auto a = active(j);
  CHECK(std::find(a.begin(), a.end(), "personal-data-in-log src/app.js:3") == a.end());
  CHECK(std::find(a.begin(), a.end(), "personal-data-in-log src/app.js:4") != a.end());  // no reason: not suppressed
  CHECK(std::find(a.begin(), a.end(), "invalid-suppression src/app.js:4") != a.end());
  auto sarif = run_policyscan("scan " + shell_quote(t.root().string()) + policy + " -q --format sarif");
  auto s = json::parse(sarif.out);
  int suppressed = 0;
  for (const auto& r : s["runs"][0]["results"])
    if (r.contains("suppressions")) {
      ++suppressed;
      CHECK(r["suppressions"][0]["justification"] == "masked by the log shipper");
    }
  CHECK(suppressed == 1);
}

TEST_CASE(".policyscan.yaml gives the policy, excludes and fail-on; the command line wins") {
  TempTree t;
  t.write("docs/privacy.yaml", kPolicy);
  t.write("src/app.js", "export function f(user) {\n  console.log(user.phoneNumber);\n}\n");
  t.write("fixtures/x.js", "console.log(user.dateOfBirth);\n");
  t.write(".policyscan.yaml", "policy: docs/privacy.yaml\nexclude: [fixtures]\nfail_on: error\n");
  int code = -1;
  auto j = scan_json(t, "", &code);
  CHECK(active(j) == std::vector<std::string>{"personal-data-in-log src/app.js:2"});
  CHECK(code == 0);  // fail_on: error, and this is a warning
  scan_json(t, "--fail-on warning", &code);
  CHECK(code == 1);
  t.write(".policyscan.yaml", "policy: docs/privacy.yaml\nfail_onn: error\n");
  auto bad = run_policyscan("scan " + shell_quote(t.root().string()) + " -q");
  CHECK(bad.code == 3);
  CHECK(bad.err.find(".policyscan.yaml:2:1") != std::string::npos);
}
