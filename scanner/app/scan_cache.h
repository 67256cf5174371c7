#pragma once
// The incremental cache for repeated audits (`--cache DIR`): what parse ->
// detect -> classify found in each file, keyed by the file's content hash.
//
// A cache is valid for one key: the policyscan binary, the mapping library
// and the settings that change what a file yields (size limit, compile
// commands). Any other key starts empty, so a new build or an edited mapping
// invalidates everything. Conformance is not cached: it is cheap and is the
// only stage that reads the policy, so editing the policy needs no
// invalidation at all. Files that timed out are never cached.
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "scanner/app/scan_pipeline.h"

namespace ps {

// XXH3-128 of the bytes, as 32 hex digits.
std::string content_hash(std::string_view bytes);

// The key: a hash of the running binary, every file under the mappings
// directory, the compile commands (when any) and the parse options.
std::string scan_cache_key(const std::filesystem::path& mappings_dir, const ScanOptions& opts);

// The cache file for a scan root (and shard) inside the cache directory.
std::filesystem::path scan_cache_file(const std::filesystem::path& cache_dir, const ScanOptions& opts);

class ScanCache {
 public:
  ScanCache() = default;
  explicit ScanCache(std::string key) : key_(std::move(key)) {}

  // A missing file or one with another key gives an empty cache; a corrupt
  // one too, with a warning in diags.
  static ScanCache load(const std::filesystem::path& file, const std::string& key, Diagnostics& diags);

  // Thread-safe for concurrent readers.
  const FileScan* find(const std::string& rel, const std::string& hash) const;

  void put(const std::string& rel, const std::string& hash, const FileScan& scan);
  std::size_t size() const { return files_.size(); }
  // Whether it differs from what load() read (an unchanged tree's scan need
  // not write its cache again).
  bool modified() const { return modified_; }
  const std::string& key() const { return key_; }

  // Atomically; returns an error message or "".
  std::string save(const std::filesystem::path& file) const;

 private:
  struct Entry {
    std::string hash;
    FileScan scan;
  };
  std::string key_;
  std::unordered_map<std::string, Entry> files_;
  bool modified_ = true;
};

}  // namespace ps
