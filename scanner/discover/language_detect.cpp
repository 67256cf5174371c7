#include <algorithm>
#include <array>

#include "scanner/core/text.h"
#include "scanner/discover/discover.h"

namespace ps {

std::optional<Language> detect_language(const std::filesystem::path& name, std::string_view first_line) {
  static constexpr std::array<std::pair<std::string_view, Language>, 33> kExt = {{
      {".js", Language::JavaScript},  {".mjs", Language::JavaScript}, {".cjs", Language::JavaScript},
      {".jsx", Language::JavaScript}, {".ts", Language::TypeScript},  {".mts", Language::TypeScript},
      {".cts", Language::TypeScript}, {".tsx", Language::Tsx},        {".py", Language::Python},
      {".pyw", Language::Python},     {".go", Language::Go},          {".java", Language::Java},
      {".kt", Language::Kotlin},      {".kts", Language::Kotlin},     {".swift", Language::Swift},
      {".rb", Language::Ruby},        {".rake", Language::Ruby},      {".gemspec", Language::Ruby},
      {".php", Language::Php},        {".cs", Language::CSharp},      {".c", Language::C},
      {".h", Language::C},            {".cc", Language::Cpp},         {".cpp", Language::Cpp},
      {".cxx", Language::Cpp},        {".c++", Language::Cpp},        {".hpp", Language::Cpp},
      {".hh", Language::Cpp},         {".hxx", Language::Cpp},        {".h++", Language::Cpp},
      {".ipp", Language::Cpp},        {".inl", Language::Cpp},        {".phtml", Language::Php},
  }};
  std::string ext = to_lower(name.extension().string());
  for (auto [e, l] : kExt)
    if (e == ext) return l;
  std::string file = name.filename().string();
  if (file == "Gemfile" || file == "Rakefile" || file == "Podfile" || file == "Fastfile") return Language::Ruby;
  if (!ext.empty() || !starts_with(first_line, "#!")) return std::nullopt;
  // Extension-less scripts: the interpreter named by the shebang.
  auto has = [&](std::string_view word) { return first_line.find(word) != std::string_view::npos; };
  if (has("node") || has("deno") || has("bun")) return Language::JavaScript;
  if (has("python")) return Language::Python;
  if (has("ruby")) return Language::Ruby;
  if (has("php")) return Language::Php;
  return std::nullopt;
}

}  // namespace ps
