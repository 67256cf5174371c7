#include <cstdint>

#include <fmt/format.h>

#include "scanner/conform/conform.h"
#include "scanner/core/text.h"

namespace ps {

std::string finding_fingerprint(const Finding& f) {
  // FNV-1a, 64 bits, twice with different seeds: 128 bits of content identity.
  auto fnv = [](std::uint64_t h, std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    return h ^ 0xff;  // field separator
  };
  std::string snippet = collapse_ws(f.snippet, 4096);
  std::uint64_t a = 1469598103934665603ull, b = 0x9e3779b97f4a7c15ull;
  for (std::string_view part : {std::string_view(f.rule), std::string_view(f.path), std::string_view(snippet),
                                std::string_view(f.recipient.id), std::string_view(f.mapping_id)}) {
    a = fnv(a, part);
    b = fnv(b, part);
  }
  for (const auto& c : f.categories) {
    a = fnv(a, c);
    b = fnv(b, c);
  }
  return fmt::format("{:016x}{:016x}", a, b);
}

}  // namespace ps
