#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "scanner/policy/policy_loader.h"
#include "tests/policy/shipped_taxonomy.h"
#include "tests/support/temp_tree.h"

using namespace ps;
using ps::test::fixture;
using ps::test::shipped_taxonomy;

namespace {

LoadedPolicy load_fixture(const std::string& name) { return load_policy(fixture(name), shipped_taxonomy()); }

// The one diagnostic whose message contains text (fails the test if none).
Diagnostic find(const Diagnostics& ds, const std::string& text) {
  for (const auto& d : ds)
    if (d.message.find(text) != std::string::npos) return d;
  std::string all;
  for (const auto& d : ds) all += format_diagnostic(d) + "\n";
  FAIL("no diagnostic contains \"" << text << "\"; got:\n" << all);
  return {};
}

std::size_t count(const Diagnostics& ds, Severity s) {
  return static_cast<std::size_t>(std::count_if(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.severity == s; }));
}

}  // namespace

TEST_CASE("a complete policy model loads with every statement and its position") {
  LoadedPolicy p = load_fixture("valid.yaml");
  for (const auto& d : p.diags) CHECK_MESSAGE(d.severity == Severity::Note, format_diagnostic(d));
  REQUIRE(p.ok());
  const PolicyModel& m = p.model;
  CHECK(m.controller == "Example Inc.");
  CHECK(m.source == "privacy.txt");
  CHECK(m.extensions.at("user.device.beacon_id") == "user.device");
  CHECK(p.taxonomy.categories.covers("user.device", "user.device.beacon_id"));
  CHECK_FALSE(shipped_taxonomy().categories.known("user.device.beacon_id"));  // the base taxonomy is untouched

  REQUIRE(m.recipients.size() == 2);
  CHECK(m.recipients[0].id == "stripe");
  CHECK(m.recipients[0].match == std::vector<std::string>{"stripe", "api.stripe.com"});
  CHECK(m.recipients[0].text_line == 12);
  CHECK(m.recipients[0].pos.file == fixture("valid.yaml"));
  CHECK(m.recipients[0].pos.line == 7);
  CHECK(m.recipients[0].pos.column == 5);

  REQUIRE(m.practices.size() == 3);
  CHECK(m.practices[0].action == Action::Collect);
  CHECK(m.practices[0].data == std::vector<std::string>{"user.name", "user.contact.email"});
  CHECK(m.practices[0].purposes == std::vector<std::string>{"essential.service"});
  CHECK(m.practices[0].quote == "We collect your name and email.");
  CHECK(m.practices[1].to == std::vector<std::string>{"stripe"});
  CHECK(m.practices[2].id == "t1");
  CHECK(m.practices[2].action == Action::Track);
  CHECK(m.practices[2].low_confidence);
  CHECK(m.practices[2].pos.line == 12);  // a block map starts at its first key
  CHECK(m.practices[2].pos.column == 5);

  REQUIRE(m.denials.size() == 3);
  CHECK(m.denials[1].action == Action::Sell);
  CHECK(m.denials[1].to == std::vector<std::string>{"third_party"});
  CHECK(m.denials[2].purposes == std::vector<std::string>{"marketing.advertising"});

  REQUIRE(m.retention.size() == 2);
  CHECK(m.retention[0].after == "thread_inactive");
  CHECK(m.retention[0].within_seconds == 30 * 86400);
  CHECK(m.retention[0].within_text == "P30D");
  CHECK(m.retention[1].after == "account_closure");
  CHECK_FALSE(m.retention[1].within_seconds.has_value());

  CHECK(m.tracking.declared);
  CHECK(m.tracking.tech.size() == 5);
  CHECK(m.tracking.by == std::vector<std::string>{"we", "analytics_providers"});
  CHECK(m.tracking.pos.line == 24);
  CHECK(m.children.min_age == 13);
  CHECK(m.children.text_line == 70);
  // The only note: t1 was drafted with low confidence.
  CHECK(find(p.diags, "low confidence").line == 12);
}

