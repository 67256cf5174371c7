#pragma once
// `policyscan merge`: the JSON reports of `scan --shard K/N` runs, read back
// into one scan's worth of points, problems and suppressions. Findings are
// not merged but computed again from all the points, because some rules
// look at the whole repository (a declaration no code backs, a retention
// rule nothing enforces): the merged report equals a single full scan.
#include <optional>
#include <string>
#include <vector>

#include "scanner/app/scan_pipeline.h"

namespace ps {

struct MergedScan {
  ScanOutput scan;          // points (sorted), diags, suppressions, files_scanned, wall_seconds (summed)
  std::string policy_file;  // as the reports name it (relative to the scan root)
};

// nullopt and a message naming the file when a report cannot be read, is
// not a policyscan/scan/1 report of this version, names another policy, or
// covers a file another report covers too.
std::optional<MergedScan> merge_scan_reports(const std::vector<std::string>& files, std::string& error);

}  // namespace ps
