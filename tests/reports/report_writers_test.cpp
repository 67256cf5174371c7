// The writers on a fixed report: exact Markdown, the JSON schemas, escaping.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "reports/escape.h"
#include "reports/inventory_report.h"
#include "reports/scan_report.h"

using namespace ps;

namespace {

ScanReport sample() {
  ScanReport r;
  r.tool_version = "0.1.0";
  r.root = "/repo";
  r.policy_file = "privacy.yaml";
  CollectionPoint p;
  p.path = "src/a.js";
  p.line = 3;
  p.column = 1;
  p.kind = "log-field";
  p.categories = {"user.contact.email"};
  p.recipient = {"we", ""};
  p.evidence = "console.log";
  p.snippet = "console.log(user.email)";
  p.mapping_id = "log.javascript";
  r.points.push_back(p);
  Finding f;
  f.rule = "personal-data-in-log";
  f.severity = Severity::Warning;
  f.message = "user.contact.email written to a log | <b>";
  f.fix = "redact it";
  f.path = "src/a.js";
  f.line = 3;
  f.column = 1;
  f.snippet = p.snippet;
  f.categories = p.categories;
  f.recipient = p.recipient;
  f.fingerprint = "abc";
  f.policy = PolicyRef{"privacy.yaml", 4, 5, "p1", "We collect your email."};
  r.findings.push_back(f);
  Finding s = f;
  s.line = 9;
  s.suppressed = true;
  s.suppression_reason = "masked";
  r.findings.push_back(s);
  r.files_scanned = 2;
  return r;
}

}  // namespace

TEST_CASE("markdown for a pull request comment is exact and escaped") {
  std::string md = report_markdown(sample());
  CHECK(md ==
        "### policyscan\n\n"
        "**0** errors, **1** warning, **0** notes (1 suppressed) across 1 collection points.\n\n"
        "| | Rule | Where | What | Policy |\n|---|---|---|---|---|\n"
        "| 🟠 | `personal-data-in-log` | `src/a.js:3` | user.contact.email written to a log \\| &lt;b&gt; | privacy.yaml:4 “We collect your email.” |\n");
}

TEST_CASE("scan JSON follows policyscan/scan/1") {
  auto j = nlohmann::json::parse(report_json(sample()));
  CHECK(j["schema"] == "policyscan/scan/1");
  CHECK(j["summary"]["warnings"] == 1);
  CHECK(j["summary"]["suppressed"] == 1);
  REQUIRE(j["findings"].size() == 2);
  const auto& f = j["findings"][0];
  for (const char* k : {"rule", "severity", "message", "fix", "path", "line", "column", "snippet", "kind", "categories", "recipient",
                        "mapping_id", "fingerprint", "suppressed", "policy"})
    CHECK_MESSAGE(f.contains(k), k);
  CHECK(f["policy"]["quote"] == "We collect your email.");
  CHECK(j["findings"][1]["suppression_reason"] == "masked");
  CHECK(j["points"][0]["mapping_id"] == "log.javascript");
}

TEST_CASE("inventory JSON follows policyscan/inventory/1 and survives invalid UTF-8") {
  Inventory inv;
  inv.root = "/r";
  inv.version = "0.1.0";
  inv.languages = {LanguageRow{"javascript", 2, 100, 1, 1, 0.5}};
  inv.skipped = {{"bad\xff.js", "binary"}};
  inv.diags.push_back(Diagnostic{Severity::Warning, "syntax-error", "a.js", 3, 7, "unexpected \xfe input"});
  auto j = nlohmann::json::parse(inventory_json(inv));
  CHECK(j["schema"] == "policyscan/inventory/1");
  CHECK(j["totals"]["files"] == 2);
  CHECK(j["totals"]["parse_errors"] == 1);
  CHECK(j["languages"][0]["language"] == "javascript");
  CHECK(j["skipped"][0]["path"] == "bad\xEF\xBF\xBD.js");
  CHECK(j["diagnostics"][0]["line"] == 3);
  CHECK(j["points"].is_array());
}

TEST_CASE("escaping: HTML metacharacters, control characters and markdown") {
  CHECK(html_escape("<script>alert('x')&\"</script>") == "&lt;script&gt;alert(&#39;x&#39;)&amp;&quot;&lt;/script&gt;");
  CHECK(html_escape(std::string("a\x1b[31mb", 7)) == "a[31mb");
  CHECK(markdown_escape("a|b `c` @team [x](y)") == "a\\|b \\`c\\` &#64;team \\[x\\](y)");
}

TEST_CASE("the text report hides notes unless asked and strips terminal escapes") {
  auto r = sample();
  r.findings[0].message = "evil \x1b]0;title\x07 message";
  Finding note;
  note.rule = "unbacked-declaration";
  note.severity = Severity::Note;
  note.message = "declared, never seen";
  note.path = "privacy.yaml";
  note.line = 2;
  r.findings.push_back(note);
  std::string t = report_text(r, false);
  CHECK(t.find("\x1b") == std::string::npos);
  CHECK(t.find("declared, never seen") == std::string::npos);
  CHECK(t.find("1 note not shown") != std::string::npos);
  CHECK(report_text(r, false, true).find("declared, never seen") != std::string::npos);
}
