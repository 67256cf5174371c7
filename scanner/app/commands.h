#pragma once
// The subcommands; each lives in its own file (cmd_*.cpp) and returns an
// exit code from cli.h.
#include <optional>
#include <string>
#include <vector>

#include "scanner/app/cli.h"

namespace ps {

// Options every scanning command shares.
struct CommonScanArgs {
  std::string path = ".";
  std::vector<std::string> includes, excludes;
  std::optional<std::string> mappings_dir;
  std::optional<std::string> compile_commands;
  std::uint64_t max_bytes = 4u << 20;
  int jobs = 0;
  bool no_gitignore = false;
  bool include_vendored = false, include_generated = false, include_tests = false;
  bool quiet = false;
  std::string output;       // "" = stdout
  std::string shard;        // "K/N": only this part of the files
  std::string cache_dir;    // reuse and update results of earlier scans ("" = none)
  double file_timeout = 30;  // seconds per file parse; 0 = no limit (grammars have runaway inputs)
  bool profile = false;     // print where the time went (stderr)
};

struct InventoryArgs {
  CommonScanArgs common;
  std::string format = "text";
};

int cmd_inventory(const InventoryArgs& args, const char* argv0);

struct ScanArgs {
  CommonScanArgs common;
  std::string policy;
  std::string format = "text";  // text, json, sarif, html, markdown
  std::string fail_on = "warning";
  bool strict_recipients = false;
  std::string baseline;   // baseline file: known findings are hidden
  std::string diff_base;  // git revision: only findings introduced since
  std::string config;     // .policyscan.yaml ("" = found at the root)
  bool fail_on_given = false;  // --fail-on on the command line (wins over the config file)
  bool color = false;
  bool show_notes = false;
};
int cmd_scan(ScanArgs args, const char* argv0);

// `policyscan merge REPORT...`: the JSON reports of `scan --shard K/N` runs,
// judged again as one scan (same options as scan, minus the scanning ones).
struct MergeArgs {
  ScanArgs scan;
  std::vector<std::string> reports;
};
int cmd_merge(MergeArgs args, const char* argv0);

struct BaselineArgs {
  ScanArgs scan;
  std::string reason;
};
int cmd_baseline_create(BaselineArgs args, const char* argv0);

struct PolicyCheckArgs {
  std::string file;
  std::optional<std::string> mappings_dir;
};
int cmd_policy_check(const PolicyCheckArgs& args, const char* argv0);

struct PolicyDraftArgs {
  std::string file;
  std::string output;   // "" = stdout
  std::string compare;  // a reviewed model to score the draft against
  std::optional<std::string> mappings_dir;
};
int cmd_policy_draft(const PolicyDraftArgs& args, const char* argv0);

struct FactsArgs {
  std::string file;
  std::string language;  // "" = from the file name
  std::string root;      // for compile_commands.json; "" = the file's directory
};
int cmd_facts(const FactsArgs& args);

}  // namespace ps
