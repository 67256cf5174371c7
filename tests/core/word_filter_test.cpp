#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scanner/core/word_filter.h"

using namespace ps;

TEST_CASE("WordFilter never rejects a word it holds") {
  WordFilter f;
  std::vector<std::string> held{"ip", "remoteAddr", "userAgent", "getDeviceId", "x", "$_SERVER", "REMOTE_ADDR", "caf\xc3\xa9"};
  for (const auto& w : held) f.add(w);
  for (const auto& w : held) CHECK(f.may_contain(w));
  CHECK_FALSE(WordFilter().may_contain("ip"));
}

TEST_CASE("WordFilter rejects most words it does not hold") {
  // Sixty words held, as many as a language's reads patterns have ends;
  // identifiers of a program are then mostly ruled out without a lookup.
  WordFilter f;
  for (int i = 0; i < 60; ++i) f.add("held_word_" + std::to_string(i) + "z");
  int passed = 0, total = 0;
  for (const char* stem : {"user", "data", "options", "e", "i", "response", "callback", "config", "el", "node"})
    for (int i = 0; i < 100; ++i, ++total)
      passed += f.may_contain(std::string(stem) + std::to_string(i)) ? 1 : 0;
  CHECK(passed < total / 10);
}
