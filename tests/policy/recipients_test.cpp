#include <doctest/doctest.h>

#include "scanner/policy/recipients.h"
#include "tests/policy/shipped_taxonomy.h"

using namespace ps;
using ps::test::shipped_taxonomy;

namespace {
PolicyModel vendors() {
  PolicyModel m;
  RecipientDecl stripe;
  stripe.id = "stripe";
  stripe.category = "payment";
  stripe.match = {"stripe", "stripe.com"};
  RecipientDecl analytics;
  analytics.id = "analytics_providers";
  analytics.category = "analytics";
  m.recipients = {stripe, analytics};
  return m;
}
}  // namespace

TEST_CASE("a named recipient covers its vendor by id, match name or host") {
  const Taxonomy& t = shipped_taxonomy();
  PolicyModel m = vendors();
  CHECK(recipient_covers(m, t, "stripe", {"stripe", "payment"}, false));
  CHECK(recipient_covers(m, t, "stripe", {"Stripe", ""}, false));
  CHECK(recipient_covers(m, t, "stripe", {"api.stripe.com", "third_party"}, false));  // an unknown host under a matched domain
  CHECK(recipient_covers(m, t, "stripe", {"stripe.com", "third_party"}, false));
  CHECK_FALSE(recipient_covers(m, t, "stripe", {"notstripe.com", "third_party"}, false));
  CHECK_FALSE(recipient_covers(m, t, "stripe", {"braintree", "payment"}, false));
  CHECK_FALSE(recipient_covers(m, t, "stripe", {"we", ""}, false));
}

TEST_CASE("a category covers every vendor under it unless strict") {
  const Taxonomy& t = shipped_taxonomy();
  PolicyModel m = vendors();
  CHECK(recipient_covers(m, t, "service_provider", {"mixpanel", "analytics"}, false));
  CHECK(recipient_covers(m, t, "third_party", {"mixpanel", "analytics"}, false));
  CHECK(recipient_covers(m, t, "anyone", {"we", ""}, false));
  CHECK(recipient_covers(m, t, "we", {"we", ""}, false));
  CHECK_FALSE(recipient_covers(m, t, "third_party", {"we", ""}, false));
  CHECK_FALSE(recipient_covers(m, t, "payment", {"mixpanel", "analytics"}, false));
  CHECK_FALSE(recipient_covers(m, t, "ad_network", {"mixpanel", "analytics"}, false));
  // Strict: a vendor must be named; a named one still counts under its category.
  CHECK_FALSE(recipient_covers(m, t, "service_provider", {"mixpanel", "analytics"}, true));
  CHECK(recipient_covers(m, t, "service_provider", {"stripe", "payment"}, true));
  // An entry without `match` stands for its category, unless strict.
  CHECK(recipient_covers(m, t, "analytics_providers", {"mixpanel", "analytics"}, false));
  CHECK_FALSE(recipient_covers(m, t, "analytics_providers", {"mixpanel", "analytics"}, true));
  CHECK_FALSE(recipient_covers(m, t, "analytics_providers", {"stripe", "payment"}, false));
  // The policy's own category for a named vendor wins over the mapping's.
  CHECK(recipient_covers(m, t, "payment", {"stripe", "ai"}, false));
  CHECK_FALSE(recipient_covers(m, t, "ai", {"stripe", "ai"}, false));
}

TEST_CASE("recipient lists overlap through the hierarchy; named vendors only with themselves") {
  const Taxonomy& t = shipped_taxonomy();
  PolicyModel m = vendors();
  CHECK(recipients_overlap(m, t, {}, {"stripe"}));  // no recipient named: anyone
  CHECK(recipients_overlap(m, t, {"stripe"}, {"third_party"}));
  CHECK(recipients_overlap(m, t, {"third_party"}, {"stripe"}));
  CHECK(recipients_overlap(m, t, {"analytics"}, {"service_provider"}));
  CHECK(recipients_overlap(m, t, {"stripe"}, {"stripe"}));
  CHECK_FALSE(recipients_overlap(m, t, {"stripe"}, {"analytics_providers"}));
  CHECK_FALSE(recipients_overlap(m, t, {"stripe"}, {"ad_network"}));
  CHECK_FALSE(recipients_overlap(m, t, {"we"}, {"third_party"}));
  CHECK(recipient_category(m, "stripe") == "payment");
  CHECK(recipient_category(m, "ad_network") == "ad_network");
}
