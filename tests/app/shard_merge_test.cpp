// `scan --shard K/N` on each part, then `policyscan merge`: the merged
// report equals one full scan, whatever the rules that look at the whole
// repository (unbacked declarations, retention nothing enforces).
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/app/run_binary.h"
#include "tests/support/temp_tree.h"

using namespace ps::test;
using nlohmann::json;

namespace {

json parse_report(const RunResult& r) {
  INFO(r.err);
  auto j = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  j.erase("root");
  return j;
}

}  // namespace

TEST_CASE("the merged reports of N shards equal a full scan of every example app") {
  for (const char* app : {"openassistant", "opencom", "assistly"}) {
    CAPTURE(app);
    std::string dir = std::string(POLICYSCAN_SOURCE_DIR) + "/examples/" + app;
    std::string common = shell_quote(dir) + " --policy " + shell_quote(dir + "/privacy.yaml") + " --format json -q --fail-on none";
    json full = parse_report(run_policyscan("scan " + common));
    TempTree out;
    std::string reports;
    const int n = 3;
    std::size_t shard_points = 0;
    for (int k = 1; k <= n; ++k) {
      auto file = (out.root() / ("shard" + std::to_string(k) + ".json")).string();
      auto r = run_policyscan("scan " + common + " --shard " + std::to_string(k) + "/" + std::to_string(n) + " -o " + shell_quote(file));
      REQUIRE(r.code == 0);
      auto j = json::parse(std::ifstream(file));
      shard_points += j["points"].size();
      CHECK(j["summary"]["files_scanned"].get<std::size_t>() < full["summary"]["files_scanned"].get<std::size_t>());
      reports += " " + shell_quote(file);
    }
    CHECK(shard_points == full["points"].size());
    auto merged_run = run_policyscan("merge" + reports + " --root " + shell_quote(dir) + " --policy " +
                                     shell_quote(dir + "/privacy.yaml") + " --format json --fail-on none");
    REQUIRE(merged_run.code == 0);
    json merged = parse_report(merged_run);
    CHECK(merged["findings"] == full["findings"]);
    CHECK(merged["points"] == full["points"]);
    CHECK(merged["statements"] == full["statements"]);
    CHECK(merged["summary"] == full["summary"]);
    // The gate works on the merged result as on a scan.
    auto gate = run_policyscan("merge" + reports + " --root " + shell_quote(dir) + " --policy " + shell_quote(dir + "/privacy.yaml") +
                               " --fail-on warning --format sarif");
    CHECK(gate.code == 1);
    CHECK(gate.out.find("\"version\": \"2.1.0\"") != std::string::npos);
  }
}

TEST_CASE("merge refuses overlapping shards, other reports and broken files, naming the file") {
  std::string dir = std::string(POLICYSCAN_SOURCE_DIR) + "/examples/openassistant";
  TempTree out;
  auto file = (out.root() / "all.json").string();
  REQUIRE(run_policyscan("scan " + shell_quote(dir) + " --policy " + shell_quote(dir + "/privacy.yaml") +
                         " --format json -q --fail-on none -o " + shell_quote(file)).code == 0);
  std::string policy = " --root " + shell_quote(dir) + " --policy " + shell_quote(dir + "/privacy.yaml");
  auto twice = run_policyscan("merge " + shell_quote(file) + " " + shell_quote(file) + policy);
  CHECK(twice.code == 4);
  CHECK(twice.err.find("covers") != std::string::npos);
  auto junk = out.write("junk.json", "{\"schema\": \"something/else\"}");
  auto other = run_policyscan("merge " + shell_quote(junk.string()) + policy);
  CHECK(other.code == 4);
  CHECK(other.err.find(junk.string()) != std::string::npos);
  auto text = out.write("text.json", "not json");
  auto broken = run_policyscan("merge " + shell_quote(text.string()) + policy);
  CHECK(broken.code == 4);
  CHECK(broken.err.find("not JSON") != std::string::npos);
}
