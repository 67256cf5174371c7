#include <doctest/doctest.h>

#include "scanner/detect/mapping_loader.h"

using namespace ps;

static std::vector<Rule> load(const std::string& yaml, Diagnostics& d) { return load_rules_text(yaml, "m.yaml", d); }

TEST_CASE("a rule file with vendor defaults loads every field") {
  Diagnostics d;
  auto rules = load(R"(
vendor: {id: segment, category: analytics}
languages: [javascript, typescript]
rules:
  - id: segment.track
    kind: analytics-sdk
    categories: [user.behavior]
    classify: [1]
    retention: [{field: maxAge, unit: ms}, {arg: 2, unit: d}]
    match:
      calls: [analytics.track, '*.segment.track']
      hosts: [API.Segment.io]
)", d);
  REQUIRE(d.empty());
  REQUIRE(rules.size() == 1);
  const Rule& r = rules[0];
  CHECK(r.id == "segment.track");
  CHECK(r.recipient.id == "segment");
  CHECK(r.recipient.category == "analytics");
  CHECK(r.applies_to(Language::TypeScript));
  CHECK_FALSE(r.applies_to(Language::Python));
  CHECK_FALSE(r.classify.all_args);
  CHECK(r.classify.args == std::vector<int>{1});
  REQUIRE(r.retention.size() == 2);
  CHECK(r.retention[0].unit_seconds == doctest::Approx(0.001));
  CHECK(r.retention[1].unit_seconds == 86400);
  CHECK(r.hosts == std::vector<std::string>{"api.segment.io"});
  CHECK(r.line == 5);
}

TEST_CASE("mistakes are diagnostics with line and column, and other rules still load") {
  Diagnostics d;
  auto rules = load(R"(rules:
  - id: a
    kind: not-a-kind
    match: {calls: [x]}
  - id: b
    kind: cookie
    match: {callz: [x]}
  - id: c
    kind: cookie
    match: {calls: [ok.call]}
  - id: d
    kind: cookie
    match: {}
)", d);
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].id == "c");
  REQUIRE(d.size() == 3);
  CHECK(d[0].message.find("unknown kind 'not-a-kind'") != std::string::npos);
  CHECK(d[0].line == 3);
  CHECK(d[1].message.find("unknown key 'callz'") != std::string::npos);
  CHECK(d[1].line == 7);
  CHECK(d[1].column > 1);
  CHECK(d[2].message.find("matches nothing") != std::string::npos);
}

TEST_CASE("malformed YAML is one diagnostic at the right place") {
  Diagnostics d;
  auto rules = load("rules:\n  - id: a\n    kind: [unclosed\n", d);
  CHECK(rules.empty());
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "yaml");
  CHECK(d[0].line >= 3);
  CHECK(d[0].path == "m.yaml");
}

TEST_CASE("unknown languages and units are rejected") {
  Diagnostics d;
  load("languages: [cobol]\nrules: []\n", d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("cobol") != std::string::npos);
  d.clear();
  load("rules:\n  - {id: a, kind: retention, retention: [{arg: 0, unit: fortnights}], match: {calls: [x]}}\n", d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("unit") != std::string::npos);
}

TEST_CASE("except_hosts takes host names") {
  Diagnostics d;
  auto rules = load("rules:\n  - {id: a, kind: third-party-api, except_hosts: [WWW.W3.org], match: {hosts: ['*']}}\n", d);
  REQUIRE(rules.size() == 1);
  CHECK(d.empty());
  CHECK(rules[0].except_hosts == std::vector<std::string>{"www.w3.org"});
  load("rules:\n  - {id: b, kind: third-party-api, except_hosts: [www.apple.com/DTDs], match: {hosts: ['*']}}\n", d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.find("host names") != std::string::npos);
  CHECK(d[0].line == 2);
}

TEST_CASE("methods is shorthand for any-receiver calls") {
  Diagnostics d;
  auto rules = load(R"(rules:
  - id: log
    kind: log-field
    match:
      calls: [console.log]
      methods: [{on: [logger, this.log], names: [info, warn]}]
)", d);
  REQUIRE(d.empty());
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].calls == std::vector<std::string>{"console.log", "*.logger.info", "*.logger.warn", "*.this.log.info", "*.this.log.warn"});
}

TEST_CASE("patterns written with ::, -> or PHP namespaces are normalised like code paths") {
  Diagnostics d;
  auto rules = load(R"(rules:
  - id: sdk
    kind: analytics-sdk
    match:
      calls: ['Segment::Analytics.track', '$client->send', '\Stripe\Customer::create', '@sentry/react-native.setUser', '*.logger.info']
      assigns: ['$_SESSION->user']
)", d);
  REQUIRE(d.empty());
  REQUIRE(rules.size() == 1);
  CHECK(rules[0].calls == std::vector<std::string>{"Segment.Analytics.track", "$client.send", "Stripe.Customer.create",
                                                   "@sentry/react-native.setUser", "*.logger.info"});
  CHECK(rules[0].assigns == std::vector<std::string>{"$_SESSION.user"});
}
