#pragma once
// JSON forms of the core types, shared by every JSON-based writer so that a
// point or a diagnostic looks the same in inventory, scan and SARIF output.
#include <nlohmann/json.hpp>

#include "scanner/core/diagnostic.h"
#include "scanner/core/point.h"

namespace ps {

nlohmann::json point_json(const CollectionPoint& p);
nlohmann::json diagnostic_json(const Diagnostic& d);

}  // namespace ps
