// Any bytes as a policy model: diagnostics, never a crash or a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "scanner/policy/policy_loader.h"

namespace {
const ps::Taxonomy& taxonomy() {
  static const ps::Taxonomy t = [] {
    ps::Diagnostics d;
    return ps::Taxonomy::load(std::string(POLICYSCAN_SOURCE_DIR) + "/mappings/taxonomy", d);
  }();
  return t;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string yaml(reinterpret_cast<const char*>(data), size);
  auto loaded = ps::load_policy_text(yaml, "fuzz.yaml", taxonomy());
  (void)loaded;
  return 0;
}
