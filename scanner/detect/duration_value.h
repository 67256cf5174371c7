#pragma once
// Read a lifetime out of an expression's text, in the vocabulary of common
// languages: `3600 * 1000`, `60*60*24*30`, `24 * time.Hour`,
// `timedelta(days=30)`, `Duration.ofDays(30)`, `TimeSpan.FromDays(30)`,
// `30.days`, `TimeUnit.DAYS.toSeconds(30)`, `"30d"`, `ms("2h")`.
#include <optional>
#include <string_view>

namespace ps {

struct DurationValue {
  double value = 0;
  bool in_seconds = false;  // a unit was named, so value is seconds whatever the rule's unit
};

std::optional<DurationValue> eval_duration(std::string_view text);

}  // namespace ps
