#pragma once
// `policyscan inventory`: what was scanned (per language: files, bytes,
// parse errors, time) and every collection point found.
// JSON schema id "policyscan/inventory/1", documented in reports/README.md.
#include <string>
#include <utility>
#include <vector>

#include "scanner/core/diagnostic.h"
#include "scanner/core/point.h"

namespace ps {

inline constexpr const char* kInventorySchema = "policyscan/inventory/1";

struct LanguageRow {
  std::string language;
  std::size_t files = 0;
  std::uint64_t bytes = 0;
  std::size_t parse_errors = 0;
  std::size_t points = 0;
  double seconds = 0;
};

struct Inventory {
  std::string root;
  std::string version;
  std::vector<LanguageRow> languages;  // only languages with files
  std::vector<std::pair<std::string, std::string>> skipped;  // path, reason
  Diagnostics diags;
  std::vector<CollectionPoint> points;
  std::size_t files_failed = 0;
  double wall_seconds = 0;
};

std::string inventory_json(const Inventory& inv);
std::string inventory_text(const Inventory& inv);

}  // namespace ps
