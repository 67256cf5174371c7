#include "reports/escape.h"

#include "scanner/core/text.h"

namespace ps {

std::string html_escape(std::string_view in) {
  std::string s = sanitize_utf8(in);
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') break;  // no control characters
        out.push_back(c);
    }
  }
  return out;
}

std::string markdown_escape(std::string_view in) {
  std::string s = html_escape(in);
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '|': case '`': case '*': case '_': case '[': case ']': case '#': case '~': case '\\': case '!':
        out.push_back('\\');
        out.push_back(c);
        break;
      case '@': out += "&#64;"; break;  // no @-mentions from scanned code
      case '\n': case '\r': out.push_back(' '); break;
      default: out.push_back(c);
    }
  }
  return out;
}

}  // namespace ps
