// `policyscan scan PATH --policy FILE`: the whole pipeline, a report, and an
// exit code a CI gate can use.
#include <unistd.h>

#include <iostream>

#include <fmt/format.h>

#include "reports/scan_report.h"
#include "scanner/app/commands.h"
#include "scanner/app/resources.h"
#include "scanner/app/scan_setup.h"
#include "scanner/app/suppress.h"
#include "scanner/conform/conform.h"
#include "scanner/policy/policy_loader.h"

namespace ps {

namespace {

std::optional<Severity> threshold(const std::string& fail_on) {
  if (fail_on == "error") return Severity::Error;
  if (fail_on == "warning") return Severity::Warning;
  if (fail_on == "note") return Severity::Note;
  return std::nullopt;  // none
}

// Report paths relative to the scan root when the policy lives inside it.
std::string relative_to(const std::filesystem::path& file, const std::filesystem::path& root) {
  std::error_code ec;
  auto abs = std::filesystem::weakly_canonical(file, ec);
  auto r = std::filesystem::weakly_canonical(root, ec);
  auto rel = abs.lexically_relative(r);
  if (!rel.empty() && rel.native().rfind("..", 0) != 0) return rel.generic_string();
  return file.string();
}

}  // namespace

int cmd_scan(ScanArgs args, const char* argv0) {
  Diagnostics load_diags;
  auto res = load_resources(find_mappings_dir(args.common.mappings_dir, argv0), load_diags);
  bool bad_mappings = has_errors(load_diags) || !res.classifier;
  for (const auto& d : load_diags) std::cerr << format_diagnostic(d) << "\n";
  if (bad_mappings) return kExitConfig;
  if (args.policy.empty()) {
    std::cerr << "error: --policy FILE is required (or set `policy:` in .policyscan.yaml)\n";
    return kExitUsage;
  }
  LoadedPolicy policy = load_policy(args.policy, res.taxonomy);
  for (const auto& d : policy.diags)
    if (d.severity != Severity::Note) std::cerr << format_diagnostic(d) << "\n";
  if (!policy.ok()) return kExitConfig;

  auto opts = make_scan_options(args.common);
  if (!opts) return kExitInput;
  ProgressLine progress(!args.common.quiet && isatty(STDERR_FILENO));
  opts->progress = progress.callback();
  ScanOutput scan = run_scan(*opts, *res.library, *res.classifier);
  progress.finish();

  // Policy statements carry the policy's path relative to the root, like code paths.
  std::string policy_rel = relative_to(args.policy, opts->discover.root);
  policy.model.file = policy_rel;
  for (auto* list : {&policy.model.practices, &policy.model.denials}) for (auto& s : *list) s.pos.file = policy_rel;
  for (auto& s : policy.model.recipients) s.pos.file = policy_rel;
  for (auto& s : policy.model.retention) s.pos.file = policy_rel;
  policy.model.tracking.pos.file = policy_rel;

  ConformResult result = conform(scan.points, policy.model, policy.taxonomy, ConformOptions{args.strict_recipients});
  apply_suppressions(result.findings, scan.suppressions);

  ScanReport report;
  report.tool_version = POLICYSCAN_VERSION;
  report.root = opts->discover.root.string();
  report.policy_file = policy_rel;
  report.findings = std::move(result.findings);
  report.points = std::move(scan.points);
  report.diags = std::move(scan.diags);
  report.files_scanned = scan.discovery.files.size();
  report.wall_seconds = scan.wall_seconds;
  for (const auto& b : result.statements)
    report.statements.push_back(StatementView{b.id, b.section, b.summary, b.statement->quote, b.statement->pos.file,
                                              b.statement->pos.line, b.points});

  std::string out;
  if (args.format == "json") out = report_json(report);
  else if (args.format == "sarif") out = report_sarif(report);
  else if (args.format == "html") out = report_html(report);
  else if (args.format == "markdown") out = report_markdown(report);
  else out = report_text(report, args.color || (args.common.output.empty() && isatty(STDOUT_FILENO)), args.show_notes || args.fail_on == "note");
  if (int rc = emit_output(args.common.output, out); rc != kExitClean) return rc;

  auto limit = threshold(args.fail_on);
  if (!limit) return kExitClean;
  for (const auto& f : report.findings)
    if (!f.suppressed && static_cast<int>(f.severity) <= static_cast<int>(*limit)) return kExitFindings;
  return kExitClean;
}

}  // namespace ps
