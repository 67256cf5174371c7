#pragma once
// A data-collection point: one place in the code where personal data is
// collected, stored, logged, tracked or sent somewhere.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scanner/core/language.h"

namespace ps {

// The kinds a point can be. The set may grow; it must not shrink.
// cookie, browser-storage, analytics-sdk, third-party-api, oauth-scope,
// push-token, device-info, ip-geo, form-input, log-field, persistence,
// retention, file-upload, tracking-pixel
bool is_known_point_kind(std::string_view kind);

struct Recipient {
  std::string id;        // vendor id ("stripe") or "we" / "unknown"
  std::string category;  // recipient category ("payment", "analytics", ...) or ""
};

struct CollectionPoint {
  std::string path;  // relative to the scan root
  int line = 0;
  int column = 0;
  Language language = Language::JavaScript;
  std::string kind;
  std::vector<std::string> categories;  // fideslang keys, sorted, unique
  Recipient recipient;                  // who receives the data; {"we",""} for first-party storage
  std::string evidence;                 // the matched code (callee, host, key), short
  std::string snippet;                  // the source line, trimmed
  std::string mapping_id;
  std::optional<std::int64_t> retention_seconds;  // lifetimes/TTLs read from the code
  std::string detail;                             // extra: scope string, cookie name, host
};

}  // namespace ps
