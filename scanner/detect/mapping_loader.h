#pragma once
// Load mapping rules from YAML (mappings/detect/*.yaml; format in
// mappings/README.md). Every problem is a Diagnostic with file:line:column;
// a bad file never stops the others from loading.
#include <filesystem>
#include <string>
#include <vector>

#include "scanner/core/diagnostic.h"
#include "scanner/detect/rule.h"

namespace ps {

std::vector<Rule> load_rules_file(const std::filesystem::path& file, Diagnostics& diags);
std::vector<Rule> load_rules_text(const std::string& yaml, const std::string& name, Diagnostics& diags);
// All *.yaml under dir (recursively, sorted); duplicate rule ids are errors.
std::vector<Rule> load_rules_dir(const std::filesystem::path& dir, Diagnostics& diags);

}  // namespace ps
