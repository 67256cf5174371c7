#pragma once
// One scan: discover -> (parse -> detect -> classify, one TBB task per file)
// -> points in a deterministic order. Each task writes only its own slot;
// nothing mutable is shared between tasks.
#include <array>
#include <functional>
#include <map>
#include <vector>

#include "scanner/classify/datatypes.h"
#include "scanner/core/point.h"
#include "scanner/core/suppression.h"
#include "scanner/detect/mapping_library.h"
#include "scanner/discover/discover.h"
#include "scanner/parse/parse.h"

namespace ps {

class ScanCache;  // scanner/app/scan_cache.h

struct ScanOptions {
  DiscoverOptions discover;
  ParseOptions parse;
  int jobs = 0;  // 0: all cores
  // Called from worker threads with (files done, files total); may be empty.
  std::function<void(std::size_t, std::size_t)> progress;
  // Results of an earlier scan, reused for files whose content is unchanged;
  // replaced by this scan's results (for the caller to save). May be null.
  ScanCache* cache = nullptr;
};

// Where one file's time went (for --profile).
struct FileTiming {
  std::string rel;
  Language language = Language::JavaScript;
  std::uint64_t bytes = 0;
  double parse_seconds = 0;  // reading, parsing, extracting facts
  double total_seconds = 0;  // + detect and classify
  bool cached = false;
};

struct LanguageStats {
  std::size_t files = 0;
  std::uint64_t bytes = 0;
  std::size_t parse_errors = 0;  // files with syntax errors or a failed parse
  std::size_t points = 0;
  double seconds = 0;            // summed per-file time (CPU-ish)
};

struct ScanOutput {
  Discovery discovery;
  std::vector<CollectionPoint> points;  // sorted by path, line, column
  Diagnostics diags;                    // per-file problems, sorted by path
  std::array<LanguageStats, kLanguageCount> stats{};
  std::size_t files_failed = 0;         // files not scanned at all or only in part
  std::map<std::string, std::vector<Suppression>> suppressions;  // by file, for files that have any
  std::vector<FileTiming> timings;      // one per discovered file, in discovery order
  std::size_t cache_hits = 0;           // files whose results came from the cache
  std::size_t files_scanned = 0;
  double wall_seconds = 0;
};

ScanOutput run_scan(const ScanOptions& opts, const MappingLibrary& library, const DataTypeClassifier& classifier);
// The same over files already discovered (with opts.discover).
ScanOutput run_scan(const ScanOptions& opts, Discovery discovery, const MappingLibrary& library,
                    const DataTypeClassifier& classifier);

// One file through parse -> detect -> classify (tests, fuzzers and the pipeline share it).
struct FileScan {
  std::vector<CollectionPoint> points;
  std::vector<Suppression> suppressions;
  Diagnostics diags;
  bool parsed = false;
  std::size_t syntax_errors = 0;
  double parse_seconds = 0;  // reading + parsing + facts
  double seconds = 0;        // everything
};
FileScan scan_parsed_file(const ParsedFile& parsed, const MappingLibrary& library, const DataTypeClassifier& classifier);

}  // namespace ps
