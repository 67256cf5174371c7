#pragma once
// Dotted-path patterns compiled into hash maps, so matching one path costs a
// few lookups whatever the number of patterns:
//   "a.b"    exact
//   "*.b.c"  the path is "b.c" or ends with ".b.c" (any receiver)
//   "a.b.*"  the path starts with "a.b." (any member)
// The detect stage keeps rule ids as values; the parse stage asks only
// whether any pattern matches (scanner/core/fact_interest.h).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "scanner/core/string_hash.h"
#include "scanner/core/word_filter.h"

namespace ps {

class PathIndex {
 public:
  void add(std::string_view pattern, std::uint32_t value);
  // Appends every value whose pattern matches path (may repeat values).
  void find(std::string_view path, std::vector<std::uint32_t>& out) const;
  // Whether any pattern matches path.
  bool matches(std::string_view path) const;
  bool empty() const { return exact_.empty() && suffix_.empty() && prefix_.empty(); }
  // Whether a path ending in this segment may match: false when no exact or
  // "*." pattern ends with it and there are no ".*" patterns.
  bool may_end_with(std::string_view last) const { return !prefix_.empty() || (ends_.may_contain(last) && lasts_.count(last) > 0); }
  // Whether a path with these first and last segments may match.
  bool may_match_ends(std::string_view first, std::string_view last) const {
    return (ends_.may_contain(last) && lasts_.count(last) > 0) ||
           (!prefix_firsts_.empty() && ends_.may_contain(first) && prefix_firsts_.count(first) > 0);
  }

 private:
  // Lookups by string_view: no key string is built per lookup.
  using Map = StringMap<std::vector<std::uint32_t>>;
  // Calls visit(values) for each key of path that is in a map; stops when visit returns true.
  template <class Visit>
  bool each_hit(std::string_view path, Visit visit) const;
  Map exact_, suffix_, prefix_;
  // Most paths match nothing: two lookups (the last segment, the first)
  // reject them before the per-segment lookups.
  StringSet lasts_, prefix_firsts_;
  WordFilter ends_;  // both sets' words: most segments are ruled out without hashing them
  // A segment into one of the two sets, and into the filter that must cover both.
  void add_end(StringSet& set, std::string_view segment) {
    set.emplace(segment);
    ends_.add(segment);
  }
};

}  // namespace ps
