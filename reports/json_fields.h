#pragma once
// JSON forms of the core types, shared by every JSON-based writer so that a
// point or a diagnostic looks the same in inventory, scan and SARIF output.
#include <nlohmann/json.hpp>

#include "scanner/core/diagnostic.h"
#include "scanner/core/point.h"

namespace ps {

nlohmann::json point_json(const CollectionPoint& p);
nlohmann::json diagnostic_json(const Diagnostic& d);

// The inverses (the scan cache and `policyscan merge` read what the writers
// wrote). Throw nlohmann::json::exception on a malformed value.
CollectionPoint point_from_json(const nlohmann::json& j);
Diagnostic diagnostic_from_json(const nlohmann::json& j);

}  // namespace ps
