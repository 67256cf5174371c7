// Any bytes as a source file of any tree-sitter language (the first byte
// picks it): parse, facts, the full mapping library and the classifier.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "scanner/app/resources.h"
#include "scanner/app/scan_pipeline.h"

namespace {
// Mappings and the classifier load once; parsers are made per input so
// that everything an input allocates is freed by its end (libFuzzer's leak
// check counts per input, and tree-sitter parsers keep node pools).
struct World {
  ps::Resources res;
  World() {
    ps::Diagnostics d;
    res = ps::load_resources(std::string(POLICYSCAN_SOURCE_DIR) + "/mappings", d);
  }
};
World& world() {
  static World w;
  return w;
}
constexpr ps::Language kLanguages[] = {ps::Language::JavaScript, ps::Language::TypeScript, ps::Language::Tsx,
                                       ps::Language::Python,     ps::Language::Go,         ps::Language::Java,
                                       ps::Language::Kotlin,     ps::Language::Swift,      ps::Language::Ruby,
                                       ps::Language::Php,        ps::Language::CSharp};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  auto& w = world();
  if (!w.res.classifier) return 0;
  ps::Language lang = kLanguages[data[0] % (sizeof kLanguages / sizeof kLanguages[0])];
  std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  // The same per-file budget as the command line's default guard: some
  // grammars have inputs whose parse runs away (corpus: kotlin-runaway-parse);
  // the budget, not the harness's alarm, must be what stops them.
  ps::ParseOptions opts;
  opts.file_timeout = 5;
  opts.interest = w.res.library->interest();  // as a scan parses: summaries on demand
  ps::Parsers parsers{opts};
  auto parsed = parsers.parse_text(ps::SourceFile{"fuzz", "fuzz", lang, text.size()}, std::move(text));
  auto scan = ps::scan_parsed_file(parsed, *w.res.library, *w.res.classifier);
  (void)scan;
  return 0;
}
