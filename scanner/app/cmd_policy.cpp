// `policyscan policy check FILE`: validate and lint a policy model.
#include <iostream>

#include "scanner/app/commands.h"
#include "scanner/app/resources.h"
#include "scanner/policy/policy_loader.h"

namespace ps {

int cmd_policy_check(const PolicyCheckArgs& args, const char* argv0) {
  Diagnostics diags;
  Taxonomy taxonomy = Taxonomy::load(find_mappings_dir(args.mappings_dir, argv0) / "taxonomy", diags);
  if (has_errors(diags)) {
    for (const auto& d : diags) std::cerr << format_diagnostic(d) << "\n";
    return kExitConfig;
  }
  LoadedPolicy p = load_policy(args.file, taxonomy);
  for (const auto& d : p.diags) std::cerr << format_diagnostic(d) << "\n";
  std::size_t errors = 0, warnings = 0;
  for (const auto& d : p.diags) {
    if (d.severity == Severity::Error) ++errors;
    else if (d.severity == Severity::Warning) ++warnings;
  }
  const auto& m = p.model;
  std::cout << args.file << ": " << (p.ok() ? "ok" : "invalid") << " (" << m.practices.size() << " practices, " << m.denials.size()
            << " denials, " << m.recipients.size() << " recipients, " << m.retention.size() << " retention rules; " << errors
            << " errors, " << warnings << " warnings)\n";
  return p.ok() ? kExitClean : kExitConfig;
}

}  // namespace ps
