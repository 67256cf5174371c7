#include "scanner/core/path_index.h"

#include "scanner/core/facts.h"

namespace ps {

void PathIndex::add(std::string_view p, std::uint32_t value) {
  if (p.size() > 2 && p.substr(0, 2) == "*.") {
    suffix_[std::string(p.substr(2))].push_back(value);
    add_end(lasts_, last_segment(p));
  } else if (p.size() > 2 && p.substr(p.size() - 2) == ".*") {
    prefix_[std::string(p.substr(0, p.size() - 2))].push_back(value);
    add_end(prefix_firsts_, first_segment(p));
  } else {
    exact_[std::string(p)].push_back(value);
    add_end(lasts_, last_segment(p));
  }
}

template <class Visit>
bool PathIndex::each_hit(std::string_view path, Visit visit) const {
  if (path.empty()) return false;
  if (!may_match_ends(first_segment(path), last_segment(path))) return false;
  auto at = [&](const Map& m, std::string_view key) {
    if (m.empty()) return false;
    auto it = m.find(key);
    return it != m.end() && visit(it->second);
  };
  if (at(exact_, path)) return true;
  // Patterns are short; only the last (suffix) and first (prefix) few
  // segments of a path can match one. Bounding them keeps chained calls
  // (`s.replace(..).replace(..)...` a thousand times) linear.
  constexpr int kMaxSegments = 10;
  if (!suffix_.empty()) {
    if (at(suffix_, path)) return true;
    int seen = 0;
    for (std::size_t i = path.rfind('.'); i != std::string_view::npos && seen < kMaxSegments; ++seen) {
      if (at(suffix_, path.substr(i + 1))) return true;
      if (i == 0) break;
      i = path.rfind('.', i - 1);
    }
  }
  if (!prefix_.empty()) {
    int seen = 0;
    for (std::size_t i = path.find('.'); i != std::string_view::npos && seen < kMaxSegments; i = path.find('.', i + 1), ++seen)
      if (at(prefix_, path.substr(0, i))) return true;
  }
  return false;
}

void PathIndex::find(std::string_view path, std::vector<std::uint32_t>& out) const {
  each_hit(path, [&](const std::vector<std::uint32_t>& values) {
    out.insert(out.end(), values.begin(), values.end());
    return false;
  });
}

bool PathIndex::matches(std::string_view path) const {
  return each_hit(path, [](const std::vector<std::uint32_t>&) { return true; });
}

}  // namespace ps
