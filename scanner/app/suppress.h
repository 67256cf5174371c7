#pragma once
// Applying inline suppressions to findings: a valid `policyscan-ignore
// RULE: reason` on the finding's line or the line above suppresses it (kept,
// flagged, never failing the gate); an invalid one is itself a finding.
#include <map>
#include <string>
#include <vector>

#include "scanner/core/finding.h"
#include "scanner/core/suppression.h"

namespace ps {

void apply_suppressions(std::vector<Finding>& findings, const std::map<std::string, std::vector<Suppression>>& by_file);

}  // namespace ps
