#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scanner/draft/draft.h"
#include "scanner/draft/draft_eval.h"
#include "scanner/policy/policy_loader.h"

using namespace ps;
namespace fs = std::filesystem;

namespace {

const fs::path kMappings = fs::path(POLICYSCAN_SOURCE_DIR) / "mappings";
const fs::path kPolicies = fs::path(POLICYSCAN_SOURCE_DIR) / ".." / "shared" / "policies";

const Lexicon& lexicon() {
  static const Lexicon lx = [] {
    Diagnostics d;
    auto l = load_lexicon(kMappings / "lexicon" / "lexicon.yaml", d);
    REQUIRE(d.empty());
    return l;
  }();
  return lx;
}

const Taxonomy& taxonomy() {
  static const Taxonomy t = [] {
    Diagnostics d;
    auto t = Taxonomy::load(kMappings / "taxonomy", d);
    REQUIRE_FALSE(has_errors(d));
    return t;
  }();
  return t;
}

Draft draft_text(const std::string& text, ProseFormat f = ProseFormat::Text) {
  return draft_policy(split_sentences(extract_prose(text, f)), lexicon(), "t.txt");
}

const DraftStatement* first(const Draft& d, const std::string& section) {
  for (const auto& s : d.statements)
    if (s.section == section) return &s;
  return nullptr;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("HTML and TSX pages yield their prose with source lines; scripts and expressions do not") {
  auto lines = extract_prose("<html><head><script>var email = 1;</script></head>\n<body>\n<h1>Privacy</h1>\n<p>We collect your <b>email address</b>.</p>\n"
                             "<p>{t('hidden')} Cookies keep you logged in.</p></body></html>",
                             ProseFormat::Html);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].text == "Privacy");
  CHECK(lines[1].text == "We collect your email address .");
  CHECK(lines[1].line == 4);
  CHECK(lines[2].text == "Cookies keep you logged in.");
  CHECK(guess_prose_format("privacy.tsx", "") == ProseFormat::Html);
  CHECK(guess_prose_format("privacy.md", "") == ProseFormat::Markdown);
  auto md = extract_prose("## Data\nWe share it with [Stripe](https://stripe.com) for **payments**.\n", ProseFormat::Markdown);
  REQUIRE(md.size() == 2);
  CHECK(md[1].text == "We share it with Stripe for payments.");
}

TEST_CASE("sentences: numbered headings, bullets, abbreviations") {
  auto s = split_sentences(extract_prose("5. Sharing and Service Providers\nWe share data, e.g. logs. We never sell it.\n  • Push tokens.\n", ProseFormat::Text));
  REQUIRE(s.size() == 3);
  CHECK(s[0].section == "Sharing and Service Providers");
  CHECK(s[0].text == "We share data, e.g. logs.");
  CHECK(s[1].text == "We never sell it.");
  CHECK(s[2].text == "Push tokens.");
  CHECK(s[2].line == 3);
}

TEST_CASE("practices, recipients, negation and purposes from one sentence each") {
  auto d = draft_text("We receive your name and email address from Google.\nWe do not sell personal data to third parties.\n"
                      "Data accessed through these integrations is not used for advertising purposes.\n"
                      "OpenAssistant does not store or process full payment card information.\n");
  const auto* p = first(d, "practices");
  REQUIRE(p);
  CHECK(p->action == "collect");
  CHECK(p->data == std::vector<std::string>{"user.name", "user.contact.email"});
  CHECK(p->to == std::vector<std::string>{"google"});
  CHECK(p->line == 1);
  const auto* r = first(d, "recipients");
  REQUIRE(r);
  CHECK(r->id == "google");
  std::vector<const DraftStatement*> denials;
  for (const auto& s : d.statements)
    if (s.section == "denials") denials.push_back(&s);
  REQUIRE(denials.size() == 3);
  CHECK(denials[0]->action == "sell");
  CHECK(denials[0]->to == std::vector<std::string>{"third_party"});
  CHECK(denials[1]->purposes == std::vector<std::string>{"marketing.advertising"});
  CHECK(denials[2]->action == "store");
  CHECK(denials[2]->data == std::vector<std::string>{"user.financial.credit_card"});
  CHECK(denials[2]->quote == "OpenAssistant does not store or process full payment card information.");
}

