// The incremental cache (--cache DIR): a second scan reuses unchanged
// files, sees every changed one, and gives the same report as no cache.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "scanner/app/scan_cache.h"
#include "tests/app/run_binary.h"
#include "tests/support/temp_tree.h"

using namespace ps;
using namespace ps::test;
using nlohmann::json;

namespace {

json inventory(const TempTree& repo, const std::string& extra, std::string* err = nullptr) {
  auto r = run_policyscan("inventory " + shell_quote(repo.root().string()) + " -q --format json " + extra);
  if (err) *err = r.err;
  INFO(r.err);
  auto j = json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

std::vector<std::string> evidence(const json& j) {
  std::vector<std::string> out;
  for (const auto& p : j["points"]) out.push_back(p["path"].get<std::string>() + ":" + std::to_string(p["line"].get<int>()) + " " + p["mapping_id"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("a cached rescan equals a fresh scan, and a changed file is scanned again") {
  TempTree repo, cache;
  repo.write("src/track.js", "import posthog from 'posthog-js';\nposthog.capture('signup', {email: user.email});\n");
  repo.write("src/log.py", "import logging\nlogging.info('user %s', user.email)\n");
  std::string with_cache = "--profile --cache " + shell_quote(cache.root().string());
  std::string err;
  json first = inventory(repo, with_cache, &err);
  CHECK(err.find("0 from the cache") != std::string::npos);
  auto cache_file = std::filesystem::directory_iterator(cache.root())->path();
  auto written = std::filesystem::last_write_time(cache_file);
  json second = inventory(repo, with_cache, &err);
  CHECK(err.find("2 from the cache") != std::string::npos);
  CHECK(std::filesystem::last_write_time(cache_file) == written);  // nothing changed: not written again
  json fresh = inventory(repo, "");
  CHECK(evidence(second) == evidence(fresh));
  CHECK(second["points"] == fresh["points"]);
  CHECK(second["diagnostics"] == fresh["diagnostics"]);
  REQUIRE_FALSE(evidence(first).empty());

  // Same size, new content: the hash sees it even where a timestamp might not.
  repo.write("src/log.py", "import logging\nlogging.info('user %s', user.phone)\n");
  json edited = inventory(repo, with_cache, &err);
  CHECK(err.find("1 from the cache") != std::string::npos);
  CHECK(edited["points"] == inventory(repo, "")["points"]);
  CHECK(edited["points"] != second["points"]);

  // A deleted file's points disappear.
  std::filesystem::remove(repo.root() / "src/track.js");
  json removed = inventory(repo, with_cache);
  CHECK(removed["points"] == inventory(repo, "")["points"]);
}

TEST_CASE("a corrupt cache is reported and rebuilt; the scan is still right") {
  TempTree repo, cache;
  repo.write("a.js", "localStorage.setItem('email', user.email);\n");
  std::string opt = "--cache " + shell_quote(cache.root().string());
  json first = inventory(repo, opt);
  REQUIRE(std::distance(std::filesystem::directory_iterator(cache.root()), std::filesystem::directory_iterator()) == 1);
  auto file = std::filesystem::directory_iterator(cache.root())->path();
  std::ofstream(file, std::ios::binary | std::ios::trunc) << "\x93garbage";
  std::string err;
  json again = inventory(repo, opt, &err);
  CHECK(err.find("cache-corrupt") != std::string::npos);
  CHECK(again["points"] == first["points"]);
  json third = inventory(repo, opt, &err);
  CHECK(err.find("cache-corrupt") == std::string::npos);
}

TEST_CASE("the cache key changes with the mapping library and the parse settings") {
  TempTree mappings, root;
  mappings.write("detect/a.yaml", "rules: []\n");
  ScanOptions opts;
  opts.parse.root = root.root();
  opts.discover.root = root.root();
  std::string k1 = scan_cache_key(mappings.root(), opts);
  CHECK(k1 == scan_cache_key(mappings.root(), opts));
  mappings.write("detect/a.yaml", "rules: [] # edited\n");
  std::string k2 = scan_cache_key(mappings.root(), opts);
  CHECK(k2 != k1);
  opts.parse.max_bytes = 1000;
  CHECK(scan_cache_key(mappings.root(), opts) != k2);
  opts.parse.max_bytes = ParseOptions{}.max_bytes;
  root.write("compile_commands.json", "[]");
  CHECK(scan_cache_key(mappings.root(), opts) != k2);
}

TEST_CASE("the cache file round-trips every field, and a foreign key reads as empty") {
  TempTree dir;
  FileScan s;
  s.parsed = true;
  s.syntax_errors = 2;
  CollectionPoint p;
  p.path = "a.js";
  p.line = 3;
  p.column = 5;
  p.language = Language::Tsx;
  p.kind = "cookie";
  p.categories = {"user.contact.email"};
  p.recipient = {"stripe", "payment"};
  p.evidence = "document.cookie";
  p.snippet = "document.cookie = x";
  p.mapping_id = "cookie.document";
  p.retention_seconds = 86400;
  p.detail = "sid";
  s.points.push_back(p);
  s.suppressions.push_back(Suppression{2, 4, "personal-data-in-log", "hashed"});
  s.diags.push_back(Diagnostic{Severity::Warning, "syntax-error", "a.js", 7, 1, "1 syntax error"});
  ScanCache c("key-1");
  c.put("a.js", content_hash("text"), s);
  auto file = dir.root() / "c.msgpack";
  REQUIRE(c.save(file).empty());
  Diagnostics diags;
  ScanCache back = ScanCache::load(file, "key-1", diags);
  CHECK(diags.empty());
  const FileScan* hit = back.find("a.js", content_hash("text"));
  REQUIRE(hit);
  CHECK(back.find("a.js", content_hash("other text")) == nullptr);
  CHECK(hit->parsed);
  CHECK(hit->syntax_errors == 2);
  REQUIRE(hit->points.size() == 1);
  const auto& q = hit->points[0];
  CHECK(q.language == Language::Tsx);
  CHECK(q.retention_seconds == 86400);
  CHECK(q.detail == "sid");
  CHECK(q.recipient.id == "stripe");
  CHECK(q.categories == p.categories);
  REQUIRE(hit->suppressions.size() == 1);
  CHECK(hit->suppressions[0].reason == "hashed");
  REQUIRE(hit->diags.size() == 1);
  CHECK(hit->diags[0].line == 7);
  CHECK(ScanCache::load(file, "key-2", diags).size() == 0);
  // Files that timed out are never cached: more time may finish them.
  FileScan timed_out;
  timed_out.diags.push_back(Diagnostic{Severity::Error, "timeout", "b.js", 0, 0, "not scanned"});
  c.put("b.js", content_hash("b"), timed_out);
  CHECK(c.find("b.js", content_hash("b")) == nullptr);
}
