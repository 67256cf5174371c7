// End to end: each example app against its hand-written policy model gives
// exactly the findings its code was written to contain (rule, path, line).
#include <doctest/doctest.h>

#include <set>

#include <nlohmann/json.hpp>

#include "tests/app/run_binary.h"

using namespace ps::test;

namespace {

std::set<std::string> findings_of(const std::string& app, int& code) {
  std::string dir = std::string(POLICYSCAN_SOURCE_DIR) + "/examples/" + app;
  auto r = run_policyscan("scan " + shell_quote(dir) + " --policy " + shell_quote(dir + "/privacy.yaml") + " --format json -q");
  code = r.code;
  INFO(r.err);
  std::set<std::string> out;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  for (const auto& f : j["findings"])
    out.insert(f["rule"].get<std::string>() + " " + f["path"].get<std::string>() + ":" + std::to_string(f["line"].get<int>()));
  return out;
}

std::string diff(const std::set<std::string>& got, const std::set<std::string>& want) {
  std::string s;
  for (const auto& g : got)
    if (!want.count(g)) s += "  unexpected: " + g + "\n";
  for (const auto& w : want)
    if (!got.count(w)) s += "  missing:    " + w + "\n";
  return s;
}

}  // namespace

TEST_CASE("openassistant: card storage, ads pixel, logged email and cached threads break its policy") {
  int code = 0;
  auto got = findings_of("openassistant", code);
  std::set<std::string> want = {
      "broken-promise server/src/billing.ts:15",        // stores the full card number
      "personal-data-in-log server/src/calendar.ts:7",  // email and calendar to the log
      "broken-promise web/tracking.js:5",               // Google-derived data to an ad pixel
      "undisclosed-recipient web/tracking.js:5",        // Meta's ad pixel is named nowhere
      "retention-exceeds-policy worker/cleanup.py:22",  // 90-day cache vs. 30-day promise
      "unbacked-declaration privacy.yaml:17",           // Slack: no code
      "unbacked-declaration privacy.yaml:19",           // Zoom: no code
      "unbacked-declaration privacy.yaml:21",           // analytics providers: no code
      "unbacked-declaration privacy.yaml:35",
      "unbacked-declaration privacy.yaml:39",
      "unbacked-declaration privacy.yaml:41",
      "unbacked-declaration privacy.yaml:43",
  };
  CHECK_MESSAGE(got == want, diff(got, want));
  CHECK(code == 1);
}

TEST_CASE("opencom: AI summaries, precise location, logged email and undisclosed storage") {
  int code = 0;
  auto got = findings_of("opencom", code);
  std::set<std::string> want = {
      "undisclosed-recipient widget/summaries.js:5",           // conversations to OpenAI
      "undisclosed-collection sdk-react-native/src/push.ts:13",  // precise location
      "personal-data-in-log server/push.go:25",
      "undisclosed-tracking widget/widget.js:6",               // localStorage
      "undisclosed-tracking widget/widget.js:7",               // cookie
      "undisclosed-tracking sdk-react-native/src/storage.ts:4",  // AsyncStorage
      "vague-disclosure server/push.go:19",                    // push payload covered only by `user`
      "unbacked-declaration privacy.yaml:9",
      "unbacked-declaration privacy.yaml:11",
      "unbacked-declaration privacy.yaml:13",
      "unbacked-declaration privacy.yaml:21",
      "unbacked-declaration privacy.yaml:23",
      "unbacked-declaration privacy.yaml:27",
      "unbacked-declaration privacy.yaml:29",
  };
  CHECK_MESSAGE(got == want, diff(got, want));
  CHECK(code == 1);
}

TEST_CASE("assistly: OpenAI, Stripe and PostHog undisclosed, Meta password stored, email logged") {
  int code = 0;
  auto got = findings_of("assistly", code);
  std::set<std::string> want = {
      "undisclosed-recipient server/webhooks.py:7",   // import of openai
      "undisclosed-recipient server/webhooks.py:31",  // customer messages to OpenAI
      "broken-promise server/accounts.py:16",         // Meta login password stored
      "personal-data-in-log server/accounts.py:18",
      "undisclosed-recipient dashboard/app/billing/route.ts:1",
      "undisclosed-recipient dashboard/app/billing/route.ts:11",
      "undisclosed-tracking dashboard/app/billing/route.ts:12",
      "undisclosed-recipient dashboard/lib/analytics.ts:1",
      "undisclosed-tracking dashboard/lib/analytics.ts:1",
      "undisclosed-recipient dashboard/lib/analytics.ts:7",
      "undisclosed-tracking dashboard/lib/analytics.ts:7",
      "undisclosed-recipient dashboard/lib/analytics.ts:11",
      "undisclosed-tracking dashboard/lib/analytics.ts:11",
      "unbacked-declaration privacy.yaml:10",
      "unbacked-declaration privacy.yaml:20",
      "unbacked-declaration privacy.yaml:22",
  };
  CHECK_MESSAGE(got == want, diff(got, want));
  CHECK(code == 1);
}
