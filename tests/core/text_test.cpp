#include <doctest/doctest.h>

#include "scanner/core/facts.h"
#include "scanner/core/language.h"
#include "scanner/core/text.h"

using namespace ps;

TEST_CASE("find_invalid_utf8 finds the first bad byte and accepts valid text") {
  CHECK(find_invalid_utf8("hello") == std::string_view::npos);
  CHECK(find_invalid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xFFz") == 2);
  CHECK(find_invalid_utf8("ab\xC3") == 2);                  // truncated sequence
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);                // overlong '/'
  CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);           // surrogate
  CHECK(sanitize_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  // Long ASCII runs are checked eight bytes at a time: a bad byte at any offset is still found.
  std::string ascii(37, 'a');
  for (std::size_t at = 0; at < ascii.size(); ++at) {
    std::string t = ascii;
    t[at] = '\xFF';
    CHECK(find_invalid_utf8(t) == at);
  }
  CHECK(find_invalid_utf8(ascii) == std::string_view::npos);
  CHECK(find_invalid_utf8("0123456789\xC3\xA9" "ABCDEFGHIJ\xC3") == 22);  // a valid pair, then a truncated one
}

TEST_CASE("looks_binary sees NUL bytes only") {
  CHECK(looks_binary(std::string_view("ab\0cd", 5)));
  CHECK_FALSE(looks_binary("plain text\n"));
}

TEST_CASE("LineIndex maps offsets to 1-based lines and columns") {
  std::string_view t = "ab\ncd\r\nef";
  LineIndex idx(t);
  CHECK(idx.line_count() == 3);
  CHECK(idx.line_of(0) == 1);
  CHECK(idx.line_of(3) == 2);
  CHECK(idx.column_of(4) == 2);
  CHECK(idx.line_text(t, 2) == "cd");
  CHECK(idx.line_text(t, 3) == "ef");
  CHECK(idx.line_text(t, 4).empty());
}

TEST_CASE("identifier_words splits camel, snake, kebab and acronyms") {
  CHECK(identifier_words("userEmail") == std::vector<std::string>{"user", "email"});
  CHECK(identifier_words("USER_EMAIL") == std::vector<std::string>{"user", "email"});
  CHECK(identifier_words("HTTPServer") == std::vector<std::string>{"http", "server"});
  CHECK(identifier_words("e-mail") == std::vector<std::string>{"e", "mail"});
  CHECK(identifier_words("ipV4Address") == std::vector<std::string>{"ip", "v4", "address"});
}

TEST_CASE("normalize_path makes one dotted form for every language's member syntax") {
  CHECK(normalize_path("analytics.track") == "analytics.track");
  CHECK(normalize_path("window?.gtag") == "window.gtag");
  CHECK(normalize_path("$this->logger->info") == "$this.logger.info");
  CHECK(normalize_path("Log::info") == "Log.info");
  CHECK(normalize_path("firebase.analytics().logEvent") == "firebase.analytics.logEvent");
  CHECK(normalize_path("a[0].b") == "a.b");
  CHECK(normalize_path("new Foo<Bar>") == "");   // a space-separated keyword is not one path
  CHECK(normalize_path("\\Stripe\\Customer::create") == "Stripe.Customer.create");
  CHECK(normalize_path("a + b") == "");
}

TEST_CASE("normalize_path keeps plain paths as written and cleans the rest") {
  // Plain dotted words come back as they are (the fast path)...
  CHECK(normalize_path("Sentry.init") == "Sentry.init");
  CHECK(normalize_path("$scope.user_email2") == "$scope.user_email2");
  CHECK(normalize_path("x") == "x");
  // ...and anything else goes through the full rules: stray dots, spaces, non-ASCII.
  CHECK(normalize_path("a..b") == "a.b");
  CHECK(normalize_path(".a.b") == "a.b");
  CHECK(normalize_path("a.b.") == "a.b");
  CHECK(normalize_path("a .b") == "a.b");
  CHECK(normalize_path("a\n.b") == "a.b");
  CHECK(normalize_path("caf\xc3\xa9.menu") == "caf\xc3\xa9.menu");
  CHECK(normalize_path("") == "");
}

TEST_CASE("language names round-trip") {
  for (auto l : kAllLanguages) CHECK(language_from_name(language_name(l)) == l);
  CHECK_FALSE(language_from_name("cobol").has_value());
}

TEST_CASE("collapse_ws joins whitespace runs into one space, trims, and cuts at a UTF-8 boundary") {
  CHECK(collapse_ws("  a \t\n b\r\n\vc  ") == "a b c");
  CHECK(collapse_ws("") == "");
  CHECK(collapse_ws(" \n\t ") == "");
  CHECK(collapse_ws("abcdef", 4) == "abcd");
  CHECK(collapse_ws("abc   def", 4) == "abc d");  // a space and the next character land together at the limit
  CHECK(collapse_ws("abcd def", 4) == "abcd");
  CHECK(collapse_ws("ab\xC3\xA9z", 3) == "ab");     // "é" would be cut in half: left out whole
  CHECK(collapse_ws("ab\xC3\xA9z", 4) == "ab\xC3\xA9");  // whole at the limit: kept
  CHECK(collapse_ws("a\xE2\x82\xAC", 3) == "a");           // "€" cut after two of its three bytes
  CHECK(collapse_ws("a\xF0\x9F\x98\x80" "b", 5) == "a\xF0\x9F\x98\x80");
  std::string long_text(1000, 'x');
  CHECK(collapse_ws(long_text).size() == 240);
}