TEST_CASE("malformed YAML is one diagnostic at the parser's line and column") {
  LoadedPolicy p = load_fixture("bad_yaml.yaml");
  REQUIRE(p.diags.size() == 1);
  CHECK(p.diags[0].code == "yaml");
  CHECK(p.diags[0].path == fixture("bad_yaml.yaml"));
  CHECK(p.diags[0].line == 3);
  CHECK(p.diags[0].column > 1);
  CHECK_FALSE(p.ok());
}

TEST_CASE("wrong types are reported where they are") {
  LoadedPolicy p = load_fixture("wrong_types.yaml");
  CHECK_FALSE(p.ok());
  CHECK(find(p.diags, "'policy' is a map").line == 2);
  CHECK(find(p.diags, "'recipients' must be a list").line == 3);
  CHECK(find(p.diags, "a practice entry is a map").line == 5);
  CHECK(find(p.diags, "'data' must be a list").line == 6);
  CHECK(find(p.diags, "'line' must be a number").line == 6);
  CHECK(find(p.diags, "'do' must be a string").line == 7);
  CHECK(find(p.diags, "'data' entries must be strings").line == 7);
  CHECK(find(p.diags, "'within' must be an ISO-8601 duration").line == 9);
  CHECK(find(p.diags, "'tracking' is a map").line == 10);
  CHECK(find(p.diags, "'min_age' must be a number").line == 11);
  for (const auto& d : p.diags) CHECK(d.column >= 1);
}

TEST_CASE("unknown keys are errors with a suggestion") {
  LoadedPolicy p = load_fixture("unknown_keys.yaml");
  Diagnostic polcy = find(p.diags, "unknown key 'polcy' in policy model (did you mean 'policy'?)");
  CHECK(polcy.line == 2);
  CHECK(polcy.column == 1);
  Diagnostic purpose = find(p.diags, "unknown key 'purpose' in practice (did you mean 'for'?)");
  CHECK(purpose.line == 4);
  CHECK(purpose.column == 46);
  CHECK(find(p.diags, "unknown key 'qoute' in practice (did you mean 'quote'?)").line == 5);
  CHECK(find(p.diags, "unknown key 'categry' in recipient (did you mean 'category'?)").line == 7);
  CHECK(find(p.diags, "recipient 'stripe' needs a 'category'").line == 7);
}

TEST_CASE("unknown taxonomy keys, recipients, actions, triggers, durations and technologies") {
  LoadedPolicy p = load_fixture("unknown_terms.yaml");
  CHECK(find(p.diags, "unknown recipient category 'payments' (did you mean 'payment'?)").line == 3);
  CHECK(find(p.diags, "'do' must be one of").line == 5);
  Diagnostic emial = find(p.diags, "unknown data category 'user.contact.emial' (did you mean 'user.contact.email'?)");
  CHECK(emial.line == 5);
  CHECK(emial.column == 33);  // the list item itself
  Diagnostic deprecated = find(p.diags, "'user.location.imprecise' is deprecated in fideslang; use 'user.location.coarse'");
  CHECK(deprecated.severity == Severity::Warning);
  CHECK(find(p.diags, "unknown purpose 'essential.servce' (did you mean 'essential.service'?)").line == 5);
  CHECK(find(p.diags, "unknown recipient 'strype' (did you mean 'stripe'?)").line == 6);
  CHECK(find(p.diags, "unknown recipient 'advertisers'").line == 6);
  CHECK(find(p.diags, "unknown trigger 'closure'").line == 8);
  CHECK(find(p.diags, "got '30 days'").line == 8);
  CHECK(find(p.diags, "got 'P1DT'").line == 9);
  CHECK(find(p.diags, "unknown tracking technology 'cookies' (did you mean 'cookie'?)").line == 10);
  CHECK(find(p.diags, "unknown recipient 'analytics_provider'").line == 10);
  // Diagnostics come sorted by position.
  CHECK(std::is_sorted(p.diags.begin(), p.diags.end(),
                       [](const Diagnostic& a, const Diagnostic& b) { return std::tie(a.line, a.column) < std::tie(b.line, b.column); }));
}

