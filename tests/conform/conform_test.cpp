#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "scanner/conform/conform.h"
#include "scanner/policy/policy_loader.h"
#include "tests/policy/shipped_taxonomy.h"

using namespace ps;
using ps::test::shipped_taxonomy;

namespace {

// The policy every case starts from; each statement on its own line so
// PolicyRefs can be checked by line.
const char* kPolicy = R"(schema: policyscan/1
recipients:
  - {id: stripe, category: payment, match: [stripe, stripe.com], quote: "Payments go to Stripe.", line: 5}
  - {id: analytics_providers, category: analytics}
  - {id: zendesk, category: support, match: [zendesk]}
practices:
  - {id: c1, do: collect, data: [user.name, user.contact.email], for: [essential.service], quote: "We collect your name and email."}
  - {id: s1, do: share, data: [user.financial], to: [stripe]}
  - {id: s2, do: share, data: [user.behavior, user.content], to: [analytics_providers, support]}
  - {id: l1, do: log, data: [user.device.ip_address]}
  - {id: k1, do: store, data: [user.content, user.device.cookie_id, user.account]}
denials:
  - {id: n1, do: store, data: [user.financial.bank_account], quote: "We never store bank account numbers."}
  - {id: n2, do: share, data: [user.behavior], to: [ad_network]}
  - {id: n3, do: use, data: [user.contact], for: [marketing.advertising]}
  - {id: n4, do: sell, data: [user], to: [third_party]}
retention:
  - {id: r1, data: [user.content], after: thread_inactive, within: P30D, quote: "Deleted 30 days after a thread goes quiet."}
  - {id: r2, data: [user.content, user.account], after: collection, within: P1Y}
  - {id: r3, data: [user.account], after: account_closure, within: P7D}
tracking: {tech: [local_storage, web_beacon, sdk], by: [we, analytics_providers]}
)";

struct Scan {
  LoadedPolicy policy;
  ConformResult result;
};

LoadedPolicy load(const std::string& yaml) {
  LoadedPolicy p = load_policy_text(yaml, "privacy.yaml", shipped_taxonomy());
  for (const auto& d : p.diags) CHECK_MESSAGE(d.severity != Severity::Error, format_diagnostic(d));
  return p;
}

CollectionPoint point(std::string kind, std::vector<std::string> cats, Recipient to = {"we", ""}, int line = 10) {
  CollectionPoint p;
  p.path = "src/app.ts";
  p.line = line;
  p.column = 3;
  p.kind = std::move(kind);
  p.categories = std::move(cats);
  p.recipient = std::move(to);
  p.snippet = "code();";
  p.mapping_id = "test." + p.kind;
  return p;
}

ConformResult run(const LoadedPolicy& p, const std::vector<CollectionPoint>& points, bool strict = false) {
  return conform(points, p.model, p.taxonomy, ConformOptions{strict});
}

// Findings at code (the policy's own unbacked notes left out).
std::vector<Finding> at_code(const ConformResult& r) {
  std::vector<Finding> out;
  for (const auto& f : r.findings)
    if (f.rule != "unbacked-declaration") out.push_back(f);
  return out;
}

std::vector<std::string> rules(const ConformResult& r) {
  std::vector<std::string> out;
  for (const auto& f : at_code(r)) out.push_back(f.rule);
  return out;
}

const Finding& only(const ConformResult& r, const std::string& rule) {
  static const Finding none;
  const Finding* hit = nullptr;
  for (const auto& f : r.findings)
    if (f.rule == rule) {
      CHECK_MESSAGE(hit == nullptr, "more than one " << rule);
      hit = &f;
    }
  REQUIRE_MESSAGE(hit != nullptr, "no " << rule);
  return hit ? *hit : none;
}

using Rules = std::vector<std::string>;

}  // namespace

