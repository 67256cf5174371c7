// The terminal report: what is wrong, where, which sentence of the policy,
// and how to fix it, in the compiler format editors understand.
#include <algorithm>

#include <fmt/format.h>

#include "reports/scan_report.h"
#include "scanner/core/text.h"

namespace ps {

namespace {
const char* color_of(Severity s) {
  switch (s) {
    case Severity::Error: return "\033[1;31m";
    case Severity::Warning: return "\033[1;33m";
    case Severity::Note: return "\033[1;36m";
  }
  return "";
}

// Terminal escape sequences from scanned code must not reach the terminal.
std::string printable(const std::string& s) {
  auto control = [](char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f; };
  if (std::none_of(s.begin(), s.end(), control) && find_invalid_utf8(s) == std::string::npos) return s;  // the usual case
  std::string out;
  out.reserve(s.size());
  for (char c : sanitize_utf8(s)) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') out += '?';
    else if (c == 0x7f) out += '?';
    else out.push_back(c);
  }
  return out;
}
}  // namespace

std::string report_text(const ScanReport& r, bool color, bool show_notes) {
  std::string out;
  std::size_t counts[3] = {0, 0, 0}, suppressed = 0;
  const char* reset = color ? "\033[0m" : "";
  for (const auto& f : r.findings) {
    if (f.suppressed) { ++suppressed; continue; }
    ++counts[static_cast<int>(f.severity)];
    if (f.severity == Severity::Note && !show_notes) continue;
    out += fmt::format("{}:{}:{}: {}{}{}: {} [{}]\n", printable(f.path), f.line, f.column, color ? color_of(f.severity) : "",
                       severity_name(f.severity), reset, printable(f.message), f.rule);
    if (!f.snippet.empty()) out += fmt::format("    {}\n", printable(f.snippet));
    if (!f.categories.empty()) {
      std::string cats;
      for (const auto& c : f.categories) cats += (cats.empty() ? "" : ", ") + c;
      out += fmt::format("  data: {}{}\n", cats, f.recipient.id.empty() ? "" : " -> " + printable(f.recipient.id));
    }
    if (f.policy) {
      out += fmt::format("  policy: {}:{} ({})", printable(f.policy->file), f.policy->line, printable(f.policy->statement_id));
      if (!f.policy->quote.empty()) out += fmt::format(" \"{}\"", printable(f.policy->quote));
      out += "\n";
    }
    if (!f.fix.empty()) out += fmt::format("  fix: {}\n", printable(f.fix));
    out += "\n";
  }
  for (const auto& d : r.diags)
    if (d.severity != Severity::Note) out += printable(format_diagnostic(d)) + "\n";
  if (!r.stale_baseline.empty())
    out += fmt::format("{} baseline entr{} matched no finding (stale): run `policyscan baseline create` to refresh\n",
                       r.stale_baseline.size(), r.stale_baseline.size() == 1 ? "y" : "ies");
  if (counts[2] && !show_notes)
    out += fmt::format("{} note{} not shown (declarations nothing in the code backs, vague disclosures): --show-notes lists them\n",
                       counts[2], counts[2] == 1 ? "" : "s");
  out += fmt::format("{} error{}, {} warning{}, {} note{}{} in {} files ({} collection points)\n", counts[0],
                     counts[0] == 1 ? "" : "s", counts[1], counts[1] == 1 ? "" : "s", counts[2], counts[2] == 1 ? "" : "s",
                     suppressed ? fmt::format(" ({} suppressed)", suppressed) : "", r.files_scanned, r.points.size());
  return out;
}

}  // namespace ps
