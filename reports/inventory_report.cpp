#include "reports/inventory_report.h"

#include <fmt/format.h>

#include "reports/json_fields.h"
#include "scanner/core/text.h"

namespace ps {

std::string inventory_json(const Inventory& inv) {
  nlohmann::json langs = nlohmann::json::array();
  LanguageRow total;
  for (const auto& l : inv.languages) {
    langs.push_back({{"language", l.language}, {"files", l.files}, {"bytes", l.bytes}, {"parse_errors", l.parse_errors},
                     {"points", l.points}, {"seconds", l.seconds}});
    total.files += l.files;
    total.bytes += l.bytes;
    total.parse_errors += l.parse_errors;
    total.points += l.points;
  }
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& [path, reason] : inv.skipped) skipped.push_back({{"path", sanitize_utf8(path)}, {"reason", reason}});
  nlohmann::json diags = nlohmann::json::array();
  for (const auto& d : inv.diags) diags.push_back(diagnostic_json(d));
  nlohmann::json points = nlohmann::json::array();
  for (const auto& p : inv.points) points.push_back(point_json(p));
  nlohmann::json j = {
      {"schema", kInventorySchema},
      {"tool", {{"name", "policyscan"}, {"version", inv.version}}},
      {"root", sanitize_utf8(inv.root)},
      {"totals",
       {{"files", total.files}, {"bytes", total.bytes}, {"parse_errors", total.parse_errors}, {"points", total.points},
        {"files_failed", inv.files_failed}, {"wall_seconds", inv.wall_seconds}}},
      {"languages", langs},
      {"skipped", skipped},
      {"diagnostics", diags},
      {"points", points},
  };
  return j.dump(2) + "\n";
}

std::string inventory_text(const Inventory& inv) {
  std::string out = fmt::format("{:<12} {:>7} {:>12} {:>7} {:>7} {:>9}\n", "language", "files", "bytes", "errors", "points", "seconds");
  LanguageRow total;
  for (const auto& l : inv.languages) {
    out += fmt::format("{:<12} {:>7} {:>12} {:>7} {:>7} {:>9.3f}\n", l.language, l.files, l.bytes, l.parse_errors, l.points, l.seconds);
    total.files += l.files;
    total.bytes += l.bytes;
    total.parse_errors += l.parse_errors;
    total.points += l.points;
  }
  out += fmt::format("{:<12} {:>7} {:>12} {:>7} {:>7} {:>9.3f} wall\n", "total", total.files, total.bytes, total.parse_errors,
                     total.points, inv.wall_seconds);
  if (!inv.points.empty()) {
    out += "\ncollection points:\n";
    for (const auto& p : inv.points) {
      std::string cats;
      for (const auto& c : p.categories) cats += (cats.empty() ? "" : ",") + c;
      out += fmt::format("  {}:{}:{}: {} -> {} [{}] {} ({})\n", sanitize_utf8(p.path), p.line, p.column, p.kind,
                         p.recipient.id, cats, sanitize_utf8(p.evidence), p.mapping_id);
    }
  }
  if (!inv.diags.empty()) {
    out += "\nproblems:\n";
    for (const auto& d : inv.diags) out += "  " + sanitize_utf8(format_diagnostic(d)) + "\n";
  }
  if (!inv.skipped.empty()) out += fmt::format("\n{} files skipped (see --format json for the list)\n", inv.skipped.size());
  return out;
}

}  // namespace ps
