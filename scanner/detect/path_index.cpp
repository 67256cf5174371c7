#include "scanner/detect/path_index.h"

namespace ps {

void PathIndex::add(std::string_view p, std::uint32_t value) {
  if (p.size() > 2 && p.substr(0, 2) == "*.") suffix_[std::string(p.substr(2))].push_back(value);
  else if (p.size() > 2 && p.substr(p.size() - 2) == ".*") prefix_[std::string(p.substr(0, p.size() - 2))].push_back(value);
  else exact_[std::string(p)].push_back(value);
}

void PathIndex::lookup(const Map& m, std::string_view key, std::vector<std::uint32_t>& out) {
  if (m.empty()) return;
  // C++20 has no heterogeneous lookup for unordered_map without a custom hash; paths are short.
  auto it = m.find(std::string(key));
  if (it != m.end()) out.insert(out.end(), it->second.begin(), it->second.end());
}

void PathIndex::find(std::string_view path, std::vector<std::uint32_t>& out) const {
  if (path.empty()) return;
  lookup(exact_, path, out);
  // Patterns are short; only the last (suffix) and first (prefix) few
  // segments of a path can match one. Bounding them keeps chained calls
  // (`s.replace(..).replace(..)...` a thousand times) linear.
  constexpr int kMaxSegments = 10;
  if (!suffix_.empty()) {
    lookup(suffix_, path, out);
    int seen = 0;
    for (std::size_t i = path.rfind('.'); i != std::string_view::npos && seen < kMaxSegments; ++seen) {
      lookup(suffix_, path.substr(i + 1), out);
      if (i == 0) break;
      i = path.rfind('.', i - 1);
    }
  }
  if (!prefix_.empty()) {
    int seen = 0;
    for (std::size_t i = path.find('.'); i != std::string_view::npos && seen < kMaxSegments; i = path.find('.', i + 1), ++seen)
      lookup(prefix_, path.substr(0, i), out);
  }
}

}  // namespace ps
