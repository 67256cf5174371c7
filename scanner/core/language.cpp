#include "scanner/core/language.h"

namespace ps {

static constexpr std::array<std::string_view, kLanguageCount> kNames = {
    "javascript", "typescript", "tsx",  "python", "go", "java", "kotlin",
    "swift",      "ruby",       "php",  "csharp", "c",  "cpp"};

std::string_view language_name(Language lang) { return kNames[static_cast<std::size_t>(lang)]; }

std::optional<Language> language_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kLanguageCount; ++i)
    if (kNames[i] == name) return kAllLanguages[i];
  if (name == "js") return Language::JavaScript;
  if (name == "ts") return Language::TypeScript;
  if (name == "py") return Language::Python;
  if (name == "c++" || name == "cxx") return Language::Cpp;
  if (name == "cs" || name == "c#") return Language::CSharp;
  if (name == "kt") return Language::Kotlin;
  if (name == "rb") return Language::Ruby;
  return std::nullopt;
}

}  // namespace ps
