#include "scanner/core/facts.h"

#include <cctype>

namespace ps {

namespace {
// Whether text is already a path as normalize_path writes it: words of
// [A-Za-z0-9_$] joined by single dots. Most callee texts are.
bool is_plain_path(std::string_view text) {
  if (text.empty() || text.front() == '.' || text.back() == '.') return false;
  char prev = 0;
  for (char c : text) {
    bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
    if (!word && !(c == '.' && prev != '.')) return false;
    prev = c;
  }
  return true;
}
}  // namespace

std::string normalize_path(std::string_view text) {
  if (is_plain_path(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  int depth = 0;  // inside call parentheses or index brackets we drop
  bool gap = false;  // whitespace seen since the last kept character
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(' || c == '[' || c == '<') { ++depth; continue; }
    if (c == ')' || c == ']' || c == '>') {
      if (c == '>' && i > 0 && text[i - 1] == '-' && depth == 0) { continue; }
      if (depth > 0) --depth;
      continue;
    }
    if (depth > 0) continue;
    if (std::isspace(static_cast<unsigned char>(c))) { gap = true; continue; }
    bool word = std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
    if (gap && word && !out.empty() && out.back() != '.') return {};  // "new Foo": two words
    gap = false;
    if (c == '?' && i + 1 < text.size() && text[i + 1] == '.') continue;  // a?.b
    if (c == '!' && i + 1 < text.size() && text[i + 1] == '.') continue;  // a!.b (TS/Kotlin/Swift)
    if (c == '-' && i + 1 < text.size() && text[i + 1] == '>') { out.push_back('.'); continue; }
    if (c == ':' && i + 1 < text.size() && text[i + 1] == ':') { out.push_back('.'); ++i; continue; }
    if (c == '\\') { if (!out.empty()) out.push_back('.'); continue; }
    if (c == '.' || c == '$' || c == '_' || c == '@' || std::isalnum(static_cast<unsigned char>(c)) ||
        static_cast<unsigned char>(c) >= 0x80) {
      out.push_back(c);
      continue;
    }
    return {};  // operators, quotes: not a path
  }
  // Collapse ".." left by dropped segments and trim dots.
  std::string clean;
  for (char c : out) {
    if (c == '.' && (clean.empty() || clean.back() == '.')) continue;
    clean.push_back(c);
  }
  while (!clean.empty() && clean.back() == '.') clean.pop_back();
  return clean;
}

}  // namespace ps