TEST_CASE("conforming points give no findings and back the statements they match") {
  LoadedPolicy p = load(kPolicy);
  auto r = run(p, {point("form-input", {"user.contact.email", "user.name"}),
                   point("third-party-api", {"user.financial.credit_card"}, {"stripe", "payment"}),
                   point("analytics-sdk", {"user.behavior"}, {"mixpanel", "analytics"}),
                   point("log-field", {"user.device.ip_address"}),
                   point("browser-storage", {"user.device.cookie_id"}),
                   point("persistence", {"user.content.private"}),
                   point("retention", {"user.content.private"}),
                   point("form-input", {"system.operations"})});  // not personal data
  CHECK(rules(r).empty());
  auto backing = [&](const std::string& id) {
    for (const auto& b : r.statements)
      if (b.id == id) return b.points;
    return std::vector<std::size_t>{99};
  };
  CHECK(backing("c1") == std::vector<std::size_t>{0});
  CHECK(backing("s1") == std::vector<std::size_t>{1});
  CHECK(backing("stripe") == std::vector<std::size_t>{1});
  CHECK(backing("analytics_providers") == std::vector<std::size_t>{2});
  CHECK(backing("l1") == std::vector<std::size_t>{3});
  CHECK(backing("r1") == std::vector<std::size_t>{});  // no lifetime read from code yet
}

TEST_CASE("broken-promise: a point a denial covers, with the denial cited") {
  LoadedPolicy p = load(kPolicy);
  auto r = run(p, {point("persistence", {"user.financial.bank_account"}, {"we", ""}, 42)});
  CHECK(rules(r) == Rules{"broken-promise"});
  const Finding& f = only(r, "broken-promise");
  CHECK(f.severity == Severity::Error);
  CHECK(f.path == "src/app.ts");
  CHECK(f.line == 42);
  CHECK(f.categories == std::vector<std::string>{"user.financial.bank_account"});
  CHECK(f.message.find("src/app.ts:42") != std::string::npos);
  CHECK(f.message.find("denial 'n1'") != std::string::npos);
  REQUIRE(f.policy.has_value());
  CHECK(f.policy->statement_id == "n1");
  CHECK(f.policy->file == "privacy.yaml");
  CHECK(f.policy->line == 13);
  CHECK(f.policy->column == 5);
  CHECK(f.policy->quote == "We never store bank account numbers.");
  CHECK_FALSE(f.fingerprint.empty());

  // Collecting the same data (a form field) is not storing it: n1 holds, but no practice discloses it.
  CHECK(rules(run(p, {point("form-input", {"user.financial.bank_account"})})) == Rules{"undisclosed-collection"});
}

TEST_CASE("broken-promise through recipients and purposes; sales are never claimed from code") {
  LoadedPolicy p = load(kPolicy);
  // n2: behaviour never shared with ad networks.
  auto ads = run(p, {point("tracking-pixel", {"user.behavior"}, {"doubleclick", "ad_network"})});
  CHECK(rules(ads) == Rules{"broken-promise", "undisclosed-recipient"});
  CHECK(only(ads, "broken-promise").policy->statement_id == "n2");
  CHECK(rules(run(p, {point("analytics-sdk", {"user.behavior"}, {"mixpanel", "analytics"})})).empty());
  // n3: contact data never used for advertising; an ad network implies that use.
  auto email_to_ads = run(p, {point("third-party-api", {"user.contact.email"}, {"meta_ads", "ad_network"})});
  CHECK(only(email_to_ads, "broken-promise").policy->statement_id == "n3");
  // Support tools imply no advertising: not broken (only undisclosed, as s2 shares no contact data).
  CHECK(rules(run(p, {point("third-party-api", {"user.contact.email"}, {"zendesk", "support"})})) == Rules{"undisclosed-collection"});
  // n4 (no sale) never matches a share: code cannot show a sale.
  for (const auto& f : email_to_ads.findings) CHECK(!(f.policy && f.policy->statement_id == "n4"));
}

TEST_CASE("undisclosed-collection names the categories and the nearest practice") {
  LoadedPolicy p = load(kPolicy);
  auto r = run(p, {point("form-input", {"user.contact.email", "user.contact.phone_number", "user.demographic.gender"})});
  CHECK(rules(r) == Rules{"undisclosed-collection"});
  const Finding& f = only(r, "undisclosed-collection");
  CHECK(f.severity == Severity::Warning);
  CHECK(f.categories == std::vector<std::string>{"user.contact.phone_number", "user.demographic.gender"});
  CHECK(f.fix.find("disclose user.contact.phone_number, user.demographic.gender in the policy") != std::string::npos);
  REQUIRE(f.policy.has_value());
  CHECK(f.policy->statement_id == "c1");  // user.contact is the nearest thing the policy says
  CHECK(f.policy->quote == "We collect your name and email.");
  // A category with no relative in any practice cites nothing.
  auto alone = run(p, {point("form-input", {"user.health.condition"})});
  CHECK_FALSE(only(alone, "undisclosed-collection").policy.has_value());
}

