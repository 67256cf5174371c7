#include <doctest/doctest.h>

#include "scanner/detect/duration_value.h"

using namespace ps;

static double secs(std::string_view t, double unit = 1) {
  auto v = eval_duration(t);
  REQUIRE_MESSAGE(v.has_value(), t);
  return v->in_seconds ? v->value : v->value * unit;
}

TEST_CASE("plain numbers and arithmetic use the rule's unit") {
  CHECK(secs("3600") == 3600);
  CHECK(secs("1000 * 60 * 60 * 24 * 7", 0.001) == doctest::Approx(604800));
  CHECK(secs("60*60*24*30") == 2592000);
  CHECK(secs("(2 + 1) * 10") == 30);
  CHECK(secs("1_000") == 1000);
  CHECK(secs("86400000L", 0.001) == doctest::Approx(86400));
  CHECK_FALSE(eval_duration("expiry").has_value());
  CHECK_FALSE(eval_duration("getTtl()").has_value());
  CHECK_FALSE(eval_duration("1 / 0").has_value());
}

TEST_CASE("duration vocabulary of common languages is in seconds") {
  CHECK(secs("24 * time.Hour", 1e-9) == 86400);  // Go: unit named, the rule's unit is ignored
  CHECK(secs("timedelta(days=30)") == 2592000);
  CHECK(secs("datetime.timedelta(hours=1, minutes=30)") == 5400);
  CHECK(secs("Duration.ofDays(14)") == 14 * 86400);
  CHECK(secs("TimeSpan.FromHours(2)") == 7200);
  CHECK(secs("30.days") == 2592000);
  CHECK(secs("2.weeks") == 1209600);
  CHECK(secs("TimeUnit.DAYS.toSeconds(7)") == 604800);
  CHECK(secs("'30d'") == 2592000);
  CHECK(secs("ms('2h')") == 7200);
  CHECK(secs("\"1y\"") == 31536000);
}

TEST_CASE("an expiry written as now + lifetime is the lifetime") {
  CHECK(secs("time() + 3600") == 3600);
  CHECK(secs("time()+60*60*24*30") == 2592000);
  CHECK(secs("Date.now() + 7 * 24 * 3600 * 1000", 0.001) == doctest::Approx(604800));
  CHECK(secs("DateTimeOffset.UtcNow.AddDays(30)") == 2592000);
  CHECK(secs("DateTime.UtcNow + TimeSpan.FromDays(1)") == 86400);
}

TEST_CASE("new Date(now + lifetime) is the lifetime") {
  CHECK(secs("new Date(Date.now() + 864e5)", 0.001) == doctest::Approx(86400));
  CHECK(secs("new Date(Date.now() + 1000 * 60)", 0.001) == doctest::Approx(60));
}
