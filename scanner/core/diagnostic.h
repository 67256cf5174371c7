#pragma once
// A problem with the input (a file we could not read, a policy we could not
// load, code that did not parse), always tied to a place a user can open.
#include <string>
#include <vector>

namespace ps {

enum class Severity : unsigned char { Error, Warning, Note };
const char* severity_name(Severity s);  // "error", "warning", "note"

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;     // short stable id: "unreadable", "invalid-utf8", "syntax-error", "yaml", ...
  std::string path;     // file the problem is in (as given / relative to the scan root)
  int line = 0;         // 1-based; 0 when the problem is the whole file
  int column = 0;       // 1-based; 0 when unknown
  std::string message;
};

// "path:line:column: severity: message [code]" — the form compilers use, so
// editors and CI logs make it clickable.
std::string format_diagnostic(const Diagnostic& d);

using Diagnostics = std::vector<Diagnostic>;
bool has_errors(const Diagnostics& ds);

}  // namespace ps
