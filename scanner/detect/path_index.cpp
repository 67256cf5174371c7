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
  if (!suffix_.empty()) {
    lookup(suffix_, path, out);
    for (std::size_t i = path.find('.'); i != std::string_view::npos; i = path.find('.', i + 1))
      lookup(suffix_, path.substr(i + 1), out);
  }
  if (!prefix_.empty())
    for (std::size_t i = path.find('.'); i != std::string_view::npos; i = path.find('.', i + 1))
      lookup(prefix_, path.substr(0, i), out);
}

}  // namespace ps
