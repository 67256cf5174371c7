#include <string_view>

#include "scanner/discover/discover.h"

namespace ps {

namespace {

bool class_match(std::string_view& p, char c) {
  // p starts after '['; consumes through ']'.
  bool negate = !p.empty() && (p[0] == '!' || p[0] == '^');
  if (negate) p.remove_prefix(1);
  bool hit = false;
  bool first = true;
  while (!p.empty() && (p[0] != ']' || first)) {
    first = false;
    char lo = p[0];
    p.remove_prefix(1);
    char hi = lo;
    if (p.size() >= 2 && p[0] == '-' && p[1] != ']') {
      hi = p[1];
      p.remove_prefix(2);
    }
    if (c >= lo && c <= hi) hit = true;
  }
  if (!p.empty()) p.remove_prefix(1);  // ']'
  return hit != negate;
}

// Backtracking matcher; patterns are short, so this stays cheap. `**` spans
// directories, `*` and `?` stay within one.
bool match(std::string_view p, std::string_view s, int depth) {
  if (depth > 64) return false;  // pathological patterns
  while (!p.empty()) {
    if (p.substr(0, 2) == "**") {
      std::string_view rest = p.substr(2);
      bool slash_after = !rest.empty() && rest[0] == '/';
      if (slash_after) rest.remove_prefix(1);
      if (rest.empty()) return true;  // "a/**" matches everything below
      // "**/" matches zero or more whole directories.
      if (match(rest, s, depth + 1)) return true;
      for (std::size_t i = 0; i < s.size(); ++i)
        if ((s[i] == '/' || !slash_after) && match(rest, s.substr(i + 1), depth + 1)) return true;
      return false;
    }
    char c = p[0];
    if (c == '*') {
      std::string_view rest = p.substr(1);
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (match(rest, s.substr(i), depth + 1)) return true;
        if (i < s.size() && s[i] == '/') break;
      }
      return false;
    }
    if (s.empty()) return false;
    if (c == '?') {
      if (s[0] == '/') return false;
      p.remove_prefix(1);
      s.remove_prefix(1);
      continue;
    }
    if (c == '[') {
      std::string_view q = p.substr(1);
      if (s[0] == '/' || !class_match(q, s[0])) return false;
      p = q;
      s.remove_prefix(1);
      continue;
    }
    if (c == '\\' && p.size() > 1) {
      p.remove_prefix(1);
      c = p[0];
    }
    if (c != s[0]) return false;
    p.remove_prefix(1);
    s.remove_prefix(1);
  }
  return s.empty();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) { return match(pattern, path, 0); }

}  // namespace ps
