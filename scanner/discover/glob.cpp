// Glob matching by dynamic programming over (pattern token, path position):
// linear in their product, so no pattern can make it backtrack
// exponentially (gitignore files and --exclude come from the scanned repo).
#include <string>
#include <string_view>
#include <vector>

#include "scanner/discover/discover.h"

namespace ps {

namespace {

struct Token {
  enum Kind { Literal, Any, Class, Star, DirStar, AllStar } kind;
  char c = 0;               // Literal
  std::string set;          // Class: ranges as pairs lo,hi
  bool negate = false;      // Class
};

std::vector<Token> tokenize(std::string_view p) {
  std::vector<Token> out;
  for (std::size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '*') {
      if (i + 1 < p.size() && p[i + 1] == '*') {
        i += 1;
        if (i + 1 < p.size() && p[i + 1] == '/') {
          out.push_back({Token::DirStar});  // "**/": zero or more directories
          i += 1;
        } else {
          out.push_back({Token::AllStar});  // "**": anything, slashes included
        }
      } else {
        out.push_back({Token::Star});
      }
    } else if (c == '?') {
      out.push_back({Token::Any});
    } else if (c == '[') {
      Token t{Token::Class};
      std::size_t j = i + 1;
      if (j < p.size() && (p[j] == '!' || p[j] == '^')) { t.negate = true; ++j; }
      bool first = true;
      while (j < p.size() && (p[j] != ']' || first)) {
        first = false;
        char lo = p[j], hi = lo;
        if (j + 2 < p.size() && p[j + 1] == '-' && p[j + 2] != ']') { hi = p[j + 2]; j += 2; }
        t.set.push_back(lo);
        t.set.push_back(hi);
        ++j;
      }
      if (j >= p.size()) {  // no closing bracket: a literal '['
        out.push_back({Token::Literal, '['});
        continue;
      }
      out.push_back(std::move(t));
      i = j;
    } else if (c == '\\' && i + 1 < p.size()) {
      out.push_back({Token::Literal, p[++i]});
    } else {
      out.push_back({Token::Literal, c});
    }
  }
  return out;
}

bool in_class(const Token& t, char c) {
  bool hit = false;
  for (std::size_t k = 0; k + 1 < t.set.size(); k += 2)
    if (c >= t.set[k] && c <= t.set[k + 1]) hit = true;
  return hit != t.negate;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view s) {
  auto toks = tokenize(pattern);
  const std::size_t P = toks.size(), S = s.size();
  // dp[i][j]: tokens i.. match s[j..]; x[j]: for a DirStar at i, some '/' at
  // or after j ends a directory run after which tokens i+1.. match.
  std::vector<char> next(S + 1, 0), cur(S + 1, 0);
  next[S] = 1;  // empty pattern matches empty rest
  for (std::size_t i = P; i-- > 0;) {
    const Token& t = toks[i];
    std::fill(cur.begin(), cur.end(), 0);
    if (t.kind == Token::DirStar) {
      char x = 0;
      for (std::size_t j = S + 1; j-- > 0;) {
        if (j < S) x = static_cast<char>((s[j] == '/' && next[j + 1]) || x);
        cur[j] = static_cast<char>(next[j] || (j < S && x));
      }
    } else {
      for (std::size_t j = S + 1; j-- > 0;) {
        bool ok = false;
        switch (t.kind) {
          case Token::Literal: ok = j < S && s[j] == t.c && next[j + 1]; break;
          case Token::Any: ok = j < S && s[j] != '/' && next[j + 1]; break;
          case Token::Class: ok = j < S && s[j] != '/' && in_class(t, s[j]) && next[j + 1]; break;
          case Token::Star: ok = next[j] || (j < S && s[j] != '/' && cur[j + 1]); break;
          case Token::AllStar: ok = next[j] || (j < S && cur[j + 1]); break;
          case Token::DirStar: break;
        }
        cur[j] = ok;
      }
    }
    std::swap(cur, next);
  }
  return next[0] != 0;
}

}  // namespace ps