TEST_CASE("vague-disclosure: covered only through a root key is a note") {
  LoadedPolicy p = load(R"(schema: policyscan/1
practices:
  - {id: all, do: collect, data: [user], quote: "We collect information about you."}
  - {id: c1, do: collect, data: [user.contact.email]}
)");
  auto r = run(p, {point("device-info", {"user.device.device_id", "user.contact.email"})});
  CHECK(rules(r) == Rules{"vague-disclosure"});
  const Finding& f = only(r, "vague-disclosure");
  CHECK(f.severity == Severity::Note);
  CHECK(f.categories == std::vector<std::string>{"user.device.device_id"});  // email is named specifically
  CHECK(f.policy->statement_id == "all");
  CHECK(f.message.find("only as the whole of 'user'") != std::string::npos);
}

TEST_CASE("undisclosed-recipient: vendors not named, categories not declared, strict mode") {
  LoadedPolicy p = load(kPolicy);
  auto ai = run(p, {point("third-party-api", {"user.content.private"}, {"openai", "ai"})});
  CHECK(rules(ai) == Rules{"undisclosed-recipient"});
  const Finding& f = only(ai, "undisclosed-recipient");
  CHECK(f.recipient.id == "openai");
  CHECK(f.message.find("openai (ai)") != std::string::npos);
  CHECK(f.fix.find("disclose openai") != std::string::npos);
  CHECK_FALSE(f.policy.has_value());  // no recipient of that category to cite

  // Another payment vendor: stripe is named with `match`, so it covers only itself; cite it as the nearest.
  auto braintree = run(p, {point("third-party-api", {"user.financial"}, {"braintree", "payment"})});
  CHECK(only(braintree, "undisclosed-recipient").policy->statement_id == "stripe");
  // A host under a matched domain is the named vendor.
  CHECK(rules(run(p, {point("third-party-api", {"user.financial"}, {"api.stripe.com", "third_party"})})).empty());

  // Analytics vendors are declared as a category: covered, unless strict.
  auto mixpanel = point("analytics-sdk", {"user.behavior"}, {"mixpanel", "analytics"});
  CHECK(rules(run(p, {mixpanel})).empty());
  auto strict = run(p, {mixpanel}, true);
  CHECK(rules(strict) == Rules{"undisclosed-recipient"});
  CHECK(only(strict, "undisclosed-recipient").message.find("strict") != std::string::npos);
  // Strict still accepts vendors named by id or match.
  CHECK(rules(run(p, {point("third-party-api", {"user.content"}, {"zendesk", "support"})}, true)).empty());
  CHECK(rules(run(p, {point("third-party-api", {"user.financial"}, {"stripe", "payment"})}, true)).empty());
}

TEST_CASE("undisclosed-tracking: the point's technology must be listed") {
  LoadedPolicy p = load(kPolicy);
  auto cookie = run(p, {point("cookie", {"user.device.cookie_id"})});
  CHECK(rules(cookie) == Rules{"undisclosed-tracking"});
  const Finding& f = only(cookie, "undisclosed-tracking");
  CHECK(f.message.find("(cookie)") != std::string::npos);
  CHECK(f.policy->statement_id == "tracking");
  CHECK(f.policy->line == 21);
  // local_storage, web_beacon (a pixel) and sdk are listed.
  CHECK(rules(run(p, {point("browser-storage", {"user.device.cookie_id"}), point("tracking-pixel", {}, {"meta", "analytics"}),
                      point("analytics-sdk", {}, {"mixpanel", "analytics"})}))
            .empty());
  // Without a tracking section nothing is disclosed, and nothing is cited.
  LoadedPolicy bare = load("schema: policyscan/1\n");
  auto r = run(bare, {point("browser-storage", {})});
  CHECK(rules(r) == Rules{"undisclosed-tracking"});
  CHECK_FALSE(only(r, "undisclosed-tracking").policy.has_value());
}

