#include "scanner/core/text.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace ps {

std::size_t find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size(), i = 0;
  while (i < n) {
    // Most source text is ASCII: eight bytes at a time while no high bit is set.
    std::uint64_t word;
    while (i + 8 <= n && (std::memcpy(&word, p + i, 8), (word & 0x8080808080808080ull) == 0)) i += 8;
    if (i >= n) break;
    unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    std::size_t len;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Reject overlong forms, surrogates and out-of-range code points.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += len;
  }
  return std::string_view::npos;
}

bool looks_binary(std::string_view s) {
  return s.substr(0, 8192).find('\0') != std::string_view::npos;
}

std::string sanitize_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    std::size_t bad = find_invalid_utf8(s);
    if (bad == std::string_view::npos) { out.append(s); break; }
    out.append(s.substr(0, bad));
    out.append("\xEF\xBF\xBD");
    s.remove_prefix(bad + 1);
  }
  return out;
}

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  const char* begin = text.data();
  const char* end = begin + text.size();
  for (const char* p = begin; p < end;) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (!p) break;
    ++p;
    starts_.push_back(static_cast<std::size_t>(p - begin));
  }
}

int LineIndex::line_of(std::size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<int>(it - starts_.begin());
}

int LineIndex::column_of(std::size_t offset) const {
  int line = line_of(offset);
  return static_cast<int>(offset - starts_[line - 1]) + 1;
}

std::string_view LineIndex::line_text(std::string_view text, int line) const {
  if (line < 1 || line > line_count()) return {};
  std::size_t b = starts_[line - 1];
  std::size_t e = line < line_count() ? starts_[line] - 1 : text.size();
  if (b > text.size()) return {};
  std::string_view l = text.substr(b, e - b);
  if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
  return l;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string collapse_ws(std::string_view s, std::size_t max) {
  s = trim(s);
  // Written in place: at most one byte out per byte in, and at most max + 1
  // (a space and a character may land together at the limit).
  std::string out(std::min(s.size(), max + 1), '\0');
  char* const begin = out.data();
  char* w = begin;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) { space = true; continue; }  // isspace in the C locale
    if (space) { *w++ = ' '; space = false; }
    *w++ = c;
    if (static_cast<std::size_t>(w - begin) >= max) break;
  }
  out.resize(static_cast<std::size_t>(w - begin));
  if (out.size() >= max) {
    // Do not cut a UTF-8 sequence in half (a whole one at the end stays).
    std::size_t lead = out.size(), tail = 0;
    while (lead > 0 && tail < 3 && (static_cast<unsigned char>(out[lead - 1]) & 0xC0) == 0x80) --lead, ++tail;
    if (lead > 0) {
      auto c = static_cast<unsigned char>(out[lead - 1]);
      std::size_t need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;  // continuation bytes its sequence has
      if (c >= 0xC0 && tail < need) out.resize(lead - 1);
    }
  }
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t b = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(b, i - b));
      b = i + 1;
    }
  return out;
}

std::vector<std::string> identifier_words(std::string_view ident) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(to_lower(cur));
    cur.clear();
  };
  for (std::size_t i = 0; i < ident.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(ident[i]);
    if (!std::isalnum(c)) { flush(); continue; }
    if (std::isupper(c) && !cur.empty()) {
      bool prev_lower = std::islower(static_cast<unsigned char>(cur.back())) ||
                        std::isdigit(static_cast<unsigned char>(cur.back()));
      bool next_lower = i + 1 < ident.size() && std::islower(static_cast<unsigned char>(ident[i + 1]));
      // "userEmail" splits before E; "HTTPServer" splits before S.
      if (prev_lower || (next_lower && std::isupper(static_cast<unsigned char>(cur.back())))) flush();
    }
    cur.push_back(static_cast<char>(c));
  }
  flush();
  return words;
}

}  // namespace ps
