#include "scanner/core/diagnostic.h"

#include <fmt/format.h>

namespace ps {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string where = d.path;
  if (d.line > 0) where += fmt::format(":{}", d.line);
  if (d.line > 0 && d.column > 0) where += fmt::format(":{}", d.column);
  return fmt::format("{}: {}: {} [{}]", where, severity_name(d.severity), d.message, d.code);
}

bool has_errors(const Diagnostics& ds) {
  for (const auto& d : ds)
    if (d.severity == Severity::Error) return true;
  return false;
}

}  // namespace ps
