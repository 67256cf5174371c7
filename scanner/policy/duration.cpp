#include "scanner/policy/duration.h"

#include <array>
#include <cctype>

#include <fmt/format.h>

namespace ps {

namespace {
struct Unit {
  char letter;
  bool time_part;  // after 'T'
  std::int64_t seconds;
};
// In the order ISO-8601 writes them; 'M' is months before 'T' and minutes after.
constexpr std::array<Unit, 7> kUnits = {{{'Y', false, 365 * 86400},
                                         {'M', false, 30 * 86400},
                                         {'W', false, 7 * 86400},
                                         {'D', false, 86400},
                                         {'H', true, 3600},
                                         {'M', true, 60},
                                         {'S', true, 1}}};
}  // namespace

std::optional<std::int64_t> parse_iso_duration(const std::string& s) {
  if (s.size() < 3 || s.size() > 64 || s[0] != 'P') return std::nullopt;
  std::int64_t total = 0;
  bool time = false, any = false, any_since_t = false;
  std::size_t next_unit = 0;  // units must come in order, each at most once
  std::size_t i = 1;
  while (i < s.size()) {
    if (s[i] == 'T') {
      if (time) return std::nullopt;
      time = true;
      ++i;
      continue;
    }
    std::size_t digits = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == digits || i >= s.size() || i - digits > 9) return std::nullopt;  // 9 digits cannot overflow below
    std::int64_t n = std::stoll(s.substr(digits, i - digits));
    std::size_t u = next_unit;
    while (u < kUnits.size() && !(kUnits[u].letter == s[i] && kUnits[u].time_part == time)) ++u;
    if (u == kUnits.size()) return std::nullopt;
    total += n * kUnits[u].seconds;
    next_unit = u + 1;
    any = true;
    any_since_t = time;
    ++i;
  }
  if (!any || (time && !any_since_t)) return std::nullopt;
  return total;
}

std::string describe_seconds(std::int64_t s) {
  if (s >= 86400 && s % 86400 == 0) return fmt::format("{} day{}", s / 86400, s == 86400 ? "" : "s");
  if (s >= 3600 && s % 3600 == 0) return fmt::format("{} hour{}", s / 3600, s == 3600 ? "" : "s");
  if (s >= 60 && s % 60 == 0) return fmt::format("{} minute{}", s / 60, s == 60 ? "" : "s");
  return fmt::format("{} second{}", s, s == 1 ? "" : "s");
}

}  // namespace ps