TEST_CASE("retention periods and triggers") {
  auto d = draft_text("Message threads that are no longer active are deleted within approximately 30 days.\n"
                      "We retain account information for as long as an account remains active.\n"
                      "When you cancel your account, your data will be scheduled for deletion within 30 days.\n");
  std::vector<const DraftStatement*> r;
  for (const auto& s : d.statements)
    if (s.section == "retention") r.push_back(&s);
  REQUIRE(r.size() == 3);
  CHECK(r[0]->after == "thread_inactive");
  CHECK(r[0]->within == "P30D");
  CHECK(r[0]->data == std::vector<std::string>{"user.content.private.messages"});
  CHECK(r[1]->after == "account_closure");
  CHECK(r[1]->within.empty());
  CHECK(r[2]->after == "cancellation");
  CHECK(r[2]->data == std::vector<std::string>{"user"});
  CHECK(r[2]->low_confidence);  // no data named: all user data assumed, and said so
}

TEST_CASE("unsure statements are kept, marked low confidence with a comment") {
  auto d = draft_text("Sensitive stuff\nPush tokens and email.\n");
  const auto* p = first(d, "practices");
  REQUIRE(p);
  CHECK(p->low_confidence);
  std::string yaml = draft_yaml(d);
  CHECK(yaml.find("confidence: low  # unsure:") != std::string::npos);
}

TEST_CASE("a broken lexicon is a diagnostic with its place") {
  auto dir = fs::temp_directory_path() / "policyscan-lexicon-test.yaml";
  std::ofstream(dir) << "data:\n  user.name: [name\n";
  Diagnostics d;
  load_lexicon(dir, d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].line >= 2);
  fs::remove(dir);
}

TEST_CASE("the three real policies: each draft passes policy check and scores at least 0.9 against the hand-written model") {
  for (const std::string name : {"openassistant", "opencom", "assistly-ai"}) {
    CAPTURE(name);
    auto path = kPolicies / (name + ".txt");
    REQUIRE_MESSAGE(fs::exists(path), "the shared policies are expected beside the repository");
    std::string text = read(path);
    Draft d = draft_policy(split_sentences(extract_prose(text, ProseFormat::Text)), lexicon(), name + ".txt");
    LoadedPolicy drafted = load_policy_text(draft_yaml(d), "draft", taxonomy());
    for (const auto& x : drafted.diags)
      if (x.severity == Severity::Error) FAIL_CHECK(format_diagnostic(x));
    REQUIRE(drafted.ok());
    // Every statement cites a sentence of the text, at its line.
    for (const auto& s : d.statements) {
      auto lines = extract_prose(text, ProseFormat::Text);
      bool found = std::any_of(lines.begin(), lines.end(), [&](const ProseLine& l) {
        return l.line == s.line && l.text.find(s.quote.substr(0, 20)) != std::string::npos;
      });
      CHECK_MESSAGE(found, s.quote);
    }
    LoadedPolicy expected = load_policy(fs::path(POLICYSCAN_SOURCE_DIR) / "tests" / "draft" / "expected" / (name + ".yaml"), taxonomy());
    REQUIRE(expected.ok());
    DraftScore score = score_draft(drafted.model, expected.model, drafted.taxonomy);
    std::string detail;
    for (const auto& m : score.missing) detail += " missing: " + m;
    for (const auto& x : score.extra) detail += " extra: " + x;
    CHECK_MESSAGE(score.precision() >= 0.9, detail);
    CHECK_MESSAGE(score.recall() >= 0.9, detail);
  }
}
