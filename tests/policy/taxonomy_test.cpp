#include <doctest/doctest.h>

#include <algorithm>

#include "scanner/policy/taxonomy.h"
#include "tests/policy/shipped_taxonomy.h"
#include "tests/support/temp_tree.h"

using namespace ps;
using ps::test::shipped_taxonomy;

namespace {
bool mentions(const Diagnostics& ds, const std::string& text) {
  return std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.message.find(text) != std::string::npos; });
}
}  // namespace

TEST_CASE("the shipped taxonomy holds fideslang and our extensions") {
  const Taxonomy& t = shipped_taxonomy();
  for (const char* k : {"user", "user.contact.email", "user.device.ip_address", "user.device.cookie_id", "user.financial.bank_account",
                        "user.financial.credit_card", "user.content.private", "user.location.imprecise", "user.location.coarse",
                        "user.authorization.credentials", "user.unique_id", "user.health.baby_formula", "system.operations"})
    CHECK_MESSAGE(t.categories.known(k), k);
  for (const char* k : {"user.device.push_token", "user.content.private.messages", "user.content.private.calendar"})
    CHECK_MESSAGE(t.categories.known(k), k);
  std::size_t user_keys = 0;
  for (const auto& k : t.categories.keys()) user_keys += k.rfind("user.", 0) == 0;
  CHECK(user_keys >= 119);  // fideslang 3.2 keys plus the v2 keys they replaced, plus extensions
  CHECK(t.uses.known("essential.service.payment_processing"));
  CHECK(t.uses.known("marketing.advertising.third_party.targeted"));
  CHECK(t.uses.known("train_ai_system"));
  CHECK(t.subjects.known("customer"));
  CHECK(t.subjects.size() == 15);
  CHECK(t.recipients.covers("service_provider", "payment"));
  CHECK_FALSE(t.categories.known("user.contact.emial"));
}

TEST_CASE("a key covers itself and every key below it, never above or beside") {
  const Taxonomy& t = shipped_taxonomy();
  CHECK(t.categories.covers("user", "user.contact.email"));
  CHECK(t.categories.covers("user.contact", "user.contact.address.city"));
  CHECK(t.categories.covers("user.contact.email", "user.contact.email"));
  CHECK_FALSE(t.categories.covers("user.contact.email", "user.contact"));
  CHECK_FALSE(t.categories.covers("user.contact.email", "user.contact.phone_number"));
  CHECK_FALSE(t.categories.covers("user.financial.credit_card", "user.financial.card_last4"));  // siblings by design
  CHECK(t.categories.covers("user.content.private", "user.content.private.messages"));         // an extension sits under its parent
  CHECK(t.uses.covers("marketing", "marketing.advertising.first_party.targeted"));
  CHECK_FALSE(t.uses.covers("essential", "marketing.advertising"));
  // Unknown keys cover only themselves.
  CHECK(t.categories.covers("user.nope", "user.nope"));
  CHECK_FALSE(t.categories.covers("user", "user.nope"));
}

TEST_CASE("ancestors are the parent chain, nearest first") {
  const Taxonomy& t = shipped_taxonomy();
  CHECK(t.categories.ancestors("user.contact.address.city") == std::vector<std::string>{"user.contact.address", "user.contact", "user"});
  CHECK(t.categories.ancestors("user").empty());
  CHECK(t.categories.parent("user.device.push_token") == "user.device");
  CHECK(t.recipients.ancestors("analytics") == std::vector<std::string>{"service_provider", "third_party", "anyone"});
  CHECK(t.replaced.at("user.location.imprecise") == "user.location.coarse");
}

TEST_CASE("typos get the nearest key; short names the one key ending so") {
  const Taxonomy& t = shipped_taxonomy();
  CHECK(t.categories.suggest("user.contact.emial") == "user.contact.email");
  CHECK(t.categories.suggest("user.device.ipaddress") == "user.device.ip_address");
  CHECK(t.categories.suggest("email") == "user.contact.email");
  CHECK(t.categories.suggest("contact.email") == "user.contact.email");
  CHECK(t.uses.suggest("essential.service.payment_procesing") == "essential.service.payment_processing");
  CHECK(t.recipients.suggest("analitics") == "analytics");
  // "city" ends one key; "fingerprint" ends two (biometric and biometrics): no guess.
  CHECK(t.categories.suggest("city") == "user.contact.address.city");
  CHECK_FALSE(t.categories.suggest("fingerprint").has_value());
  CHECK_FALSE(t.categories.suggest("completely.unrelated.words").has_value());
  CHECK_FALSE(t.categories.suggest("").has_value());
}

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps of neighbours") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("emial", "email") == 1);
  CHECK(edit_distance("contcat", "contact") == 1);
  CHECK(edit_distance("ab", "ba") == 1);
  CHECK(edit_distance("abc", "ca") == 3);  // no substring is edited twice
}

