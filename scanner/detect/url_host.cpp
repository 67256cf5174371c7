#include "scanner/detect/url_host.h"

#include <cctype>

#include "scanner/core/facts.h"
#include "scanner/core/text.h"

namespace ps {

std::vector<std::string> hosts_in_string(std::string_view s) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = s.find("//", pos)) != std::string_view::npos) {
    std::size_t start = pos + 2;
    pos = start;
    // Scheme before "//": http:, https:, ws:, wss:, or nothing (protocol-relative at string start).
    std::size_t b = start - 2;
    std::string scheme;
    if (b > 0 && s[b - 1] == ':') {
      std::size_t k = b - 1;
      while (k > 0 && std::isalpha(static_cast<unsigned char>(s[k - 1]))) --k;
      scheme = to_lower(s.substr(k, b - 1 - k));
      if (scheme != "http" && scheme != "https" && scheme != "ws" && scheme != "wss") continue;
    } else if (b != 0) {
      continue;
    }
    // Userinfo before the host: "https://KEY@o1.ingest.sentry.io/2", "https://user:pw@host".
    std::size_t authority_end = start;
    while (authority_end < s.size() && s[authority_end] != '/' && s[authority_end] != '?' && s[authority_end] != '#' &&
           !std::isspace(static_cast<unsigned char>(s[authority_end])) && s[authority_end] != '"' && s[authority_end] != '\'')
      ++authority_end;
    if (auto at = s.substr(start, authority_end - start).rfind('@'); at != std::string_view::npos) start += at + 1;
    std::size_t e = start;
    while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '.' || s[e] == '-')) ++e;
    std::string host = to_lower(s.substr(start, e - start));
    while (!host.empty() && host.back() == '.') host.pop_back();
    if (host.find('.') == std::string::npos) continue;  // "localhost", template holes
    out.push_back(std::move(host));
  }
  return out;
}

bool reads_as_prose(std::string_view literal) {
  // Whitespace inside interpolation holes (`${a + b}`, f"{a + b}", Swift's
  // "\(a + b)") is code, not text.
  int depth = 0;
  for (std::size_t i = 0; i < literal.size(); ++i) {
    char c = literal[i];
    if (c == '{' || (c == '(' && i > 0 && literal[i - 1] == '\\')) ++depth;
    else if ((c == '}' || c == ')') && depth > 0) --depth;
    else if (depth == 0 && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) return true;
  }
  return false;
}

bool builds_message(std::string_view text, const std::vector<std::string>& strings) {
  if (strings.empty() || !reads_as_prose(strings.front())) return false;
  std::size_t prefix = 0;  // f"...", r'...', @"...", $"..."
  while (prefix < 2 && prefix < text.size() && (std::isalpha(static_cast<unsigned char>(text[prefix])) || text[prefix] == '@' || text[prefix] == '$'))
    ++prefix;
  return prefix < text.size() && (text[prefix] == '"' || text[prefix] == '\'' || text[prefix] == '`');
}

bool makes_error(std::string_view path) {
  if (path == "errors.New" || path == "fmt.Errorf") return true;
  std::string_view last = last_segment(path);
  return !last.empty() && std::isupper(static_cast<unsigned char>(last[0])) && (ends_with(last, "Error") || ends_with(last, "Exception"));
}

bool is_local_or_example_host(std::string_view h) {
  for (std::string_view suffix : {"localhost", ".local", ".internal", ".test", ".example", ".invalid", "example.com",
                                  "example.org", "example.net"})
    if (h == suffix.substr(suffix[0] == '.' ? 1 : 0) || ends_with(h, suffix)) return true;
  if (starts_with(h, "127.") || starts_with(h, "10.") || starts_with(h, "192.168.") || starts_with(h, "0.")) return true;
  if (starts_with(h, "172.")) {
    int second = std::atoi(std::string(h.substr(4)).c_str());
    if (second >= 16 && second <= 31) return true;
  }
  return false;
}

}  // namespace ps
