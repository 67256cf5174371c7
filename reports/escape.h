#pragma once
// Escaping for everything that reaches a report: scanned code is hostile
// input, and a report must never run or render what it quotes.
#include <string>
#include <string_view>

namespace ps {

// &, <, >, ", ' -> entities; invalid UTF-8 replaced; control characters dropped.
std::string html_escape(std::string_view s);
// Markdown inline text: HTML escaped, plus the characters Markdown and GitHub
// act on (| ` * _ [ ] # @ ~ \ and newlines) neutralised.
std::string markdown_escape(std::string_view s);

}  // namespace ps
