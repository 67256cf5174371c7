#include <doctest/doctest.h>

#include <algorithm>

#include "scanner/policy/policy_loader.h"
#include "tests/policy/shipped_taxonomy.h"

using namespace ps;
using ps::test::fixture;
using ps::test::shipped_taxonomy;

namespace {
std::vector<std::string> codes_for(const Diagnostics& ds, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& d : ds)
    if (d.message.find(text) != std::string::npos) out.push_back(d.code);
  return out;
}
}  // namespace

TEST_CASE("lints over a model: contradictions, overlaps, duplicate ids, unused recipients") {
  LoadedPolicy p = load_policy(fixture("lint.yaml"), shipped_taxonomy());
  const Diagnostics& d = p.diags;
  // s4 shares browsing history with ad networks; n3 forbids exactly that.
  CHECK(codes_for(d, "practice 's4' (share user.behavior.browsing_history) is forbidden by denial 'n3'") ==
        std::vector<std::string>{"contradiction"});
  // s4 names no purpose, so n4 (not for advertising) only narrows it.
  CHECK(codes_for(d, "practice 's4' (share user.behavior.browsing_history) overlaps denial 'n4'") == std::vector<std::string>{"overlap"});
  // s5 shares more than n3 covers, with any third party: narrowed, not forbidden.
  CHECK(codes_for(d, "practice 's5' (share user.behavior, user.name) overlaps denial 'n3'") == std::vector<std::string>{"overlap"});
  // The duplicate c1 logs contact data; n5 forbids logging email.
  CHECK(codes_for(d, "practice 'c1' (log user.contact) overlaps denial 'n5'") == std::vector<std::string>{"overlap"});
  CHECK(codes_for(d, "duplicate id 'c1' (first at line 7)") == std::vector<std::string>{"duplicate-id"});
  CHECK(codes_for(d, "recipient 'zendesk' is declared but no practice names it") == std::vector<std::string>{"unused-recipient"});
  // Consistent pairs stay quiet: collecting payment data while never storing
  // card numbers; sharing while never selling; disjoint recipients or purposes.
  CHECK(codes_for(d, "denial 'n1'").empty());
  CHECK(codes_for(d, "denial 'n2'").empty());
  CHECK(codes_for(d, "practice 's2'").empty());
  CHECK(codes_for(d, "practice 's1'").empty());
  CHECK(codes_for(d, "practice 's5' (share user.behavior, user.name) overlaps denial 'n4'").empty());
  CHECK(codes_for(d, "'stripe' is declared but").empty());
  CHECK(d.size() == 6);
  Diagnostic dup = *std::find_if(d.begin(), d.end(), [](const Diagnostic& x) { return x.code == "duplicate-id"; });
  CHECK(dup.severity == Severity::Error);
  CHECK(dup.line == 12);
  CHECK(dup.column == 5);
}

TEST_CASE("lint_policy works on a model built in code") {
  PolicyModel m;
  Practice p;
  p.id = "p";
  p.action = Action::Store;
  p.data = {"user.contact.email"};
  p.pos = {"m.yaml", 3, 5};
  Denial n;
  n.id = "n";
  n.action = Action::Collect;  // collecting covers storing
  n.data = {"user.contact"};
  n.pos = {"m.yaml", 9, 5};
  m.practices = {p};
  m.denials = {n};
  Diagnostics d = lint_policy(m, shipped_taxonomy());
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "contradiction");
  CHECK(d[0].line == 3);
  m.denials[0].action = Action::Log;  // a log denial says nothing about storing
  CHECK(lint_policy(m, shipped_taxonomy()).empty());
}
