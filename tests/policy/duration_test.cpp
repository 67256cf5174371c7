#include <doctest/doctest.h>

#include "scanner/policy/duration.h"

using namespace ps;

TEST_CASE("ISO-8601 durations become seconds") {
  CHECK(parse_iso_duration("P30D") == 30 * 86400);
  CHECK(parse_iso_duration("PT24H") == 86400);
  CHECK(parse_iso_duration("P1Y") == 365 * 86400);
  CHECK(parse_iso_duration("P6M") == 180 * 86400);
  CHECK(parse_iso_duration("P2W") == 14 * 86400);
  CHECK(parse_iso_duration("PT1M") == 60);  // minutes after T, months before
  CHECK(parse_iso_duration("PT90S") == 90);
  CHECK(parse_iso_duration("P1DT12H") == 36 * 3600);
  CHECK(parse_iso_duration("P1Y2M3W4DT5H6M7S") == 365 * 86400 + 60 * 86400 + 21 * 86400 + 4 * 86400 + 5 * 3600 + 6 * 60 + 7);
  CHECK(parse_iso_duration("P0D") == 0);
  CHECK(parse_iso_duration("P999999999Y") == 999999999LL * 365 * 86400);  // no overflow at the digit limit
}

TEST_CASE("anything else is not a duration") {
  for (const char* bad : {"", "P", "PT", "P1DT", "30 days", "P30", "P1.5D", "p30d", "P-1D", "PD", "P1D1Y", "PT1H2H", "P1H",
                          "PT1D", "P1DT1HT", "P1234567890D", "xP1D", "P1D "})
    CHECK_FALSE_MESSAGE(parse_iso_duration(bad).has_value(), bad);
}

TEST_CASE("seconds are described in the largest whole unit") {
  CHECK(describe_seconds(30 * 86400) == "30 days");
  CHECK(describe_seconds(86400) == "1 day");
  CHECK(describe_seconds(36 * 3600) == "36 hours");
  CHECK(describe_seconds(120) == "2 minutes");
  CHECK(describe_seconds(61) == "61 seconds");
  CHECK(describe_seconds(1) == "1 second");
}
