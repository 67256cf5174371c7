#pragma once
// What a statement says is done with data (`do:`), and which actions imply
// others: collecting covers storing, logging and using; sharing covers
// selling and transferring.
#include <cstdint>
#include <optional>
#include <string>

namespace ps {

enum class Action : std::uint8_t { Collect, Store, Log, Use, Share, Sell, Transfer, Track };

const char* action_name(Action a);  // "collect", "store", ...
std::optional<Action> action_from_name(const std::string& s);
// a covers b: a is b, or a implies b (collect -> store, log, use; share -> sell, transfer).
bool action_covers(Action a, Action b);
// Either covers the other: a practice and a denial about them can clash.
bool actions_overlap(Action a, Action b);

}  // namespace ps
