#pragma once
// Finding and loading the data policyscan runs on: the mapping library
// (mappings/detect), the classifier (mappings/datatypes.yaml), the taxonomy.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "scanner/classify/datatypes.h"
#include "scanner/detect/mapping_library.h"

namespace ps {

// --mappings DIR, else $POLICYSCAN_MAPPINGS, else <exe>/../share/policyscan/mappings,
// else the source tree's mappings/ (a build that was never installed).
std::filesystem::path find_mappings_dir(const std::optional<std::string>& explicit_dir, const char* argv0);

struct Resources {
  std::unique_ptr<MappingLibrary> library;
  std::unique_ptr<DataTypeClassifier> classifier;
};

// Loads both; errors (bad YAML, bad regex) go to diags with file:line:column.
Resources load_resources(const std::filesystem::path& mappings_dir, Diagnostics& diags);

}  // namespace ps
