#include <doctest/doctest.h>

#include "scanner/discover/discover.h"

using namespace ps;

TEST_CASE("every extension maps to its language") {
  struct Case { const char* name; Language lang; };
  for (auto c : {Case{"a.js", Language::JavaScript}, Case{"a.mjs", Language::JavaScript}, Case{"a.cjs", Language::JavaScript},
                 Case{"a.jsx", Language::JavaScript}, Case{"a.ts", Language::TypeScript}, Case{"a.mts", Language::TypeScript},
                 Case{"a.tsx", Language::Tsx}, Case{"a.py", Language::Python}, Case{"a.go", Language::Go},
                 Case{"A.java", Language::Java}, Case{"a.kt", Language::Kotlin}, Case{"a.kts", Language::Kotlin},
                 Case{"a.swift", Language::Swift}, Case{"a.rb", Language::Ruby}, Case{"Gemfile", Language::Ruby},
                 Case{"a.php", Language::Php}, Case{"a.cs", Language::CSharp}, Case{"a.c", Language::C},
                 Case{"a.h", Language::C}, Case{"a.cc", Language::Cpp}, Case{"a.cpp", Language::Cpp},
                 Case{"a.hpp", Language::Cpp}, Case{"A.CPP", Language::Cpp}}) {
    CAPTURE(c.name);
    CHECK(detect_language(c.name) == c.lang);
  }
  CHECK_FALSE(detect_language("a.md").has_value());
  CHECK_FALSE(detect_language("Makefile").has_value());
}

TEST_CASE("shebangs name the language of extension-less scripts") {
  CHECK(detect_language("run", "#!/usr/bin/env node") == Language::JavaScript);
  CHECK(detect_language("run", "#!/usr/bin/python3") == Language::Python);
  CHECK(detect_language("run", "#!/usr/bin/env ruby") == Language::Ruby);
  CHECK_FALSE(detect_language("run", "#!/bin/bash").has_value());
  CHECK_FALSE(detect_language("run.sh", "#!/usr/bin/env node").has_value());  // an extension decides
}
