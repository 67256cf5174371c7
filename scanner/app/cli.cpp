#include "scanner/app/cli.h"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "scanner/app/commands.h"

namespace ps {

static void add_common_scan_options(CLI::App* cmd, CommonScanArgs& a) {
  cmd->add_option("path", a.path, "Repository root to scan")->check(CLI::ExistingDirectory);
  cmd->add_option("--include", a.includes, "Only scan paths matching these globs");
  cmd->add_option("--exclude", a.excludes, "Skip paths matching these globs");
  cmd->add_option("--mappings", a.mappings_dir, "Mapping library directory (default: the installed one)");
  cmd->add_option("--compile-commands", a.compile_commands, "compile_commands.json for C/C++ (default: found at the root)");
  cmd->add_option("--max-file-size", a.max_bytes, "Skip files larger than this many bytes")->capture_default_str();
  cmd->add_option("-j,--jobs", a.jobs, "Worker threads (default: all cores)")->check(CLI::Range(0, 1024));
  cmd->add_flag("--no-gitignore", a.no_gitignore, "Do not respect .gitignore");
  cmd->add_flag("--include-vendored", a.include_vendored, "Scan node_modules, vendor/, third_party/ ...");
  cmd->add_flag("--include-generated", a.include_generated, "Scan generated and minified files");
  cmd->add_flag("--include-tests", a.include_tests, "Scan test code");
  cmd->add_flag("-q,--quiet", a.quiet, "No progress line");
  cmd->add_option("-o,--output", a.output, "Write the report to this file (atomically) instead of stdout");
  cmd->add_option("--shard", a.shard, "Scan only part K of N of the files (K/N, e.g. 2/4); combine with `policyscan merge`");
  cmd->add_option("--cache", a.cache_dir, "Reuse results for unchanged files from this directory, and update it");
  cmd->add_option("--file-timeout", a.file_timeout, "Give up parsing a file after this many seconds (reported as an error; 0: never)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  cmd->add_flag("--profile", a.profile, "Print the slowest files and the time per language and stage to stderr");
}

int run_cli(int argc, char** argv) {
  CLI::App app{"policyscan: check a source repository against its own privacy policy"};
  app.set_version_flag("--version", std::string("policyscan ") + POLICYSCAN_VERSION);
  app.require_subcommand(1);

  InventoryArgs inventory;
  auto* inv = app.add_subcommand("inventory", "List what a repository collects: files, languages and collection points");
  add_common_scan_options(inv, inventory.common);
  inv->add_option("--format", inventory.format, "text or json")->check(CLI::IsMember({"text", "json"}));

  ScanArgs scan;
  auto* sc = app.add_subcommand("scan", "Check a repository against its privacy policy model");
  add_common_scan_options(sc, scan.common);
  sc->add_option("--policy", scan.policy, "Policy model (YAML)")->check(CLI::ExistingFile);
  sc->add_option("--format", scan.format, "text, json, sarif, html or markdown")
      ->check(CLI::IsMember({"text", "json", "sarif", "html", "markdown"}));
  auto* fail_on = sc->add_option("--fail-on", scan.fail_on, "Exit 1 when a finding at or above this severity remains: error, warning, note, none")
                      ->check(CLI::IsMember({"error", "warning", "note", "none"}))
                      ->capture_default_str();
  sc->add_flag("--strict-recipients", scan.strict_recipients, "Require third parties by name, not only by category");
  sc->add_option("--baseline", scan.baseline, "Hide findings recorded in this baseline; list stale entries");
  sc->add_option("--diff-base", scan.diff_base, "Only findings introduced since this git revision (all when the policy changed)");
  sc->add_option("--config", scan.config, "Configuration file (default: .policyscan.yaml at the root)");
  sc->add_flag("--color", scan.color, "Colour the text report even when not on a terminal");
  sc->add_flag("--show-notes", scan.show_notes, "List notes in the text report, not only count them");

  MergeArgs merge;
  auto* mg = app.add_subcommand("merge", "Combine the JSON reports of `scan --shard K/N` runs into one report, judged as one scan");
  mg->add_option("reports", merge.reports, "JSON reports of the shards (scan --format json)")->required()->check(CLI::ExistingFile);
  mg->add_option("--root", merge.scan.common.path, "Repository root (for .policyscan.yaml and the policy path)")->check(CLI::ExistingDirectory);
  mg->add_option("--policy", merge.scan.policy, "Policy model (YAML)")->check(CLI::ExistingFile);
  mg->add_option("--format", merge.scan.format, "text, json, sarif, html or markdown")
      ->check(CLI::IsMember({"text", "json", "sarif", "html", "markdown"}));
  auto* merge_fail_on = mg->add_option("--fail-on", merge.scan.fail_on, "Exit 1 when a finding at or above this severity remains")
                            ->check(CLI::IsMember({"error", "warning", "note", "none"}))
                            ->capture_default_str();
  mg->add_flag("--strict-recipients", merge.scan.strict_recipients, "Require third parties by name, not only by category");
  mg->add_option("--baseline", merge.scan.baseline, "Hide findings recorded in this baseline; list stale entries");
  mg->add_option("--config", merge.scan.config, "Configuration file (default: .policyscan.yaml at the root)");
  mg->add_option("--mappings", merge.scan.common.mappings_dir, "Mapping library directory (default: the installed one)");
  mg->add_option("-o,--output", merge.scan.common.output, "Write the report to this file (atomically) instead of stdout");
  mg->add_flag("--show-notes", merge.scan.show_notes, "List notes in the text report, not only count them");

  auto* baseline_cmd = app.add_subcommand("baseline", "Record accepted findings");
  baseline_cmd->require_subcommand(1);
  BaselineArgs baseline;
  auto* bc = baseline_cmd->add_subcommand("create", "Write a baseline of the current findings (fingerprints, who, when, why)");
  add_common_scan_options(bc, baseline.scan.common);
  bc->add_option("--policy", baseline.scan.policy, "Policy model (YAML)")->check(CLI::ExistingFile);
  bc->add_option("--reason", baseline.reason, "Why these findings are accepted");
  bc->add_option("--config", baseline.scan.config, "Configuration file (default: .policyscan.yaml at the root)");
  bc->add_flag("--strict-recipients", baseline.scan.strict_recipients, "Require third parties by name");

  auto* policy_cmd = app.add_subcommand("policy", "Work with policy models");
  policy_cmd->require_subcommand(1);
  PolicyCheckArgs check;
  auto* pc = policy_cmd->add_subcommand("check", "Validate and lint a policy model");
  pc->add_option("file", check.file, "Policy model (YAML)")->required()->check(CLI::ExistingFile);
  pc->add_option("--mappings", check.mappings_dir, "Mapping library directory (for the taxonomy)");

  PolicyDraftArgs draft;
  auto* pd = policy_cmd->add_subcommand("draft", "Draft a policy model from a privacy policy's text (plain, Markdown, HTML, TSX/MDX)");
  pd->add_option("file", draft.file, "The privacy policy document")->required()->check(CLI::ExistingFile);
  pd->add_option("--format", [](const std::vector<std::string>&) { return true; }, "yaml (the only format)")->expected(1);
  pd->add_option("-o,--output", draft.output, "Write the draft to this file (atomically)");
  pd->add_option("--compare", draft.compare, "A reviewed model: print the draft's precision and recall against it")->check(CLI::ExistingFile);
  pd->add_option("--mappings", draft.mappings_dir, "Mapping library directory (lexicon and taxonomy)");

  FactsArgs facts;
  auto* fc = app.add_subcommand("facts", "Print the facts extracted from one file (for writing mappings)");
  fc->add_option("file", facts.file, "Source file")->required()->check(CLI::ExistingFile);
  fc->add_option("--language", facts.language, "Language, when the file name does not say");
  fc->add_option("--root", facts.root, "Project root (where compile_commands.json is looked for)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitClean : kExitUsage;
  }
  try {
    if (inv->parsed()) return cmd_inventory(inventory, argv[0]);
    if (fc->parsed()) return cmd_facts(facts);
    if (sc->parsed()) {
      scan.fail_on_given = fail_on->count() > 0;
      return cmd_scan(scan, argv[0]);
    }
    if (mg->parsed()) {
      merge.scan.fail_on_given = merge_fail_on->count() > 0;
      return cmd_merge(merge, argv[0]);
    }
    if (bc->parsed()) return cmd_baseline_create(baseline, argv[0]);
    if (pc->parsed()) return cmd_policy_check(check, argv[0]);
    if (pd->parsed()) return cmd_policy_draft(draft, argv[0]);
  } catch (const std::exception& e) {
    std::cerr << "policyscan: internal error: " << e.what() << "\n";
    return kExitInternal;
  } catch (...) {
    std::cerr << "policyscan: internal error\n";
    return kExitInternal;
  }
  return kExitUsage;
}

}  // namespace ps
