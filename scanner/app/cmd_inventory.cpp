#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <fmt/format.h>

#include "reports/inventory_report.h"
#include "scanner/app/atomic_write.h"
#include "scanner/app/commands.h"
#include "scanner/app/resources.h"
#include "scanner/app/scan_setup.h"

namespace ps {

int cmd_inventory(const InventoryArgs& args, const char* argv0) {
  Diagnostics load_diags;
  auto mappings_dir = find_mappings_dir(args.common.mappings_dir, argv0);
  auto res = load_resources(mappings_dir, load_diags);
  for (const auto& d : load_diags) std::cerr << format_diagnostic(d) << "\n";
  if (has_errors(load_diags) || !res.classifier) return kExitConfig;

  auto opts = make_scan_options(args.common);
  if (!opts) return kExitUsage;
  ScanOutput scan = scan_repository(args.common, *opts, *res.library, *res.classifier, mappings_dir);

  Inventory inv = to_inventory(scan, args.common.path);
  std::string text = args.format == "json" ? inventory_json(inv) : inventory_text(inv);
  if (int rc = emit_output(args.common.output, text); rc != kExitClean) return rc;
  return scan.files_failed > 0 ? kExitInput : kExitClean;
}

}  // namespace ps
