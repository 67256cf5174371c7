#include "scanner/app/scan_cache.h"

#include <xxhash.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "scanner/core/text.h"
#include "scanner/app/atomic_write.h"

namespace ps {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Bumped when the layout below changes.
constexpr int kCacheFormat = 2;

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

// Compact positional arrays, not objects: a large tree's cache holds tens of
// thousands of points, and field names repeated in each made loading it the
// slowest part of a cached scan. A point's and a problem's path is the file's.
json suppression_json(const Suppression& s) { return {s.line, s.column, s.rule, s.reason}; }
Suppression suppression_from_json(const json& j) {
  return Suppression{j.at(0).get<int>(), j.at(1).get<int>(), j.at(2).get<std::string>(), j.at(3).get<std::string>()};
}

json point_array(const CollectionPoint& p) {
  return {p.line, p.column, std::string(language_name(p.language)), p.kind, p.categories, p.recipient.id, p.recipient.category,
          sanitize_utf8(p.evidence), sanitize_utf8(p.snippet), p.mapping_id,
          p.retention_seconds ? json(*p.retention_seconds) : json(nullptr), sanitize_utf8(p.detail)};
}
CollectionPoint point_from_array(const json& j, const std::string& rel) {
  CollectionPoint p;
  p.path = rel;
  p.line = j.at(0).get<int>();
  p.column = j.at(1).get<int>();
  auto lang = language_from_name(j.at(2).get<std::string>());
  if (!lang) throw std::runtime_error("unknown language in the cache");
  p.language = *lang;
  p.kind = j.at(3).get<std::string>();
  p.categories = j.at(4).get<std::vector<std::string>>();
  p.recipient.id = j.at(5).get<std::string>();
  p.recipient.category = j.at(6).get<std::string>();
  p.evidence = j.at(7).get<std::string>();
  p.snippet = j.at(8).get<std::string>();
  p.mapping_id = j.at(9).get<std::string>();
  if (!j.at(10).is_null()) p.retention_seconds = j.at(10).get<std::int64_t>();
  p.detail = j.at(11).get<std::string>();
  return p;
}

json diag_array(const Diagnostic& d) {
  return {static_cast<int>(d.severity), d.code, d.line, d.column, sanitize_utf8(d.message)};
}
Diagnostic diag_from_array(const json& j, const std::string& rel) {
  int sev = j.at(0).get<int>();
  if (sev < 0 || sev > 2) throw std::runtime_error("bad severity in the cache");
  return Diagnostic{static_cast<Severity>(sev), j.at(1).get<std::string>(), rel, j.at(2).get<int>(), j.at(3).get<int>(),
                    j.at(4).get<std::string>()};
}

json entry_json(const std::string& hash, const FileScan& s) {
  json points = json::array(), sups = json::array(), diags = json::array();
  for (const auto& p : s.points) points.push_back(point_array(p));
  for (const auto& x : s.suppressions) sups.push_back(suppression_json(x));
  for (const auto& d : s.diags) diags.push_back(diag_array(d));
  return {hash, s.parsed, s.syntax_errors, std::move(points), std::move(sups), std::move(diags)};
}

FileScan entry_from_json(const json& j, const std::string& rel) {
  FileScan s;
  s.parsed = j.at(1).get<bool>();
  s.syntax_errors = j.at(2).get<std::size_t>();
  for (const auto& p : j.at(3)) s.points.push_back(point_from_array(p, rel));
  for (const auto& x : j.at(4)) s.suppressions.push_back(suppression_from_json(x));
  for (const auto& d : j.at(5)) s.diags.push_back(diag_from_array(d, rel));
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
  cache.modified_ = false;
  try {
    std::string bytes = read_all(file);
    json j = json::from_msgpack(bytes);
    if (j.at("format").get<int>() != kCacheFormat || j.at("key").get<std::string>() != key) return cache;
    for (const auto& [rel, e] : j.at("files").items()) cache.files_[rel] = Entry{e.at(0).get<std::string>(), entry_from_json(e, rel)};
  } catch (const std::exception& e) {
    diags.push_back(Diagnostic{Severity::Warning, "cache-corrupt", file.string(), 0, 0,
                               fmt::format("ignored the cache, it will be rebuilt: {}", e.what())});
    cache.files_.clear();
    cache.modified_ = true;
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
  modified_ = true;
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
