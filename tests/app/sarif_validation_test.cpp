// SARIF that GitHub code scanning ingests: Microsoft's validator with the
// SARIF spec rules and GitHub's ingestion rules must report nothing.
#include <doctest/doctest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/app/required_tool.h"
#include "tests/app/run_binary.h"
#include "tests/support/temp_tree.h"

using namespace ps::test;

namespace {
const std::string kValidator = std::string(POLICYSCAN_TOOLS_DIR) + "/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";

// Results of the validator on a SARIF file: "RULE level" per problem.
std::vector<std::string> validate(const std::string& sarif, const TempTree& t) {
  std::string out = (t.root() / "validation.sarif").string();
  std::string cmd = shell_quote(kValidator) + " validate " + shell_quote(sarif) + " --rule-kind 'Sarif;Gh' --output " + shell_quote(out) +
                    " --log ForceOverwrite >/dev/null 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(out);
  auto j = nlohmann::json::parse(in, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  std::vector<std::string> problems;
  for (const auto& r : j["runs"][0]["results"])
    problems.push_back(r.value("ruleId", "?") + " " + r.value("level", "warning") + ": " +
                       r["message"].value("text", r["message"].dump()));
  return problems;
}
}  // namespace

TEST_CASE("the validator itself rejects a bad SARIF file (so a pass below means something)") {
  if (!require_tool(kValidator, "Sarif.Multitool")) return;
  TempTree t;
  auto bad = t.write("bad.sarif", R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///abs/a.js"}}}]}]}]})");
  CHECK_FALSE(validate(bad.string(), t).empty());
}

TEST_CASE("SARIF of every example app passes the SARIF and GitHub rules with no error and no warning") {
  if (!require_tool(kValidator, "Sarif.Multitool")) return;
  for (const std::string app : {"openassistant", "opencom", "assistly"}) {
    CAPTURE(app);
    TempTree t;
    std::string dir = std::string(POLICYSCAN_SOURCE_DIR) + "/examples/" + app;
    std::string sarif = (t.root() / (app + ".sarif")).string();
    auto r = run_policyscan("scan " + shell_quote(dir) + " --policy " + shell_quote(dir + "/privacy.yaml") +
                            " --format sarif --fail-on none -q -o " + shell_quote(sarif));
    REQUIRE(r.code == 0);
    auto problems = validate(sarif, t);
    std::string all;
    for (const auto& p : problems) all += p + "\n";
    CHECK_MESSAGE(problems.empty(), all);
    // What GitHub needs from us beyond validity.
    std::ifstream in(sarif);
    auto j = nlohmann::json::parse(in);
    const auto& run = j["runs"][0];
    for (const auto& rule : run["tool"]["driver"]["rules"]) {
      CHECK(rule["properties"]["security-severity"].is_string());
      CHECK(rule.contains("help"));
      CHECK(rule.contains("fullDescription"));
    }
    for (const auto& res : run["results"]) {
      CHECK(res["partialFingerprints"].contains("policyscanFingerprint/v1"));
      CHECK(res.contains("ruleId"));
    }
  }
}
