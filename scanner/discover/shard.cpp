#include "scanner/discover/shard.h"

#include <xxhash.h>

#include <charconv>

#include <fmt/format.h>

namespace ps {

std::optional<Shard> parse_shard(std::string_view text, std::string& error) {
  auto slash = text.find('/');
  Shard s;
  auto number = [](std::string_view t, unsigned& v) {
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    return ec == std::errc() && end == t.data() + t.size() && !t.empty();
  };
  if (slash == std::string_view::npos || !number(text.substr(0, slash), s.index) || !number(text.substr(slash + 1), s.count) ||
      s.count < 1 || s.count > 10000 || s.index < 1 || s.index > s.count) {
    error = fmt::format("--shard {}: expected K/N with 1 <= K <= N <= 10000 (e.g. 2/4)", text);
    return std::nullopt;
  }
  return s;
}

bool in_shard(std::string_view rel_path, const Shard& shard) {
  // XXH64 with a fixed seed: the same on every platform and version.
  return XXH64(rel_path.data(), rel_path.size(), 0) % shard.count == shard.index - 1;
}

}  // namespace ps
