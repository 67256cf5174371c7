#pragma once
// Prose out of a policy document: plain text, Markdown, HTML, or a TSX/MDX
// page; each output line keeps the number of the source line it came from,
// so every drafted statement can cite its place.
#include <string>
#include <string_view>
#include <vector>

namespace ps {

struct ProseLine {
  int line = 0;  // 1-based, in the source document
  std::string text;
};

enum class ProseFormat { Text, Markdown, Html };
ProseFormat guess_prose_format(std::string_view file_name, std::string_view text);
std::vector<ProseLine> extract_prose(std::string_view text, ProseFormat format);

struct Sentence {
  int line = 0;
  std::string text;
  std::string section;  // the heading it falls under
};

// Sentences, with bullets as sentences of their own and short lines without
// a full stop taken as section headings.
std::vector<Sentence> split_sentences(const std::vector<ProseLine>& lines);

}  // namespace ps
