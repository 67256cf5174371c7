#pragma once
// What the scanning commands share: options -> ScanOptions, the progress
// line, the inventory view of a scan, writing the output.
#include <atomic>
#include <functional>
#include <optional>
#include <string>

#include "reports/inventory_report.h"
#include "scanner/app/commands.h"
#include "scanner/app/scan_pipeline.h"

namespace ps {

// nullopt (after printing why) when the root does not exist or an option is invalid.
std::optional<ScanOptions> make_scan_options(const CommonScanArgs& args);

// run_scan with what every scanning command adds: the progress line, the
// cache (--cache: loaded before, saved after) and the profile (--profile).
ScanOutput scan_repository(const CommonScanArgs& args, ScanOptions& opts, const MappingLibrary& library,
                           const DataTypeClassifier& classifier, const std::filesystem::path& mappings_dir);

// The --profile text: time per language and stage, slowest files, busiest mappings.
std::string format_profile(const ScanOutput& scan, std::size_t top = 10);

Inventory to_inventory(const ScanOutput& scan, const std::string& root);

// Writes to stdout, or atomically to a file. Returns an exit code.
int emit_output(const std::string& output, const std::string& content);

// "scanned 1200/5000 files" on stderr, redrawn at most ten times a second;
// silent when disabled (not a terminal, or --quiet).
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  std::function<void(std::size_t, std::size_t)> callback();
  void finish();

 private:
  bool enabled_;
  std::atomic<long long> last_draw_ms_{0};
  std::atomic<bool> drawn_{false};
};

}  // namespace ps
