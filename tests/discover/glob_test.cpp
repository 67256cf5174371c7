#include <doctest/doctest.h>

#include "scanner/discover/discover.h"

using namespace ps;

TEST_CASE("glob_match: *, ?, classes and ** across directories") {
  CHECK(glob_match("*.js", "a.js"));
  CHECK_FALSE(glob_match("*.js", "dir/a.js"));
  CHECK(glob_match("**/*.js", "dir/sub/a.js"));
  CHECK(glob_match("**/*.js", "a.js"));
  CHECK(glob_match("src/**", "src/a/b.c"));
  CHECK(glob_match("a/**/b", "a/b"));
  CHECK(glob_match("a/**/b", "a/x/y/b"));
  CHECK_FALSE(glob_match("a/**/b", "a/x/yb"));
  CHECK(glob_match("?.py", "a.py"));
  CHECK_FALSE(glob_match("?.py", "ab.py"));
  CHECK(glob_match("[abc].js", "b.js"));
  CHECK_FALSE(glob_match("[!abc].js", "b.js"));
  CHECK(glob_match("[a-c]x", "bx"));
  CHECK(glob_match("\\*.js", "*.js"));
  CHECK_FALSE(glob_match("\\*.js", "a.js"));
  CHECK_FALSE(glob_match("", "a"));
  CHECK(glob_match("", ""));
}

TEST_CASE("pathological patterns terminate") {
  std::string p;
  for (int i = 0; i < 40; ++i) p += "*a";
  CHECK_FALSE(glob_match(p, std::string(60, 'a') + "b"));
  CHECK_FALSE(glob_match("**/**/**/**/**/**/**/x", std::string(200, 'a')));
}
