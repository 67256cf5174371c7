#include "scanner/app/scan_cache.h"

#include <xxhash.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "reports/json_fields.h"
#include "scanner/app/atomic_write.h"

namespace ps {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Bumped when the layout below changes.
constexpr int kCacheFormat = 1;

std::string hex128(XXH128_hash_t h) { return fmt::format("{:016x}{:016x}", h.high64, h.low64); }

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

void hash_file(XXH3_state_t* st, const fs::path& p) {
  std::string bytes = read_all(p);
  XXH3_128bits_update(st, p.string().data(), p.string().size());
  XXH3_128bits_update(st, bytes.data(), bytes.size());
}

json suppression_json(const Suppression& s) { return {s.line, s.column, s.rule, s.reason}; }
Suppression suppression_from_json(const json& j) {
  return Suppression{j.at(0).get<int>(), j.at(1).get<int>(), j.at(2).get<std::string>(), j.at(3).get<std::string>()};
}

json entry_json(const std::string& hash, const FileScan& s) {
  json points = json::array(), sups = json::array(), diags = json::array();
  for (const auto& p : s.points) points.push_back(point_json(p));
  for (const auto& x : s.suppressions) sups.push_back(suppression_json(x));
  for (const auto& d : s.diags) diags.push_back(diagnostic_json(d));
  return {{"hash", hash}, {"parsed", s.parsed}, {"syntax_errors", s.syntax_errors},
          {"points", std::move(points)}, {"suppressions", std::move(sups)}, {"diags", std::move(diags)}};
}

FileScan entry_from_json(const json& j) {
  FileScan s;
  s.parsed = j.at("parsed").get<bool>();
  s.syntax_errors = j.at("syntax_errors").get<std::size_t>();
  for (const auto& p : j.at("points")) s.points.push_back(point_from_json(p));
  for (const auto& x : j.at("suppressions")) s.suppressions.push_back(suppression_from_json(x));
  for (const auto& d : j.at("diags")) s.diags.push_back(diagnostic_from_json(d));
  return s;
}

}  // namespace

std::string content_hash(std::string_view bytes) { return hex128(XXH3_128bits(bytes.data(), bytes.size())); }

std::string scan_cache_key(const fs::path& mappings_dir, const ScanOptions& opts) {
  XXH3_state_t* st = XXH3_createState();
  XXH3_128bits_reset(st);
  hash_file(st, "/proc/self/exe");  // a rebuilt policyscan may find other things
  std::error_code ec;
  std::vector<fs::path> mapping_files;
  for (fs::recursive_directory_iterator it(mappings_dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) mapping_files.push_back(it->path());
  std::sort(mapping_files.begin(), mapping_files.end());
  for (const auto& f : mapping_files) hash_file(st, f);
  std::vector<fs::path> dbs;
  if (opts.parse.compile_commands) dbs.push_back(*opts.parse.compile_commands);
  dbs.push_back(opts.parse.root / "compile_commands.json");
  dbs.push_back(opts.parse.root / "build" / "compile_commands.json");
  for (const auto& d : dbs) {
    fs::path f = fs::is_directory(d, ec) ? d / "compile_commands.json" : d;
    if (fs::exists(f, ec)) hash_file(st, f);
  }
  std::string settings = fmt::format("format={} max_bytes={}", kCacheFormat, opts.parse.max_bytes);
  XXH3_128bits_update(st, settings.data(), settings.size());
  std::string key = hex128(XXH3_128bits_digest(st));
  XXH3_freeState(st);
  return key;
}

fs::path scan_cache_file(const fs::path& cache_dir, const ScanOptions& opts) {
  std::string root = opts.discover.root.string();
  std::string name = fmt::format("scan-{:016x}", XXH64(root.data(), root.size(), 0));
  if (opts.discover.shard) name += fmt::format("-shard{}of{}", opts.discover.shard->index, opts.discover.shard->count);
  return cache_dir / (name + ".msgpack");
}

ScanCache ScanCache::load(const fs::path& file, const std::string& key, Diagnostics& diags) {
  ScanCache cache(key);
  std::error_code ec;
  if (!fs::exists(file, ec)) return cache;
  try {
    std::string bytes = read_all(file);
    json j = json::from_msgpack(bytes);
    if (j.at("format").get<int>() != kCacheFormat || j.at("key").get<std::string>() != key) return cache;
    for (const auto& [rel, e] : j.at("files").items()) cache.files_[rel] = Entry{e.at("hash").get<std::string>(), entry_from_json(e)};
  } catch (const std::exception& e) {
    diags.push_back(Diagnostic{Severity::Warning, "cache-corrupt", file.string(), 0, 0,
                               fmt::format("ignored the cache, it will be rebuilt: {}", e.what())});
    cache.files_.clear();
  }
  return cache;
}

const FileScan* ScanCache::find(const std::string& rel, const std::string& hash) const {
  auto it = files_.find(rel);
  return it != files_.end() && it->second.hash == hash ? &it->second.scan : nullptr;
}

void ScanCache::put(const std::string& rel, const std::string& hash, const FileScan& scan) {
  for (const auto& d : scan.diags)
    if (d.code == "timeout") return;  // another run, with more time, may finish it
  files_[rel] = Entry{hash, scan};
}

std::string ScanCache::save(const fs::path& file) const {
  json files = json::object();
  for (const auto& [rel, e] : files_) files[rel] = entry_json(e.hash, e.scan);
  json j = {{"format", kCacheFormat}, {"key", key_}, {"files", std::move(files)}};
  std::vector<std::uint8_t> bytes = json::to_msgpack(j);
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  return write_file_atomically(file, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace ps
