// Any bytes as a mapping file: rules or diagnostics, and the library
// compiles what loaded (regexes, queries) without crashing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "scanner/detect/mapping_library.h"
#include "scanner/detect/mapping_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string yaml(reinterpret_cast<const char*>(data), size);
  ps::Diagnostics diags;
  auto rules = ps::load_rules_text(yaml, "fuzz.yaml", diags);
  ps::MappingLibrary lib(std::move(rules), diags);
  return 0;
}
