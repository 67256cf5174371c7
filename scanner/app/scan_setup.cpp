#include "scanner/app/scan_setup.h"

#include <chrono>
#include <cstdio>
#include <future>
#include <iostream>

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <map>

#include "scanner/app/atomic_write.h"
#include "scanner/app/scan_cache.h"

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
  o.parse.file_timeout = args.file_timeout;
  if (!args.shard.empty()) {
    std::string err;
    o.discover.shard = parse_shard(args.shard, err);
    if (!o.discover.shard) {
      std::cerr << "error: " << err << "\n";
      return std::nullopt;
    }
  }
  o.jobs = args.jobs;
  return o;
}

ScanOutput scan_repository(const CommonScanArgs& args, ScanOptions& opts, const MappingLibrary& library,
                           const DataTypeClassifier& classifier, const std::filesystem::path& mappings_dir) {
  auto start = std::chrono::steady_clock::now();
  std::optional<ScanCache> cache;
  std::filesystem::path cache_file;
  // The cache loads while the tree is discovered: on a rescan from the
  // cache each is about a fifth of the time, and neither needs the other.
  std::future<ScanCache> loading;
  Diagnostics cache_diags;
  if (!args.cache_dir.empty()) {
    cache_file = scan_cache_file(args.cache_dir, opts);
    loading = std::async(std::launch::async, [&cache_diags, &mappings_dir, &opts, cache_file] {
      return ScanCache::load(cache_file, scan_cache_key(mappings_dir, opts), cache_diags);
    });
  }
  Discovery discovery = discover(opts.discover);
  if (loading.valid()) {
    cache = loading.get();
    for (const auto& d : cache_diags) std::cerr << format_diagnostic(d) << "\n";
    opts.cache = &*cache;
  }
  ProgressLine progress(!args.quiet && isatty(STDERR_FILENO));
  opts.progress = progress.callback();
  ScanOutput scan = run_scan(opts, std::move(discovery), library, classifier);
  scan.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  progress.finish();
  if (cache && cache->modified()) {
    // A cache that cannot be written costs time next run, never findings.
    if (auto err = cache->save(cache_file); !err.empty()) std::cerr << "warning: cache not saved: " << err << "\n";
  }
  if (args.profile) std::cerr << format_profile(scan);
  return scan;
}

std::string format_profile(const ScanOutput& scan, std::size_t top) {
  std::string out = fmt::format("profile: {} files in {:.2f} s wall, {} from the cache\n", scan.timings.size(),
                                scan.wall_seconds, scan.cache_hits);
  struct Sum {
    std::size_t files = 0;
    std::uint64_t bytes = 0;
    double parse = 0, total = 0;
  };
  std::array<Sum, kLanguageCount> by_lang{};
  for (const auto& t : scan.timings) {
    auto& s = by_lang[static_cast<std::size_t>(t.language)];
    s.files += 1;
    s.bytes += t.bytes;
    s.parse += t.parse_seconds;
    s.total += t.total_seconds;
  }
  out += fmt::format("  {:<12} {:>7} {:>8} {:>9} {:>9}\n", "language", "files", "MB", "parse s", "detect s");
  for (Language l : kAllLanguages) {
    const auto& s = by_lang[static_cast<std::size_t>(l)];
    if (s.files == 0) continue;
    out += fmt::format("  {:<12} {:>7} {:>8.2f} {:>9.3f} {:>9.3f}\n", language_name(l), s.files, s.bytes / 1e6, s.parse,
                       s.total - s.parse);
  }
  std::vector<const FileTiming*> slow;
  for (const auto& t : scan.timings) slow.push_back(&t);
  std::size_t n = std::min(top, slow.size());
  std::partial_sort(slow.begin(), slow.begin() + static_cast<std::ptrdiff_t>(n), slow.end(),
                    [](const FileTiming* a, const FileTiming* b) { return a->total_seconds > b->total_seconds; });
  out += "slowest files (seconds: total, parse; bytes):\n";
  for (std::size_t i = 0; i < n; ++i)
    out += fmt::format("  {:8.3f} {:8.3f} {:>10}  {}{}\n", slow[i]->total_seconds, slow[i]->parse_seconds, slow[i]->bytes,
                       slow[i]->rel, slow[i]->cached ? " (cached)" : "");
  // Mappings run in one combined pass per file, so their time cannot be
  // split; how many points each produced shows which ones dominate.
  std::map<std::string, std::size_t> by_mapping;
  for (const auto& p : scan.points) by_mapping[p.mapping_id] += 1;
  std::vector<std::pair<std::size_t, std::string>> busy;
  for (const auto& [id, count] : by_mapping) busy.emplace_back(count, id);
  std::sort(busy.begin(), busy.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  out += "mappings with the most points:\n";
  for (std::size_t i = 0; i < busy.size() && i < top; ++i) out += fmt::format("  {:>8}  {}\n", busy[i].first, busy[i].second);
  return out;
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
