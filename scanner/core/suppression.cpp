#include "scanner/core/suppression.h"

#include <cctype>

#include "scanner/core/text.h"

namespace ps {

std::vector<Suppression> find_suppressions(std::string_view text) {
  std::vector<Suppression> out;
  static constexpr std::string_view kTag = "policyscan-ignore";
  std::size_t pos = 0;
  int line = 1;
  std::size_t counted = 0;
  while ((pos = text.find(kTag, pos)) != std::string_view::npos) {
    for (; counted < pos; ++counted)
      if (text[counted] == '\n') ++line;
    std::size_t line_start = text.rfind('\n', pos);
    line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
    std::size_t end = text.find('\n', pos);
    std::string_view rest = text.substr(pos + kTag.size(), (end == std::string_view::npos ? text.size() : end) - pos - kTag.size());
    Suppression s;
    s.line = line;
    s.column = static_cast<int>(pos - line_start) + 1;
    // "RULE: reason" (comment closers such as */ or --> are not part of the reason)
    rest = trim(rest);
    std::size_t i = 0;
    while (i < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[i])) || rest[i] == '-' || rest[i] == '_')) ++i;
    s.rule = std::string(rest.substr(0, i));
    rest.remove_prefix(i);
    if (!rest.empty() && rest[0] == ':') {
      std::string_view reason = trim(rest.substr(1));
      for (std::string_view closer : {"*/", "-->", "#}", "%>"})
        if (ends_with(reason, closer)) reason = trim(reason.substr(0, reason.size() - closer.size()));
      s.reason = std::string(reason);
    }
    out.push_back(std::move(s));
    pos += kTag.size();
  }
  return out;
}

}  // namespace ps
