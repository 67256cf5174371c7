#include "scanner/core/point.h"

#include <array>

namespace ps {

bool is_known_point_kind(std::string_view kind) {
  static constexpr std::array<std::string_view, 14> kKinds = {
      "cookie",     "browser-storage", "analytics-sdk", "third-party-api", "oauth-scope",
      "push-token", "device-info",     "ip-geo",        "form-input",      "log-field",
      "persistence", "retention",      "file-upload",   "tracking-pixel"};
  for (auto k : kKinds)
    if (k == kind) return true;
  return false;
}

}  // namespace ps
