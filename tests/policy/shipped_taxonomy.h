#pragma once
// The taxonomy policyscan ships (mappings/taxonomy), loaded once per test
// binary; the policy and conform tests run against the real data.
#include <doctest/doctest.h>

#include <string>

#include "scanner/policy/taxonomy.h"

namespace ps::test {

inline const Taxonomy& shipped_taxonomy() {
  static const Taxonomy t = [] {
    Diagnostics d;
    Taxonomy t = Taxonomy::load(std::string(POLICYSCAN_SOURCE_DIR) + "/mappings/taxonomy", d);
    for (const auto& x : d) FAIL_CHECK(format_diagnostic(x));
    return t;
  }();
  return t;
}

inline std::string fixture(const std::string& name) { return std::string(POLICYSCAN_SOURCE_DIR) + "/tests/policy/fixtures/" + name; }

}  // namespace ps::test
