#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <sstream>

#include "scanner/parse/parse.h"

using namespace ps;

namespace {
bool has_code(const Diagnostics& ds, const std::string& code) {
  for (const auto& d : ds)
    if (d.code == code) return true;
  return false;
}
}  // namespace

TEST_CASE("--file-timeout cancels a long parse, reports it, and the next parse starts afresh") {
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "function f" + std::to_string(i) + "(a) { return [a, {b: a + 1}]; }\n";
  ParseOptions opts;
  opts.file_timeout = 1e-6;
  Parsers parsers(opts);
  SourceFile f{"/nowhere/big.js", "big.js", Language::JavaScript, big.size()};
  ParsedFile slow = parsers.parse_text(f, big);
  CHECK_FALSE(slow.parsed);
  CHECK(slow.tree == nullptr);
  CHECK(slow.facts.facts.empty());
  REQUIRE(has_code(slow.diags, "timeout"));
  CHECK(slow.diags[0].severity == Severity::Error);

  // The cancelled parse must not leak into the next file on this thread.
  ParseOptions relaxed;
  relaxed.file_timeout = 60;
  Parsers enough(relaxed);
  std::string small = "analytics.track('signup', {email: user.email});\n";
  SourceFile g{"/nowhere/small.js", "small.js", Language::JavaScript, small.size()};
  ParsedFile ok = enough.parse_text(g, small);
  CHECK(ok.parsed);
  CHECK(ok.syntax_errors == 0);
  CHECK_FALSE(has_code(ok.diags, "timeout"));
  // The parser that timed out, on a file small enough to finish before its
  // first deadline check: without a reset it would resume the big file.
  ParsedFile again = parsers.parse_text(g, small);
  CHECK(again.parsed);
  CHECK(again.syntax_errors == 0);
  CHECK(again.facts.facts.size() == ok.facts.facts.size());
}

TEST_CASE("a Kotlin input on which the grammar's parse runs away (found by fuzzing) is stopped by the budget") {
  std::ifstream in(std::string(POLICYSCAN_SOURCE_DIR) + "/tests/fuzz/corpus/scan/kotlin-runaway-parse", std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str().substr(1);  // the fuzz target's first byte picks the language
  REQUIRE(text.size() > 1000);
  ParseOptions opts;
  opts.file_timeout = 1;
  Parsers parsers(opts);
  auto t0 = std::chrono::steady_clock::now();
  ParsedFile p = parsers.parse_text(SourceFile{"/nowhere/a.kt", "a.kt", Language::Kotlin, text.size()}, text);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK_FALSE(p.parsed);
  CHECK(has_code(p.diags, "timeout"));
  CHECK(secs < 30);  // cut off near the budget, not left to run (a generous bound: sanitizer builds are slow)
}
