#include "scanner/discover/ignore_rules.h"

#include "scanner/core/text.h"
#include "scanner/discover/discover.h"

namespace ps {

IgnoreFile parse_ignore_file(std::string_view text, std::string base) {
  IgnoreFile f;
  f.base = std::move(base);
  for (const auto& raw : split(text, '\n')) {
    std::string line = raw;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Trailing spaces are ignored unless escaped.
    while (!line.empty() && line.back() == ' ' && !(line.size() > 1 && line[line.size() - 2] == '\\')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    IgnoreRule r;
    if (line[0] == '!') {
      r.negate = true;
      line.erase(0, 1);
    } else if (line[0] == '\\' && line.size() > 1 && (line[1] == '#' || line[1] == '!')) {
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      r.dir_only = true;
      line.pop_back();
    }
    if (line.empty()) continue;
    bool anchored = line.find('/') != std::string::npos;
    if (line[0] == '/') line.erase(0, 1);
    r.pattern = anchored ? line : "**/" + line;
    f.rules.push_back(std::move(r));
  }
  return f;
}

bool is_ignored(const std::vector<IgnoreFile>& stack, std::string_view rel, bool is_dir) {
  bool ignored = false;
  for (const auto& f : stack) {
    if (!starts_with(rel, f.base)) continue;
    std::string_view local = rel.substr(f.base.size());
    for (const auto& r : f.rules) {
      if (r.dir_only && !is_dir) continue;
      if (glob_match(r.pattern, local)) ignored = !r.negate;
    }
  }
  return ignored;
}

}  // namespace ps
