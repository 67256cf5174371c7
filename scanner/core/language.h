#pragma once
// The languages policyscan parses, and how they are named on the command
// line, in mappings and in reports.
#include <optional>
#include <string_view>
#include <array>

namespace ps {

enum class Language : unsigned char {
  JavaScript, TypeScript, Tsx, Python, Go, Java, Kotlin, Swift, Ruby, Php, CSharp, C, Cpp,
};
inline constexpr std::size_t kLanguageCount = 13;
inline constexpr std::array<Language, kLanguageCount> kAllLanguages = {
    Language::JavaScript, Language::TypeScript, Language::Tsx,  Language::Python, Language::Go,
    Language::Java,       Language::Kotlin,     Language::Swift, Language::Ruby,   Language::Php,
    Language::CSharp,     Language::C,          Language::Cpp};

// "javascript", "typescript", "tsx", "python", "go", "java", "kotlin",
// "swift", "ruby", "php", "csharp", "c", "cpp".
std::string_view language_name(Language lang);
std::optional<Language> language_from_name(std::string_view name);
// C and C++ go through libclang; every other language through tree-sitter.
inline bool uses_libclang(Language l) { return l == Language::C || l == Language::Cpp; }

}  // namespace ps
