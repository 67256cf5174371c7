// `policyscan scan PATH --policy FILE`: the whole pipeline, a report, and an
// exit code a CI gate can use; `policyscan baseline create` shares the run.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include <fmt/format.h>

#include "reports/scan_report.h"
#include "scanner/app/atomic_write.h"
#include "scanner/app/baseline.h"
#include "scanner/app/commands.h"
#include "scanner/app/diff_filter.h"
#include "scanner/app/repo_config.h"
#include "scanner/app/resources.h"
#include "scanner/app/scan_setup.h"
#include "scanner/app/shard_merge.h"
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

void relocate_policy(PolicyModel& m, const std::string& file) {
  m.file = file;
  for (auto* list : {&m.practices, &m.denials})
    for (auto& s : *list) s.pos.file = file;
  for (auto& s : m.recipients) s.pos.file = file;
  for (auto& s : m.retention) s.pos.file = file;
  m.tracking.pos.file = file;
  m.children.pos.file = file;
}

// Fills args from .policyscan.yaml where the command line left them unset.
bool apply_config(ScanArgs& args) {
  std::filesystem::path file = args.config.empty() ? std::filesystem::path(args.common.path) / ".policyscan.yaml" : std::filesystem::path(args.config);
  Diagnostics diags;
  auto cfg = load_repo_config(file, diags);
  for (const auto& d : diags) std::cerr << format_diagnostic(d) << "\n";
  if (has_errors(diags)) return false;
  if (!args.config.empty() && !cfg) {
    std::cerr << args.config << ": error: cannot read the configuration file\n";
    return false;
  }
  if (!cfg) return true;
  if (args.policy.empty()) args.policy = cfg->policy;
  if (args.baseline.empty()) args.baseline = cfg->baseline;
  args.common.includes.insert(args.common.includes.end(), cfg->include.begin(), cfg->include.end());
  args.common.excludes.insert(args.common.excludes.end(), cfg->exclude.begin(), cfg->exclude.end());
  if (!args.fail_on_given && !cfg->fail_on.empty()) args.fail_on = cfg->fail_on;
  if (cfg->strict_recipients && !args.strict_recipients) args.strict_recipients = *cfg->strict_recipients;
  return true;
}

// Whether the code enforces a retention rule anywhere cannot be judged from
// the changed files alone; full scans (or --cache) judge it.
void drop_repository_wide(std::vector<Finding>& findings) {
  findings.erase(std::remove_if(findings.begin(), findings.end(), [](const Finding& f) { return f.rule == "retention-not-enforced"; }),
                 findings.end());
}

