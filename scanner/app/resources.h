#pragma once
// Finding and loading the data policyscan runs on: the mapping library
// (mappings/detect), the classifier (mappings/datatypes.yaml), the taxonomy.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "scanner/classify/datatypes.h"
#include "scanner/detect/mapping_library.h"
#include "scanner/policy/taxonomy.h"

namespace ps {

// --mappings DIR, else $POLICYSCAN_MAPPINGS, else <exe>/../share/policyscan/mappings,
// else the source tree's mappings/ (a build that was never installed).
std::filesystem::path find_mappings_dir(const std::optional<std::string>& explicit_dir, const char* argv0);

struct Resources {
  std::unique_ptr<MappingLibrary> library;
  std::unique_ptr<DataTypeClassifier> classifier;
  Taxonomy taxonomy;
};

// Loads the library, the classifier and the taxonomy, and checks that every
// category a rule or the classifier names exists in the taxonomy. Errors go
// to diags with file:line:column.
Resources load_resources(const std::filesystem::path& mappings_dir, Diagnostics& diags);

}  // namespace ps
