#include "scanner/app/scan_pipeline.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <chrono>

#include "scanner/classify/classify.h"

namespace ps {

FileScan scan_parsed_file(const ParsedFile& parsed, const MappingLibrary& library, const DataTypeClassifier& classifier) {
  FileScan out;
  out.diags = parsed.diags;
  out.parsed = parsed.parsed;
  out.syntax_errors = parsed.syntax_errors;
  out.seconds = parsed.seconds;
  if (!parsed.parsed) return out;
  out.suppressions = find_suppressions(parsed.text);
  auto detections = library.detect(parsed);
  out.points = classify_detections(parsed, detections, library, classifier);
  return out;
}

ScanOutput run_scan(const ScanOptions& opts, const MappingLibrary& library, const DataTypeClassifier& classifier) {
  auto start = std::chrono::steady_clock::now();
  ScanOutput out;
  out.discovery = discover(opts.discover);
  const auto& files = out.discovery.files;
  std::vector<FileScan> results(files.size());
  Parsers parsers(opts.parse);
  std::atomic<std::size_t> done{0};
  tbb::task_arena arena(opts.jobs > 0 ? opts.jobs : tbb::task_arena::automatic);
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, files.size(), 1), [&](const tbb::blocked_range<std::size_t>& r) {
      for (std::size_t i = r.begin(); i != r.end(); ++i) {
        auto t0 = std::chrono::steady_clock::now();
        ParsedFile parsed = parsers.parse(files[i]);
        results[i] = scan_parsed_file(parsed, library, classifier);
        results[i].seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::size_t n = ++done;
        if (opts.progress) opts.progress(n, files.size());
      }
    });
  });
  out.diags = out.discovery.diags;
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto& r = results[i];
    auto& s = out.stats[static_cast<std::size_t>(files[i].language)];
    s.files += 1;
    s.bytes += files[i].size;
    s.seconds += r.seconds;
    s.points += r.points.size();
    bool failed = !r.parsed || r.syntax_errors > 0 || has_errors(r.diags);
    if (failed) {
      s.parse_errors += 1;
      out.files_failed += 1;
    }
    out.diags.insert(out.diags.end(), std::make_move_iterator(r.diags.begin()), std::make_move_iterator(r.diags.end()));
    if (!r.suppressions.empty()) out.suppressions[files[i].rel] = std::move(r.suppressions);
    out.points.insert(out.points.end(), std::make_move_iterator(r.points.begin()), std::make_move_iterator(r.points.end()));
  }
  out.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace ps
