#include "scanner/draft/prose.h"

#include <cctype>

#include "scanner/core/text.h"

namespace ps {

ProseFormat guess_prose_format(std::string_view name, std::string_view text) {
  std::string n = to_lower(name);
  if (ends_with(n, ".html") || ends_with(n, ".htm") || ends_with(n, ".tsx") || ends_with(n, ".jsx") || ends_with(n, ".mdx"))
    return ProseFormat::Html;
  if (ends_with(n, ".md") || ends_with(n, ".markdown")) return ProseFormat::Markdown;
  std::string head = to_lower(text.substr(0, 512));
  if (head.find("<html") != std::string::npos || head.find("<!doctype") != std::string::npos) return ProseFormat::Html;
  return ProseFormat::Text;
}

namespace {

std::string decode_entities(std::string s) {
  static const std::pair<std::string_view, std::string_view> kEntities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"},
      {"&nbsp;", " "}, {"&mdash;", "—"}, {"&ndash;", "–"}, {"&rsquo;", "’"}, {"&ldquo;", "“"}, {"&rdquo;", "”"}};
  for (auto [e, r] : kEntities) {
    std::size_t p = 0;
    while ((p = s.find(e, p)) != std::string::npos) {
      s.replace(p, e.size(), r);
      p += r.size();
    }
  }
  return s;
}

// Tags, JSX expressions and script/style bodies become spaces; block tags end
// a line, so a <p> or <li> never runs into the next one.
std::vector<ProseLine> html_lines(std::string_view t) {
  std::vector<ProseLine> out;
  std::string cur;
  int line = 1, cur_line = 1;
  auto flush = [&] {
    std::string s = collapse_ws(decode_entities(cur), 100000);
    if (!s.empty()) out.push_back({cur_line, s});
    cur.clear();
  };
  std::size_t i = 0;
  while (i < t.size()) {
    char c = t[i];
    if (c == '\n') {
      ++line;
      cur.push_back(' ');
      ++i;
      continue;
    }
    if (c == '<') {
      std::size_t e = t.find('>', i);
      if (e == std::string_view::npos) break;
      std::string tag = to_lower(t.substr(i, std::min<std::size_t>(e - i, 12)));
      for (std::size_t k = i; k < e; ++k)
        if (t[k] == '\n') ++line;
      bool block = tag.rfind("<p", 0) == 0 || tag.rfind("</p", 0) == 0 || tag.rfind("<li", 0) == 0 || tag.rfind("<h", 0) == 0 ||
                   tag.rfind("</h", 0) == 0 || tag.rfind("<br", 0) == 0 || tag.rfind("<div", 0) == 0 || tag.rfind("</div", 0) == 0 ||
                   tag.rfind("</li", 0) == 0 || tag.rfind("<tr", 0) == 0;
      if (tag.rfind("<script", 0) == 0 || tag.rfind("<style", 0) == 0) {
        std::string close = tag.rfind("<script", 0) == 0 ? "</script" : "</style";
        std::size_t end = to_lower(t).find(close, e);
        if (end == std::string::npos) break;
        for (std::size_t k = e; k < end; ++k)
          if (t[k] == '\n') ++line;
        e = t.find('>', end);
        if (e == std::string_view::npos) break;
      }
      if (block) { flush(); cur_line = line; }
      else cur.push_back(' ');
      i = e + 1;
      if (cur.empty()) cur_line = line;
      continue;
    }
    if (c == '{') {  // JSX/MDX expression: not prose
      int depth = 0;
      std::size_t k = i;
      for (; k < t.size(); ++k) {
        if (t[k] == '{') ++depth;
        else if (t[k] == '}' && --depth == 0) break;
        else if (t[k] == '\n') ++line;
      }
      i = k + 1;
      cur.push_back(' ');
      continue;
    }
    if (cur.empty()) cur_line = line;
    cur.push_back(c);
    ++i;
  }
  flush();
  return out;
}

}  // namespace

std::vector<ProseLine> extract_prose(std::string_view text, ProseFormat format) {
  if (format == ProseFormat::Html) return html_lines(text);
  std::vector<ProseLine> out;
  int n = 0;
  for (auto& raw : split(text, '\n')) {
    ++n;
    std::string s = raw;
    if (format == ProseFormat::Markdown) {
      // [text](url) -> text; emphasis and code marks dropped; headings kept as lines.
      std::string m;
      for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '[') {
          auto close = s.find("](", i);
          auto end = close == std::string::npos ? close : s.find(')', close);
          if (close != std::string::npos && end != std::string::npos) {
            m += s.substr(i + 1, close - i - 1);
            i = end;
            continue;
          }
        }
        if (s[i] == '*' || s[i] == '_' || s[i] == '`') continue;
        m.push_back(s[i]);
      }
      s = m;
      std::size_t h = 0;
      while (h < s.size() && s[h] == '#') ++h;
      s = s.substr(h);
    }
    std::string t = collapse_ws(s, 100000);
    if (!t.empty()) out.push_back({n, t});
  }
  return out;
}

std::vector<Sentence> split_sentences(const std::vector<ProseLine>& lines) {
  std::vector<Sentence> out;
  std::string section;
  for (const auto& l : lines) {
    std::string t = l.text;
    bool bullet = false;
    for (std::string_view b : {"• ", "- ", "* ", "· "})
      if (starts_with(t, b)) { t = t.substr(b.size()); bullet = true; break; }
    // A short line without sentence punctuation is a heading ("5. Sharing and Service Providers" too).
    std::string_view body = t;
    std::size_t digits = 0;
    while (digits < body.size() && std::isdigit(static_cast<unsigned char>(body[digits]))) ++digits;
    if (digits > 0 && digits + 1 < body.size() && body[digits] == '.' && body[digits + 1] == ' ') body.remove_prefix(digits + 2);
    bool heading = !bullet && body.size() < 70 && body.find_first_of(".!?:;") == std::string_view::npos;
    if (heading) t = std::string(body);
    if (heading) {
      section = t;
      continue;
    }
    std::size_t start = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      bool end = (c == '.' || c == '!' || c == '?') &&
                 (i + 1 == t.size() || (t[i + 1] == ' ' && i + 2 < t.size() && (std::isupper(static_cast<unsigned char>(t[i + 2])) ||
                                                                               t[i + 2] == '"' || t[i + 2] == '(')));
      // "e.g." / "i.e." / "U.S." do not end sentences.
      if (end && i >= 2 && t[i - 2] == '.') end = false;
      if (!end) continue;
      std::string s(trim(std::string_view(t).substr(start, i + 1 - start)));
      if (!s.empty()) out.push_back({l.line, s, section});
      start = i + 1;
    }
    std::string rest(trim(std::string_view(t).substr(start)));
    if (!rest.empty()) out.push_back({l.line, rest, section});
  }
  return out;
}

}  // namespace ps
