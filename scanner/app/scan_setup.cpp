#include "scanner/app/scan_setup.h"

#include <chrono>
#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "scanner/app/atomic_write.h"

namespace ps {

std::optional<ScanOptions> make_scan_options(const CommonScanArgs& args) {
  std::error_code ec;
  std::filesystem::path root = std::filesystem::absolute(args.path, ec);
  if (ec || !std::filesystem::is_directory(root, ec)) {
    std::cerr << fmt::format("{}: error: not a directory\n", args.path);
    return std::nullopt;
  }
  ScanOptions o;
  o.discover.root = root;
  o.discover.includes = args.includes;
  o.discover.excludes = args.excludes;
  o.discover.max_bytes = args.max_bytes;
  o.discover.use_gitignore = !args.no_gitignore;
  o.discover.skip_vendored = !args.include_vendored;
  o.discover.skip_generated = !args.include_generated;
  o.discover.skip_tests = !args.include_tests;
  o.parse.root = root;
  o.parse.max_bytes = args.max_bytes;
  if (args.compile_commands) o.parse.compile_commands = std::filesystem::path(*args.compile_commands);
  o.jobs = args.jobs;
  return o;
}

Inventory to_inventory(const ScanOutput& scan, const std::string& root) {
  Inventory inv;
  inv.root = root;
  inv.version = POLICYSCAN_VERSION;
  for (Language l : kAllLanguages) {
    const auto& s = scan.stats[static_cast<std::size_t>(l)];
    if (s.files == 0) continue;
    inv.languages.push_back(LanguageRow{std::string(language_name(l)), s.files, s.bytes, s.parse_errors, s.points, s.seconds});
  }
  for (const auto& sk : scan.discovery.skipped) inv.skipped.emplace_back(sk.rel, sk.reason);
  inv.diags = scan.diags;
  inv.points = scan.points;
  inv.files_failed = scan.files_failed;
  inv.wall_seconds = scan.wall_seconds;
  return inv;
}

int emit_output(const std::string& output, const std::string& content) {
  if (output.empty() || output == "-") {
    std::fwrite(content.data(), 1, content.size(), stdout);
    std::fflush(stdout);
    return kExitClean;
  }
  if (auto err = write_file_atomically(output, content); !err.empty()) {
    std::cerr << "error: " << err << "\n";
    return kExitInput;
  }
  return kExitClean;
}

std::function<void(std::size_t, std::size_t)> ProgressLine::callback() {
  if (!enabled_) return {};
  return [this](std::size_t done, std::size_t total) {
    auto now = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
    long long last = last_draw_ms_.load();
    if (done != total && now - last < 100) return;
    if (!last_draw_ms_.compare_exchange_strong(last, now)) return;  // another thread is drawing
    drawn_ = true;
    std::fprintf(stderr, "\rscanned %zu/%zu files", done, total);
  };
}

void ProgressLine::finish() {
  if (drawn_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace ps
