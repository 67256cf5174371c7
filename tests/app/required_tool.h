#pragma once
// External tools some tests drive (Microsoft's SARIF validator, Chromium).
// .ci/test.sh installs them; a developer without them sees the test skipped
// with a message, and CI (CI=true) fails instead of skipping.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace ps::test {

inline bool require_tool(const std::string& path, const std::string& what) {
  if (std::filesystem::exists(path)) return true;
  const char* ci = std::getenv("CI");
  if (ci && std::string(ci) == "true") {
    FAIL(what << " is missing at " << path << " (run .ci/test.sh)");
    return false;
  }
  MESSAGE(what << " not installed at " << path << ": skipped (bash .ci/tools.sh / apt-get install chromium)");
  return false;
}

}  // namespace ps::test
