#pragma once
// Small text helpers shared by every stage.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ps {

// Offset of the first invalid UTF-8 sequence, or npos when the text is valid.
std::size_t find_invalid_utf8(std::string_view s);
// True when the bytes look binary (a NUL byte in the first 8 KiB).
bool looks_binary(std::string_view s);
// Replace invalid UTF-8 sequences with U+FFFD so text can go into JSON.
std::string sanitize_utf8(std::string_view s);

// Maps byte offsets to 1-based line/column and back to line text.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  int line_of(std::size_t offset) const;    // 1-based
  int column_of(std::size_t offset) const;  // 1-based, bytes
  std::string_view line_text(std::string_view text, int line) const;
  int line_count() const { return static_cast<int>(starts_.size()); }

 private:
  std::vector<std::size_t> starts_;
};

std::string_view trim(std::string_view s);
// Collapse runs of whitespace to one space and cut to max bytes (on a UTF-8 boundary).
std::string collapse_ws(std::string_view s, std::size_t max = 240);
std::string to_lower(std::string_view s);
bool starts_with(std::string_view s, std::string_view p);
bool ends_with(std::string_view s, std::string_view p);
std::vector<std::string> split(std::string_view s, char sep);
// Split an identifier into lower-case words: "userEmail" -> {user, email},
// "USER_EMAIL" -> {user, email}, "e-mail" -> {e, mail}.
std::vector<std::string> identifier_words(std::string_view ident);

}  // namespace ps
