#include <doctest/doctest.h>

#include <set>

#include "scanner/discover/discover.h"
#include "tests/support/temp_tree.h"

using namespace ps;
using namespace ps::test;

TEST_CASE("--shard K/N parses only 1 <= K <= N") {
  std::string err;
  auto s = parse_shard("2/4", err);
  REQUIRE(s);
  CHECK(s->index == 2);
  CHECK(s->count == 4);
  for (const char* bad : {"0/3", "4/3", "1/0", "3", "a/b", "1/3x", "/3", "-1/3", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_shard(bad, err));
    CHECK(err.find("--shard") != std::string::npos);
  }
}

TEST_CASE("shards partition the files: disjoint, complete, and the same on every run") {
  TempTree t;
  for (int i = 0; i < 40; ++i) t.write("src/m" + std::to_string(i) + ".js", "export const x = 1;\n");
  t.write("native/a.cpp", "int f();\n");
  t.write("native/a.h", "int f();\n");
  DiscoverOptions all;
  all.root = t.root();
  auto everything = discover(all);
  REQUIRE(everything.files.size() == 42);
  std::set<std::string> seen;
  std::size_t total = 0;
  for (unsigned k = 1; k <= 3; ++k) {
    DiscoverOptions o = all;
    o.shard = Shard{k, 3};
    auto part = discover(o);
    CHECK(part.files.size() < everything.files.size());  // 42 files do not all hash to one shard
    for (const auto& f : part.files) {
      CHECK(seen.insert(f.rel).second);  // in no other shard
      CHECK(in_shard(f.rel, Shard{k, 3}));
      // .h is C++ because the tree has C++, whichever shard holds the .cpp
      if (f.rel == "native/a.h") CHECK(f.language == Language::Cpp);
    }
    total += part.files.size();
    CHECK(discover(o).files.size() == part.files.size());
  }
  CHECK(total == everything.files.size());
  CHECK(seen.size() == everything.files.size());
}

TEST_CASE("keep restricts discovery to the files it accepts") {
  TempTree t;
  t.write("a.js", "1;\n");
  t.write("b.js", "2;\n");
  DiscoverOptions o;
  o.root = t.root();
  o.keep = [](std::string_view rel) { return rel == "b.js"; };
  auto d = discover(o);
  REQUIRE(d.files.size() == 1);
  CHECK(d.files[0].rel == "b.js");
  CHECK(d.skipped.empty());
}
