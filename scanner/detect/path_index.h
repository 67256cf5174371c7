#pragma once
// Dotted-path patterns compiled into hash maps, so matching one path costs a
// few lookups whatever the number of patterns:
//   "a.b"    exact
//   "*.b.c"  the path is "b.c" or ends with ".b.c" (any receiver)
//   "a.b.*"  the path starts with "a.b." (any member)
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ps {

class PathIndex {
 public:
  void add(std::string_view pattern, std::uint32_t value);
  // Appends every value whose pattern matches path (may repeat values).
  void find(std::string_view path, std::vector<std::uint32_t>& out) const;
  bool empty() const { return exact_.empty() && suffix_.empty() && prefix_.empty(); }

 private:
  using Map = std::unordered_map<std::string, std::vector<std::uint32_t>>;
  static void lookup(const Map& m, std::string_view key, std::vector<std::uint32_t>& out);
  Map exact_, suffix_, prefix_;
};

}  // namespace ps
