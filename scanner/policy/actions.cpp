#include "scanner/policy/actions.h"

#include <array>

namespace ps {

namespace {
constexpr std::array<const char*, 8> kActionNames = {"collect", "store", "log", "use", "share", "sell", "transfer", "track"};
}

const char* action_name(Action a) { return kActionNames[static_cast<std::size_t>(a)]; }

std::optional<Action> action_from_name(const std::string& s) {
  for (std::size_t i = 0; i < kActionNames.size(); ++i)
    if (s == kActionNames[i]) return static_cast<Action>(i);
  return std::nullopt;
}

bool action_covers(Action a, Action b) {
  if (a == b) return true;
  if (a == Action::Collect) return b == Action::Store || b == Action::Log || b == Action::Use;
  if (a == Action::Share) return b == Action::Sell || b == Action::Transfer;
  return false;
}

bool actions_overlap(Action a, Action b) { return action_covers(a, b) || action_covers(b, a); }

}  // namespace ps
