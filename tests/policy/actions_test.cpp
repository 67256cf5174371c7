#include <doctest/doctest.h>

#include "scanner/policy/actions.h"

using namespace ps;

TEST_CASE("action names round-trip and unknown names are refused") {
  for (const char* n : {"collect", "store", "log", "use", "share", "sell", "transfer", "track"}) {
    auto a = action_from_name(n);
    REQUIRE(a.has_value());
    CHECK(std::string(action_name(*a)) == n);
  }
  CHECK_FALSE(action_from_name("Collect").has_value());
  CHECK_FALSE(action_from_name("gather").has_value());
  CHECK_FALSE(action_from_name("").has_value());
}

TEST_CASE("collect covers store, log and use; share covers sell and transfer") {
  CHECK(action_covers(Action::Collect, Action::Store));
  CHECK(action_covers(Action::Collect, Action::Log));
  CHECK(action_covers(Action::Collect, Action::Use));
  CHECK(action_covers(Action::Share, Action::Sell));
  CHECK(action_covers(Action::Share, Action::Transfer));
  CHECK(action_covers(Action::Track, Action::Track));
  CHECK_FALSE(action_covers(Action::Store, Action::Collect));
  CHECK_FALSE(action_covers(Action::Collect, Action::Share));
  CHECK_FALSE(action_covers(Action::Sell, Action::Share));
  CHECK_FALSE(action_covers(Action::Collect, Action::Track));
  CHECK(actions_overlap(Action::Store, Action::Collect));
  CHECK(actions_overlap(Action::Share, Action::Sell));
  CHECK_FALSE(actions_overlap(Action::Store, Action::Log));
  CHECK_FALSE(actions_overlap(Action::Share, Action::Collect));
}
