#pragma once
// The command line: subcommands, options and exit codes.
namespace ps {

// Exit codes (documented in README.md):
//   0 clean, 1 findings at or above --fail-on, 2 usage error,
//   3 policy/config/mapping error, 4 input error (scan root missing, a file
//   could not be scanned), 5 internal error.
enum ExitCode : int { kExitClean = 0, kExitFindings = 1, kExitUsage = 2, kExitConfig = 3, kExitInput = 4, kExitInternal = 5 };

int run_cli(int argc, char** argv);

}  // namespace ps
