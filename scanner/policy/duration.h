#pragma once
// ISO-8601 durations as policies write retention limits (`within: P30D`).
#include <cstdint>
#include <optional>
#include <string>

namespace ps {

// "P1Y2M3W4DT5H6M7S" -> seconds, components in that order, each optional
// but at least one; whole numbers only. A year is 365 days and a month 30
// (a policy's "12 months" must not be shorter than its "1 year" by luck).
// nullopt for anything else ("30 days", "P", "PT", "P1DT", "P1.5D").
std::optional<std::int64_t> parse_iso_duration(const std::string& s);

// Seconds in words for messages: "30 days", "36 hours", "90 seconds".
std::string describe_seconds(std::int64_t seconds);

}  // namespace ps
