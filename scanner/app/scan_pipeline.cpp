#include "scanner/app/scan_pipeline.h"

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <chrono>

#include "scanner/app/scan_cache.h"
#include "scanner/classify/classify.h"

namespace ps {

FileScan scan_parsed_file(const ParsedFile& parsed, const MappingLibrary& library, const DataTypeClassifier& classifier) {
  FileScan out;
  out.diags = parsed.diags;
  out.parsed = parsed.parsed;
  out.syntax_errors = parsed.syntax_errors;
  out.parse_seconds = out.seconds = parsed.seconds;
  if (!parsed.parsed) return out;
  out.suppressions = find_suppressions(parsed.text);
  auto detections = library.detect(parsed);
  out.points = classify_detections(parsed, detections, library, classifier);
  return out;
}

ScanOutput run_scan(const ScanOptions& opts, const MappingLibrary& library, const DataTypeClassifier& classifier) {
  auto start = std::chrono::steady_clock::now();
  ScanOutput out = run_scan(opts, discover(opts.discover), library, classifier);
  out.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

ScanOutput run_scan(const ScanOptions& opts, Discovery discovery, const MappingLibrary& library,
                    const DataTypeClassifier& classifier) {
  auto start = std::chrono::steady_clock::now();
  ScanOutput out;
  out.discovery = std::move(discovery);
  const auto& files = out.discovery.files;
  std::vector<FileScan> results(files.size());
  std::vector<std::string> hashes(opts.cache ? files.size() : 0);
  std::vector<char> cached(files.size(), 0);
  ParseOptions popts = opts.parse;
  if (!popts.interest) popts.interest = library.interest();  // summarise only what these rules can use
  Parsers parsers(popts);
  std::atomic<std::size_t> done{0};
  auto scan_one = [&](std::size_t i) {
    auto t0 = std::chrono::steady_clock::now();
    Diagnostics read_diags;
    auto text = read_source(files[i], opts.parse.max_bytes, read_diags);
    const FileScan* hit = nullptr;
    if (text && opts.cache) {
      hashes[i] = content_hash(*text);
      hit = opts.cache->find(files[i].rel, hashes[i]);
    }
    if (!text) {
      results[i].diags = std::move(read_diags);
    } else if (hit) {
      results[i] = *hit;
      cached[i] = 1;
    } else {
      results[i] = scan_parsed_file(parsers.parse_text(files[i], std::move(*text)), library, classifier);
    }
    results[i].seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (cached[i]) results[i].parse_seconds = results[i].seconds;
    std::size_t n = ++done;
    if (opts.progress) opts.progress(n, files.size());
  };
  tbb::task_arena arena(opts.jobs > 0 ? opts.jobs : tbb::task_arena::automatic);
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, files.size(), 1), [&](const tbb::blocked_range<std::size_t>& r) {
      for (std::size_t i = r.begin(); i != r.end(); ++i) scan_one(i);
    });
  });
  if (opts.cache) {
    // The new cache holds exactly this scan's files, so deleted files drop
    // out; a scan of chosen files only (diff mode) keeps the others too.
    std::size_t hashed = 0, hits = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
      hashed += hashes[i].empty() ? 0 : 1;
      hits += cached[i] ? 1 : 0;
    }
    bool unchanged = hits == hashed && hashed == opts.cache->size();  // every entry reused, none stale
    if (!unchanged) {
      ScanCache next = opts.discover.keep ? *opts.cache : ScanCache(opts.cache->key());
      for (std::size_t i = 0; i < files.size(); ++i)
        if (!hashes[i].empty()) next.put(files[i].rel, hashes[i], results[i]);
      *opts.cache = std::move(next);
    }
  }
  out.diags = out.discovery.diags;
  for (std::size_t i = 0; i < files.size(); ++i) {
    auto& r = results[i];
    out.timings.push_back(FileTiming{files[i].rel, files[i].language, files[i].size, r.parse_seconds, r.seconds, cached[i] != 0});
    out.cache_hits += cached[i] ? 1 : 0;
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
  out.files_scanned = files.size();
  out.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

}  // namespace ps
