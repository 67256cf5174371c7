#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <thread>

#include "scanner/classify/datatypes.h"

using namespace ps;

namespace {
const DataTypeClassifier& shipped() {
  static const auto c = [] {
    Diagnostics d;
    auto c = DataTypeClassifier::load(std::string(POLICYSCAN_SOURCE_DIR) + "/mappings/datatypes.yaml", d);
    for (const auto& x : d) FAIL_CHECK(format_diagnostic(x));
    return c;
  }();
  REQUIRE(c != nullptr);
  return *c;
}
bool has(const std::vector<std::string>& v, const std::string& c) { return std::find(v.begin(), v.end(), c) != v.end(); }
}  // namespace

TEST_CASE("name_form splits words and keeps the last two segments") {
  CHECK(name_form("userEmail") == "user_email");
  CHECK(name_form("req.body.emailAddress") == "body.email_address");
  CHECK(name_form("USER_PHONE") == "user_phone");
  CHECK(name_form("$this->x") == "this_x");
}

TEST_CASE("common personal-data names are classified") {
  const auto& c = shipped();
  CHECK(has(c.classify_name("email"), "user.contact.email"));
  CHECK(has(c.classify_name("user.emailAddress"), "user.contact.email"));
  CHECK(has(c.classify_name("customer_email"), "user.contact.email"));
  CHECK(has(c.classify_name("phoneNumber"), "user.contact.phone_number"));
  CHECK(has(c.classify_name("firstName"), "user.name"));
  CHECK(has(c.classify_name("user.name"), "user.name"));
  CHECK(has(c.classify_name("req.ip"), "user.device.ip_address"));
  CHECK(has(c.classify_name("x-forwarded-for"), "user.device.ip_address"));
  CHECK(has(c.classify_name("pushToken"), "user.device.push_token"));
  CHECK(has(c.classify_name("expoPushToken"), "user.device.push_token"));
  CHECK(has(c.classify_name("cardNumber"), "user.financial.credit_card"));
  CHECK(has(c.classify_name("last4"), "user.financial.card_last4"));
  CHECK_FALSE(has(c.classify_name("last4"), "user.financial.credit_card"));
  CHECK(has(c.classify_name("password"), "user.authorization.password"));
  CHECK(has(c.classify_name("accessToken"), "user.authorization.credentials"));
  CHECK(c.classify_name("apiKey").empty());  // the app's key, not a person's credential
  CHECK(has(c.classify_name("card.number"), "user.financial.credit_card"));
  CHECK(has(c.classify_name("dateOfBirth"), "user.demographic.date_of_birth"));
  CHECK(has(c.classify_name("ssn"), "user.government_id.national_identification_number"));
  CHECK(has(c.classify_name("latitude"), "user.location.precise"));
  CHECK(has(c.classify_name("deviceId"), "user.device.device_id"));
  CHECK(has(c.classify_name("userId"), "user.unique_id"));
  CHECK(has(c.classify_name("messageBody"), "user.content.private"));
}

TEST_CASE("value-preserving methods keep what they are called on") {
  CHECK(has(shipped().classify_name("email.trim.toLowerCase"), "user.contact.email"));
  CHECK(has(shipped().classify_name("user.phone.strip"), "user.contact.phone_number"));
  CHECK(has(shipped().classify_name("Email.ToLowerInvariant"), "user.contact.email"));
  CHECK(shipped().classify_name("config.trim").empty());       // nothing personal underneath
  CHECK(shipped().classify_name("emailService.send").empty());  // send is not value-preserving
}

TEST_CASE("known false positives are excluded") {
  const auto& c = shipped();
  CHECK(c.classify_name("description").empty());  // "des" inside a word
  CHECK(c.classify_name("email_template_id").empty());
  CHECK(c.classify_name("emailVerified").empty());
  CHECK(c.classify_name("sendEmail").empty());
  CHECK(c.classify_name("ipVersion").empty());
  CHECK(c.classify_name("maxAge").empty());
  CHECK(c.classify_name("window.location").empty());
  CHECK(c.classify_name("error.message").empty());
  CHECK(c.classify_name("passwordResetUrl").empty());
  CHECK(c.classify_name("tokenType").empty());
  CHECK(c.classify_name("serverAddress").empty());
  CHECK_FALSE(has(c.classify_name("ip_address"), "user.contact.address"));
  CHECK(c.classify_name("i").empty());
  CHECK(c.classify_name("").empty());
}

TEST_CASE("string keys are classified only when they look like identifiers") {
  const auto& c = shipped();
  CHECK(has(c.classify_key_string("user_email"), "user.contact.email"));
  CHECK(has(c.classify_key_string("auth:token"), "user.authorization.credentials") == false);
  CHECK(has(c.classify_key_string("refresh-token"), "user.authorization.credentials"));
  CHECK(c.classify_key_string("Sending email to the user").empty());
  CHECK(c.classify_key_string("https://x.com/email").empty());
}

TEST_CASE("a bad classifier file is a diagnostic with its place") {
  Diagnostics d;
  auto c = DataTypeClassifier::from_text("categories:\n  - key: user.x\n    match: ['(unclosed']\n", "dt.yaml", d);
  CHECK(c == nullptr);
  REQUIRE(!d.empty());
  CHECK(d[0].path == "dt.yaml");
  CHECK(d[0].line == 3);
}

// classify_name remembers its answers per thread; a name asked again, after
// the memo has started over, or on another thread, gets the same answer.
TEST_CASE("remembered answers are the answers") {
  Diagnostics d;
  auto fresh = DataTypeClassifier::load(std::string(POLICYSCAN_SOURCE_DIR) + "/mappings/datatypes.yaml", d);
  REQUIRE(fresh != nullptr);
  const std::vector<std::string> names{"email", "user.emailAddress", "description", "email_template_id", "e", "req.ip", "email.trim"};
  std::vector<std::vector<std::string>> first;
  for (const auto& n : names) first.push_back(fresh->classify_name(n));
  CHECK(has(first[0], "user.contact.email"));
  CHECK(first[2].empty());
  for (std::size_t i = 0; i < names.size(); ++i) CHECK(fresh->classify_name(names[i]) == first[i]);
  // Past the memo's bound (65,536 names) it starts again.
  for (int i = 0; i < 70000; ++i) fresh->classify_name("name" + std::to_string(i));
  for (std::size_t i = 0; i < names.size(); ++i) CHECK(fresh->classify_name(names[i]) == first[i]);
  std::vector<std::vector<std::string>> other(names.size());
  std::thread t([&] {
    for (std::size_t i = 0; i < names.size(); ++i) other[i] = fresh->classify_name(names[i]);
  });
  t.join();
  CHECK(other == first);
}