// The shared run: config, mappings, policy, scan (or the merged reports of
// shards), conform, suppressions, baseline and diff filter. Returns the
// report, or an exit code on failure.
std::optional<ScanReport> run(ScanArgs& args, const char* argv0, int& rc, const std::vector<std::string>* shard_reports = nullptr) {
  if (!apply_config(args)) { rc = kExitConfig; return std::nullopt; }
  Diagnostics load_diags;
  auto mappings_dir = find_mappings_dir(args.common.mappings_dir, argv0);
  auto res = load_resources(mappings_dir, load_diags);
  for (const auto& d : load_diags) std::cerr << format_diagnostic(d) << "\n";
  if (has_errors(load_diags) || !res.classifier) { rc = kExitConfig; return std::nullopt; }
  if (args.policy.empty()) {
    std::cerr << "error: --policy FILE is required (or set `policy:` in .policyscan.yaml)\n";
    rc = kExitUsage;
    return std::nullopt;
  }
  LoadedPolicy policy = load_policy(args.policy, res.taxonomy);
  for (const auto& d : policy.diags)
    if (d.severity != Severity::Note) std::cerr << format_diagnostic(d) << "\n";
  if (!policy.ok()) { rc = kExitConfig; return std::nullopt; }

  auto opts = make_scan_options(args.common);
  if (!opts) { rc = kExitUsage; return std::nullopt; }
  std::optional<ChangedLines> changed;
  if (!args.diff_base.empty()) {
    std::string err;
    changed = changed_since(opts->discover.root, args.diff_base, err);
    if (!changed) {
      std::cerr << "error: --diff-base " << args.diff_base << ": " << err << "\n";
      rc = kExitUsage;
      return std::nullopt;
    }
  }
  std::string policy_rel = relative_to(args.policy, opts->discover.root);
  // Only findings on changed lines are reported, so without a cache only the
  // changed files are scanned: a one-file change in a large tree costs one
  // file. With a cache the whole tree is scanned (cheaply) and the
  // repository-wide rules stay exact.
  bool partial = changed && !changed->file_changed(policy_rel) && args.common.cache_dir.empty();
  if (partial) opts->discover.keep = [&changed](std::string_view rel) { return changed->file_changed(std::string(rel)); };
  std::optional<Baseline> baseline;
  if (!args.baseline.empty()) {
    std::string err;
    baseline = load_baseline(args.baseline, err);
    if (!baseline) {
      std::cerr << "error: " << err << "\n";
      rc = kExitConfig;
      return std::nullopt;
    }
  }

  ScanOutput scan;
  if (shard_reports) {
    std::string err;
    auto merged = merge_scan_reports(*shard_reports, err);
    if (!merged) {
      std::cerr << "error: " << err << "\n";
      rc = kExitInput;
      return std::nullopt;
    }
    if (merged->policy_file != policy_rel)
      std::cerr << fmt::format("warning: the shards were checked against {}, this merge checks against {}\n", merged->policy_file, policy_rel);
    scan = std::move(merged->scan);
  } else {
    scan = scan_repository(args.common, *opts, *res.library, *res.classifier, mappings_dir);
  }

  relocate_policy(policy.model, policy_rel);
  ConformResult result = conform(scan.points, policy.model, policy.taxonomy, ConformOptions{args.strict_recipients});
  if (partial) drop_repository_wide(result.findings);
  apply_suppressions(result.findings, scan.suppressions);

  ScanReport report;
  if (baseline) report.stale_baseline = apply_baseline(result.findings, *baseline);
  if (changed) keep_introduced(result.findings, *changed, policy_rel);
  report.tool_version = POLICYSCAN_VERSION;
  report.root = opts->discover.root.string();
  report.policy_file = policy_rel;
  report.findings = std::move(result.findings);
  report.points = std::move(scan.points);
  report.diags = std::move(scan.diags);
  report.files_scanned = scan.files_scanned;
  report.suppressions = scan.suppressions;
  report.wall_seconds = scan.wall_seconds;
  for (const auto& b : result.statements)
    report.statements.push_back(StatementView{b.id, b.section, b.summary, b.statement->quote, b.statement->pos.file,
                                              b.statement->pos.line, b.points});
  rc = kExitClean;
  return report;
}

std::string now_iso() {
  std::time_t t = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

// Writes the report in the chosen format and turns findings into an exit code.
int finish(const ScanArgs& args, const ScanReport& report) {
  std::string out;
  if (args.format == "json") out = report_json(report);
  else if (args.format == "sarif") out = report_sarif(report);
  else if (args.format == "html") out = report_html(report);
  else if (args.format == "markdown") out = report_markdown(report);
  else
    out = report_text(report, args.color || (args.common.output.empty() && isatty(STDOUT_FILENO)),
                      args.show_notes || args.fail_on == "note");
  if (int w = emit_output(args.common.output, out); w != kExitClean) return w;

  auto limit = threshold(args.fail_on);
  if (!limit) return kExitClean;
  for (const auto& f : report.findings)
    if (!f.suppressed && static_cast<int>(f.severity) <= static_cast<int>(*limit)) return kExitFindings;
  return kExitClean;
}

}  // namespace

int cmd_scan(ScanArgs args, const char* argv0) {
  int rc = kExitClean;
  auto report = run(args, argv0, rc);
  return report ? finish(args, *report) : rc;
}

int cmd_merge(MergeArgs args, const char* argv0) {
  int rc = kExitClean;
  auto report = run(args.scan, argv0, rc, &args.reports);
  return report ? finish(args.scan, *report) : rc;
}

int cmd_baseline_create(BaselineArgs args, const char* argv0) {
  args.scan.baseline.clear();  // a new baseline records everything found now
  int rc = kExitClean;
  auto report = run(args.scan, argv0, rc);
  if (!report) return rc;
  Baseline b;
  b.created = now_iso();
  const char* user = std::getenv("USER");
  b.created_by = user ? user : "";
  b.reason = args.reason;
  for (const auto& f : report->findings)
    if (!f.suppressed) b.entries.push_back(BaselineEntry{f.fingerprint, f.rule, f.path, f.line, f.message});
  std::string target = args.scan.common.output.empty() ? ".policyscan-baseline.json" : args.scan.common.output;
  if (auto err = write_file_atomically(target, baseline_json(b)); !err.empty()) {
    std::cerr << "error: " << err << "\n";
    return kExitInput;
  }
  std::cerr << fmt::format("{}: {} findings recorded\n", target, b.entries.size());
  return kExitClean;
}

}  // namespace ps