TEST_CASE("personal-data-in-log unless a log practice covers it") {
  LoadedPolicy p = load(kPolicy);
  auto r = run(p, {point("log-field", {"user.contact.email", "user.device.ip_address", "system.operations"})});
  CHECK(rules(r) == Rules{"personal-data-in-log"});
  const Finding& f = only(r, "personal-data-in-log");
  CHECK(f.categories == std::vector<std::string>{"user.contact.email"});  // l1 discloses logging IPs; system data is not personal
  CHECK(f.policy->statement_id == "c1");                                  // collected, but not disclosed as logged
  CHECK(rules(run(p, {point("log-field", {"user.device.ip_address"})})).empty());
}

TEST_CASE("retention-exceeds-policy: the tightest rule exceeded, only for triggers a TTL can measure") {
  LoadedPolicy p = load(kPolicy);
  auto ttl = [](std::vector<std::string> cats, std::int64_t seconds) {
    auto pt = point("retention", std::move(cats));
    pt.retention_seconds = seconds;
    return pt;
  };
  auto r = run(p, {ttl({"user.content.private"}, 90 * 86400)});
  CHECK(rules(r) == Rules{"retention-exceeds-policy"});
  const Finding& f = only(r, "retention-exceeds-policy");
  CHECK(f.policy->statement_id == "r1");
  CHECK(f.message.find("90 days") != std::string::npos);
  CHECK(f.message.find("P30D") != std::string::npos);
  CHECK(f.fix.find("30 days or less") != std::string::npos);
  // Two years exceeds r1 and r2: one finding, citing the tighter r1.
  auto both = run(p, {ttl({"user.content.private"}, 730 * 86400)});
  CHECK(only(both, "retention-exceeds-policy").policy->statement_id == "r1");
  // Within the limit, or equal to it: fine.
  CHECK(rules(run(p, {ttl({"user.content.private"}, 30 * 86400)})).empty());
  CHECK(rules(run(p, {ttl({"user.content.private"}, 7 * 86400)})).empty());
  // r3 counts from account closure: a 30-day session is not measured against it; r2 (1 year) is.
  CHECK(rules(run(p, {ttl({"user.account"}, 30 * 86400)})).empty());
  CHECK(only(run(p, {ttl({"user.account"}, 400 * 86400)}), "retention-exceeds-policy").policy->statement_id == "r2");
  // A lifetime of data on the device is compared too.
  auto cookie = point("browser-storage", {"user.account"});
  cookie.retention_seconds = 2 * 365 * 86400;
  CHECK(rules(run(p, {cookie})) == Rules{"retention-exceeds-policy"});
}

TEST_CASE("retention-not-enforced: stored data a rule bounds, with no lifetime or cleanup in code") {
  LoadedPolicy p = load(R"(schema: policyscan/1
practices:
  - {id: k1, do: store, data: [user.content]}
retention:
  - {id: r1, data: [user.content], after: thread_inactive, within: P30D}
  - {id: r2, data: [user.content], after: account_closure}
)");
  auto stored = point("persistence", {"user.content.private"}, {"we", ""}, 7);
  auto r = run(p, {stored});
  CHECK(rules(r) == Rules{"retention-not-enforced"});
  const Finding& f = only(r, "retention-not-enforced");
  CHECK(f.line == 7);
  CHECK(f.policy->statement_id == "r1");  // r2 has no time limit to enforce
  CHECK(f.categories == std::vector<std::string>{"user.content"});
  // A cleanup job (a retention point, lifetime unknown) or a TTL anywhere enforces it.
  CHECK(rules(run(p, {stored, point("retention", {"user.content"})})).empty());
  auto with_ttl = stored;
  with_ttl.retention_seconds = 86400;
  CHECK(rules(run(p, {with_ttl})).empty());
  // Collected but not stored: nothing to delete.
  LoadedPolicy c = load("schema: policyscan/1\npractices: [{id: c, do: collect, data: [user.content]}]\nretention: [{id: r, data: [user.content], within: P1D}]\n");
  CHECK(rules(run(c, {point("form-input", {"user.content"})})).empty());
}

