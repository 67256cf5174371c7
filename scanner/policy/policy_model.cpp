#include "scanner/policy/policy_model.h"

#include <array>
#include <cctype>

namespace ps {

namespace {
constexpr std::array<const char*, 8> kActions = {"collect", "store", "log", "use", "share", "sell", "transfer", "track"};
}

const char* action_name(Action a) { return kActions[static_cast<std::size_t>(a)]; }

std::optional<Action> action_from_name(const std::string& s) {
  for (std::size_t i = 0; i < kActions.size(); ++i)
    if (s == kActions[i]) return static_cast<Action>(i);
  return std::nullopt;
}

bool action_covers(Action a, Action b) {
  if (a == b) return true;
  if (a == Action::Collect) return b == Action::Store || b == Action::Log || b == Action::Use;
  if (a == Action::Share) return b == Action::Sell || b == Action::Transfer;
  return false;
}

const RecipientDecl* PolicyModel::recipient(const std::string& id) const {
  for (const auto& r : recipients)
    if (r.id == id) return &r;
  return nullptr;
}

std::optional<std::int64_t> parse_iso_duration(const std::string& s) {
  if (s.size() < 2 || s[0] != 'P') return std::nullopt;
  std::int64_t total = 0;
  bool time = false, any = false;
  std::size_t i = 1;
  while (i < s.size()) {
    if (s[i] == 'T') {
      if (time) return std::nullopt;
      time = true;
      ++i;
      continue;
    }
    std::size_t b = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == b || i >= s.size() || i - b > 9) return std::nullopt;
    std::int64_t n = std::stoll(s.substr(b, i - b));
    std::int64_t unit = 0;
    switch (s[i]) {
      case 'Y': unit = time ? 0 : 365 * 86400; break;
      case 'M': unit = time ? 60 : 30 * 86400; break;
      case 'W': unit = time ? 0 : 7 * 86400; break;
      case 'D': unit = time ? 0 : 86400; break;
      case 'H': unit = time ? 3600 : 0; break;
      case 'S': unit = time ? 1 : 0; break;
      default: return std::nullopt;
    }
    if (unit == 0) return std::nullopt;
    total += n * unit;
    any = true;
    ++i;
  }
  if (!any) return std::nullopt;
  return total;
}

}  // namespace ps
