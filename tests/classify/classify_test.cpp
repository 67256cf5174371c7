#include <doctest/doctest.h>

#include <algorithm>

#include "scanner/classify/classify.h"
#include "scanner/detect/mapping_loader.h"

using namespace ps;

namespace {

struct Fixture {
  Diagnostics diags;
  std::unique_ptr<MappingLibrary> lib;
  std::unique_ptr<DataTypeClassifier> classifier;
  Parsers parsers{ParseOptions{}};
  Fixture() {
    auto rules = load_rules_text(R"(
rules:
  - id: track
    kind: analytics-sdk
    recipient: {id: segment, category: analytics}
    categories: [user.behavior]
    match: {calls: [analytics.track]}
  - id: log
    kind: log-field
    requires_data: true
    match: {calls: [console.log]}
  - id: set_item
    kind: browser-storage
    classify: [0, 1]
    match: {calls: [localStorage.setItem]}
)", "t.yaml", diags);
    lib = std::make_unique<MappingLibrary>(std::move(rules), diags);
    classifier = DataTypeClassifier::load(std::string(POLICYSCAN_SOURCE_DIR) + "/mappings/datatypes.yaml", diags);
  }
  std::vector<CollectionPoint> scan(const std::string& js) {
    auto pf = parsers.parse_text(SourceFile{"a.js", "src/a.js", Language::JavaScript, 0}, js);
    return classify_detections(pf, lib->detect(pf), *lib, *classifier);
  }
};

bool has(const std::vector<std::string>& v, const std::string& c) { return std::find(v.begin(), v.end(), c) != v.end(); }

}  // namespace

TEST_CASE("object keys and member paths in arguments are classified, plus the rule's fixed categories") {
  Fixture f;
  REQUIRE(f.diags.empty());
  auto ps = f.scan("analytics.track('signup', {email: user.email, plan: p, phone: u.phoneNumber});\n");
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].kind == "analytics-sdk");
  CHECK(ps[0].recipient.id == "segment");
  CHECK(ps[0].path == "src/a.js");
  CHECK(ps[0].line == 1);
  CHECK(has(ps[0].categories, "user.behavior"));
  CHECK(has(ps[0].categories, "user.contact.email"));
  CHECK(has(ps[0].categories, "user.contact.phone_number"));
  CHECK(ps[0].snippet.find("analytics.track") == 0);
}

TEST_CASE("data flows through local variables and destructuring, in source order") {
  Fixture f;
  auto ps = f.scan(
      "console.log(x);\n"                       // nothing known about x yet: no point
      "const x = user.email;\n"
      "console.log(x);\n"                       // x carries the email
      "const { phone } = profile;\n"
      "console.log('user', phone);\n"
      "const y = 42;\n"
      "console.log(y);\n");                     // y carries nothing
  REQUIRE(ps.size() == 2);
  CHECK(ps[0].line == 3);
  CHECK(has(ps[0].categories, "user.contact.email"));
  CHECK(ps[1].line == 5);
  CHECK(has(ps[1].categories, "user.contact.phone_number"));
}

TEST_CASE("logging without personal data is not a point; storage keys are classified") {
  Fixture f;
  auto ps = f.scan("console.log('server started', port);\nlocalStorage.setItem('auth_token', t);\n");
  REQUIRE(ps.size() == 1);
  CHECK(ps[0].kind == "browser-storage");
  CHECK(has(ps[0].categories, "user.authorization.credentials"));
}

TEST_CASE("configuration read from the environment is not personal data") {
  Fixture f;
  auto ps = f.scan("console.log('key', process.env.STRIPE_SECRET_KEY, config.adminEmail);\nconsole.log(os.environ);\n");
  CHECK(ps.empty());
  auto user = f.scan("console.log(process.env.MODE, user.accessToken);\n");
  REQUIRE(user.size() == 1);
  CHECK(has(user[0].categories, "user.authorization.credentials"));
}

TEST_CASE("a key whose value is configuration carries nothing; the same key with user data does") {
  Fixture f;
  CHECK(f.scan("console.log({access_token: process.env.TOKEN});\n").empty());
  auto ps = f.scan("console.log({access_token: session.token});\n");
  REQUIRE(ps.size() == 1);
  CHECK(has(ps[0].categories, "user.authorization.credentials"));
}
