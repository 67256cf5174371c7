// Markdown for pull-request comments: a summary line and a table of the
// findings that are not suppressed. Every quoted text is escaped.
#include <fmt/format.h>

#include "reports/escape.h"
#include "reports/scan_report.h"

namespace ps {

std::string report_markdown(const ScanReport& r) {
  std::size_t counts[3] = {0, 0, 0}, suppressed = 0;
  for (const auto& f : r.findings) {
    if (f.suppressed) ++suppressed;
    else ++counts[static_cast<int>(f.severity)];
  }
  std::string out = "### policyscan\n\n";
  out += fmt::format("**{}** error{}, **{}** warning{}, **{}** note{}", counts[0], counts[0] == 1 ? "" : "s", counts[1],
                     counts[1] == 1 ? "" : "s", counts[2], counts[2] == 1 ? "" : "s");
  if (suppressed) out += fmt::format(" ({} suppressed)", suppressed);
  out += fmt::format(" across {} collection points.\n\n", r.points.size());
  if (counts[0] + counts[1] + counts[2] == 0) return out + "The code agrees with the privacy policy.\n";
  out += "| | Rule | Where | What | Policy |\n|---|---|---|---|---|\n";
  for (const auto& f : r.findings) {
    if (f.suppressed) continue;
    const char* icon = f.severity == Severity::Error ? "🔴" : f.severity == Severity::Warning ? "🟠" : "🔵";
    std::string policy = f.policy ? fmt::format("{}:{} “{}”", markdown_escape(f.policy->file), f.policy->line,
                                                markdown_escape(f.policy->quote.substr(0, 160)))
                                  : "";
    out += fmt::format("| {} | `{}` | `{}:{}` | {} | {} |\n", icon, f.rule, markdown_escape(f.path), f.line,
                       markdown_escape(f.message), policy);
  }
  return out;
}

}  // namespace ps