TEST_CASE("extensions: cycles and unknown parents are errors; valid chains load") {
  LoadedPolicy p = load_fixture("extension_cycle.yaml");
  CHECK(find(p.diags, "'user.custom.a' is part of a cycle").line == 3);
  CHECK(find(p.diags, "'user.custom.b' is part of a cycle").line == 4);
  CHECK(find(p.diags, "unknown parent 'user.devise' (did you mean 'user.device'?)").line == 5);
  CHECK(p.model.extensions.count("user.device.token") == 1);
  CHECK(p.model.extensions.count("user.ok.child") == 1);
  CHECK(find(p.diags, "'user.ok.child' should be named under its parent").severity == Severity::Warning);
  // The practice using the valid extensions has no unknown category.
  for (const auto& d : p.diags) CHECK(d.message.find("unknown data category") == std::string::npos);
}

TEST_CASE("schema, root and file problems") {
  const Taxonomy& t = shipped_taxonomy();
  CHECK(find(load_policy_text("practices: []\n", "p.yaml", t).diags, "'schema' must be policyscan/1").line == 1);
  CHECK(find(load_policy_text("schema: policyscan/2\n", "p.yaml", t).diags, "got 'policyscan/2'").column == 9);
  CHECK(find(load_policy_text("- a\n- b\n", "p.yaml", t).diags, "a policy model is a map").line == 1);
  CHECK_FALSE(load_policy_text("", "p.yaml", t).ok());
  LoadedPolicy missing = load_policy(fixture("does_not_exist.yaml"), t);
  REQUIRE(missing.diags.size() == 1);
  CHECK(missing.diags[0].message.find("cannot read") != std::string::npos);
  CHECK(load_policy_text("schema: policyscan/1\n", "p.yaml", t).ok());  // every section is optional
}

TEST_CASE("huge files are refused before parsing") {
  std::string big = "schema: policyscan/1\n# ";
  big.append(8u << 20, 'x');
  LoadedPolicy p = load_policy_text(big, "big.yaml", shipped_taxonomy());
  REQUIRE(p.diags.size() == 1);
  CHECK(p.diags[0].message.find("limit is 8 MiB") != std::string::npos);
  ps::test::TempTree dir;
  LoadedPolicy f = load_policy(dir.write("big.yaml", big), shipped_taxonomy());
  REQUIRE(f.diags.size() == 1);
  CHECK(f.diags[0].message.find("over 8 MiB") != std::string::npos);
}

TEST_CASE("deep nesting is refused, not a stack overflow") {
  const Taxonomy& t = shipped_taxonomy();
  std::string flow = "schema: policyscan/1\npractices: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  CHECK(find(load_policy_text(flow, "flow.yaml", t).diags, "nests deeper").line == 0);
  std::string block = "schema: policyscan/1\npractices:\n";
  for (int i = 0; i < 2000; ++i) block += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- \n";
  CHECK(find(load_policy_text(block, "block.yaml", t).diags, "nests deeper").line == 0);
  // Brackets inside quotes are text, not nesting.
  std::string quoted = "schema: policyscan/1\npractices:\n  - {id: c1, do: collect, data: [user.name], quote: \"" + std::string(500, '[') + "\"}\n";
  CHECK(load_policy_text(quoted, "q.yaml", t).ok());
}

TEST_CASE("too many statements are refused") {
  std::string yaml = "schema: policyscan/1\npractices:\n";
  for (int i = 0; i < 10001; ++i) yaml += "  - {id: p" + std::to_string(i) + ", do: collect, data: [user.name]}\n";
  LoadedPolicy p = load_policy_text(yaml, "many.yaml", shipped_taxonomy());
  CHECK(find(p.diags, "the limit is 10000").line == 1);
  CHECK(p.model.practices.empty());
}

TEST_CASE("the bundled example policies load without errors") {
  for (const char* ex : {"assistly", "openassistant", "opencom"}) {
    LoadedPolicy p = load_policy(std::string(POLICYSCAN_SOURCE_DIR) + "/examples/" + ex + "/privacy.yaml", shipped_taxonomy());
    for (const auto& d : p.diags) CHECK_MESSAGE(d.severity != Severity::Error, format_diagnostic(d));
    CHECK(!p.model.practices.empty());
    CHECK(count(p.diags, Severity::Error) == 0);
  }
}
