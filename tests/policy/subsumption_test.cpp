#include <doctest/doctest.h>

#include "scanner/policy/subsumption.h"
#include "tests/policy/shipped_taxonomy.h"

using namespace ps;
using ps::test::shipped_taxonomy;

TEST_CASE("the most specific declared key covering a found one") {
  const Taxonomy& t = shipped_taxonomy();
  CHECK(covering_category(t, {"user", "user.contact", "user.financial"}, "user.contact.email") == "user.contact");
  CHECK(covering_category(t, {"user"}, "user.contact.email") == "user");
  CHECK(covering_category(t, {"user.contact.phone_number"}, "user.contact.email").empty());
  CHECK(covering_category(t, {}, "user.contact.email").empty());
  CHECK(covering_key(t.uses, {"essential", "essential.service"}, "essential.service.payment_processing") == "essential.service");
}

TEST_CASE("key lists overlap when one covers the other either way") {
  const Taxonomy& t = shipped_taxonomy();
  CHECK(categories_overlap(t, {"user.financial"}, {"user.financial.bank_account"}));
  CHECK(categories_overlap(t, {"user.financial.bank_account"}, {"user.financial"}));
  CHECK(categories_overlap(t, {"user.name", "user.device"}, {"user.device.cookie_id"}));
  CHECK_FALSE(categories_overlap(t, {"user.financial.credit_card"}, {"user.financial.bank_account"}));
  CHECK_FALSE(categories_overlap(t, {}, {"user"}));
  CHECK_FALSE(keys_overlap(t.uses, {"essential.service"}, {"marketing"}));
}