TEST_CASE("tracking technologies map to the point kinds that are them") {
  const Taxonomy& t = shipped_taxonomy();
  CHECK(t.tracking_tech_of("cookie") == std::vector<std::string>{"cookie"});
  CHECK(t.tracking_tech_of("browser-storage") == std::vector<std::string>{"local_storage"});
  CHECK(t.tracking_tech_of("tracking-pixel") == std::vector<std::string>{"pixel", "web_beacon"});
  CHECK(t.tracking_tech_of("analytics-sdk") == std::vector<std::string>{"sdk"});
  CHECK(t.tracking_tech_of("persistence").empty());
  CHECK(t.tracking_tech.count("fingerprinting") == 1);
}

TEST_CASE("extensions: chains are added; cycles, unknown parents and redefinitions are reported where declared") {
  Taxonomy t = shipped_taxonomy();
  Diagnostics d;
  auto added = add_extensions(t,
                              {{"user.device.push_token.apns", "user.device.push_token", "p.yaml", 3, 3},
                               {"user.x.a", "user.x.b", "p.yaml", 4, 3},
                               {"user.x.b", "user.x.a", "p.yaml", 5, 3},
                               {"user.thing", "user.contcat", "p.yaml", 6, 3},
                               {"user.contact.email", "user.device", "p.yaml", 7, 3}},
                              d);
  REQUIRE(added.size() == 1);
  CHECK(added[0].key == "user.device.push_token.apns");
  CHECK(t.categories.covers("user.device", "user.device.push_token.apns"));
  REQUIRE(d.size() == 4);
  CHECK(mentions(d, "'user.x.a' is part of a cycle"));
  CHECK(mentions(d, "'user.x.b' is part of a cycle"));
  CHECK(mentions(d, "unknown parent 'user.contcat' (did you mean 'user.contact'?)"));
  CHECK(mentions(d, "'user.contact.email' is already a category under 'user.contact'"));
  for (const auto& x : d) {
    CHECK(x.path == "p.yaml");
    CHECK(x.line >= 4);
    CHECK(x.column == 3);
  }
  CHECK_FALSE(t.categories.known("user.x.a"));
}

TEST_CASE("an extension may sit under another extension declared after it") {
  Taxonomy t = shipped_taxonomy();
  Diagnostics d;
  auto added = add_extensions(t, {{"user.a.b.c", "user.a.b", "p", 1, 1}, {"user.a.b", "user.account", "p", 2, 1}}, d);
  CHECK(d.empty());
  CHECK(added.size() == 2);
  CHECK(t.categories.covers("user.account", "user.a.b.c"));
}

TEST_CASE("a broken taxonomy directory gives positioned diagnostics, not a crash") {
  ps::test::TempTree dir;
  dir.write("data_categories.yaml",
            "schema: policyscan-taxonomy/1\n"
            "data_categories:\n"
            "  - {fides_key: user}\n"
            "  - {fides_key: user.a, parent: user.zzz}\n"
            "  - {fides_key: user.b, parent: user.c}\n"
            "  - {fides_key: user.c, parent: user.b}\n"
            "  - {fides_key: user}\n"
            "  - [not, a, map]\n");
  dir.write("data_uses.yaml", "data_uses: [\n  {fides_key: x\n");  // unterminated
  dir.write("extensions.yaml", "extensions:\n  - {fides_key: user.y, parent: user}\n");
  dir.write("recipients.yaml", "recipients: {anyone: null, we: anyone, odd: nowhere}\ntracking_tech: {cookie: [cookie, not-a-kind]}\n");
  Diagnostics d;
  Taxonomy t = Taxonomy::load(dir.root(), d);
  auto at = [&](const std::string& text) {
    for (const auto& x : d)
      if (x.message.find(text) != std::string::npos) return x;
    FAIL("no diagnostic mentions " << text);
    return Diagnostic{};
  };
  CHECK(at("unknown parent 'user.zzz'").line == 4);
  CHECK(at("'user.b' is part of a cycle").line == 5);
  CHECK(at("'user' is listed twice").line == 7);
  CHECK(at("an entry is a map").line == 8);
  CHECK(at("needs a 'why'").line == 2);
  CHECK(at("unknown parent 'nowhere'").line == 1);
  CHECK(at("not a point kind").column > 1);
  Diagnostic yaml = at("end of map flow not found");
  CHECK(yaml.path.find("data_uses.yaml") != std::string::npos);
  CHECK(yaml.line >= 1);
  CHECK(mentions(d, "data_subjects.yaml") == false);  // the missing file is reported by path, not message
  CHECK(std::any_of(d.begin(), d.end(), [](const Diagnostic& x) { return x.path.find("data_subjects.yaml") != std::string::npos; }));
  CHECK(t.categories.known("user.y"));
  CHECK(t.tracking_tech.at("cookie") == std::vector<std::string>{"cookie"});
}
