#include "scanner/app/resources.h"

#include <cstdlib>

#include "scanner/detect/mapping_loader.h"

namespace ps {

std::filesystem::path find_mappings_dir(const std::optional<std::string>& explicit_dir, const char* argv0) {
  namespace fs = std::filesystem;
  if (explicit_dir) return fs::path(*explicit_dir);
  if (const char* env = std::getenv("POLICYSCAN_MAPPINGS"); env && *env) return fs::path(env);
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (ec && argv0) exe = fs::absolute(argv0, ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "policyscan" / "mappings";
    if (fs::is_directory(installed, ec)) return installed;
  }
  return fs::path(POLICYSCAN_SOURCE_DIR) / "mappings";
}

Resources load_resources(const std::filesystem::path& dir, Diagnostics& diags) {
  Resources r;
  auto rules = load_rules_dir(dir / "detect", diags);
  r.library = std::make_unique<MappingLibrary>(std::move(rules), diags);
  r.classifier = DataTypeClassifier::load(dir / "datatypes.yaml", diags);
  r.taxonomy = Taxonomy::load(dir / "taxonomy", diags);
  for (const auto& rule : r.library->rules())
    for (const auto& c : rule.categories)
      if (!r.taxonomy.categories.known(c))
        diags.push_back(Diagnostic{Severity::Error, "mapping", rule.file, rule.line, 1,
                                   "rule '" + rule.id + "' names unknown data category '" + c + "'"});
  if (r.classifier)
    for (const auto& c : r.classifier->categories())
      if (!r.taxonomy.categories.known(c))
        diags.push_back(Diagnostic{Severity::Error, "datatypes", (dir / "datatypes.yaml").string(), 0, 0,
                                   "unknown data category '" + c + "'"});
  return r;
}

}  // namespace ps