TEST_CASE("unbacked-declaration: practices and recipients nothing backs, at their policy line") {
  LoadedPolicy p = load(kPolicy);
  auto r = run(p, {point("form-input", {"user.contact.email"})});
  std::vector<std::string> ids;
  for (const auto& f : r.findings) {
    REQUIRE(f.rule == "unbacked-declaration");
    CHECK(f.severity == Severity::Note);
    CHECK(f.path == "privacy.yaml");
    CHECK(f.line == f.policy->line);
    ids.push_back(f.policy->statement_id);
  }
  std::sort(ids.begin(), ids.end());
  // c1 is backed; denials, retention and tracking need no code.
  CHECK(ids == std::vector<std::string>{"analytics_providers", "k1", "l1", "s1", "s2", "stripe", "zendesk"});
}

TEST_CASE("a retention point is a lifetime, not a collection") {
  LoadedPolicy p = load("schema: policyscan/1\n");
  auto pt = point("retention", {"user.contact.email"});
  pt.retention_seconds = 60;
  CHECK(rules(run(p, {pt})).empty());
}

TEST_CASE("a track practice covers tracking technologies") {
  LoadedPolicy p = load(R"(schema: policyscan/1
recipients: [{id: analytics, category: analytics}]
practices:
  - {id: t1, do: track, data: [user.behavior], to: [analytics]}
tracking: {tech: [sdk, cookie]}
)");
  CHECK(rules(run(p, {point("analytics-sdk", {"user.behavior.browsing_history"}, {"mixpanel", "analytics"})})).empty());
  CHECK(rules(run(p, {point("cookie", {"user.behavior"})})).empty());
  CHECK(rules(run(p, {point("form-input", {"user.behavior"})})) == Rules{"undisclosed-collection"});
}

TEST_CASE("a collect practice naming a party discloses calls to that party, and no other") {
  LoadedPolicy p = load(R"(schema: policyscan/1
recipients:
  - {id: google, category: connected_service, match: [google, googleapis.com]}
  - {id: slack, category: connected_service, match: [slack]}
practices:
  - {id: connected, do: collect, data: [user.content.private], to: [google]}
  - {id: c1, do: collect, data: [user.contact.email]}
)");
  CHECK(rules(run(p, {point("third-party-api", {"user.content.private.calendar"}, {"google", "connected_service"})})).empty());
  CHECK(rules(run(p, {point("third-party-api", {"user.content.private"}, {"slack", "connected_service"})})) == Rules{"undisclosed-collection"});
  // A collect practice without `to:` says nothing about sending data anywhere.
  CHECK(rules(run(p, {point("third-party-api", {"user.contact.email"}, {"google", "connected_service"})})) == Rules{"undisclosed-collection"});
}

TEST_CASE("findings come in a deterministic order whatever the point order") {
  LoadedPolicy p = load(kPolicy);
  std::vector<CollectionPoint> pts = {point("cookie", {"user.health.condition"}, {"we", ""}, 30),
                                      point("form-input", {"user.contact.phone_number"}, {"we", ""}, 5),
                                      point("persistence", {"user.financial.bank_account"}, {"we", ""}, 5),
                                      point("third-party-api", {"user.content"}, {"openai", "ai"}, 12)};
  auto a = run(p, pts);
  std::reverse(pts.begin(), pts.end());
  auto b = run(p, pts);
  REQUIRE(a.findings.size() == b.findings.size());
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    CHECK(a.findings[i].rule == b.findings[i].rule);
    CHECK(a.findings[i].fingerprint == b.findings[i].fingerprint);
  }
  auto code = at_code(a);
  CHECK(std::is_sorted(code.begin(), code.end(), [](const Finding& x, const Finding& y) { return std::tie(x.line, x.rule) < std::tie(y.line, y.rule); }));
  CHECK(rules(a) == Rules{"broken-promise", "undisclosed-collection", "undisclosed-recipient", "undisclosed-collection", "undisclosed-tracking"});
}

TEST_CASE("fingerprints ignore line moves and change with the code") {
  LoadedPolicy p = load(kPolicy);
  auto at = [&](int line, std::string snippet) {
    auto pt = point("form-input", {"user.health.condition"}, {"we", ""}, line);
    pt.snippet = std::move(snippet);
    return only(run(p, {pt}), "undisclosed-collection").fingerprint;
  };
  CHECK(at(10, "form.health") == at(99, "form.health"));
  CHECK(at(10, "form.health") == at(10, "form.health   "));  // whitespace is normalised
  CHECK(at(10, "form.health") != at(10, "form.illness"));
}
