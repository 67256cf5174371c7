// `policyscan policy draft FILE`: prose policy -> draft model; with
// --compare EXPECTED, the draft's precision and recall against a reviewed model.
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "scanner/app/commands.h"
#include "scanner/app/resources.h"
#include "scanner/app/scan_setup.h"
#include "scanner/draft/draft.h"
#include "scanner/draft/draft_eval.h"
#include "scanner/policy/policy_loader.h"

namespace ps {

int cmd_policy_draft(const PolicyDraftArgs& args, const char* argv0) {
  std::ifstream in(args.file, std::ios::binary);
  if (!in) {
    std::cerr << args.file << ": error: cannot read\n";
    return kExitInput;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  auto mappings = find_mappings_dir(args.mappings_dir, argv0);
  Diagnostics diags;
  Lexicon lexicon = load_lexicon(mappings / "lexicon" / "lexicon.yaml", diags);
  Taxonomy taxonomy = Taxonomy::load(mappings / "taxonomy", diags);
  for (const auto& d : diags) std::cerr << format_diagnostic(d) << "\n";
  if (has_errors(diags)) return kExitConfig;

  auto lines = extract_prose(text, guess_prose_format(args.file, text));
  Draft draft = draft_policy(split_sentences(lines), lexicon, std::filesystem::path(args.file).filename().string());
  std::string yaml = draft_yaml(draft);

  // A draft must pass `policy check`; say so if it does not.
  LoadedPolicy check = load_policy_text(yaml, "(draft)", taxonomy);
  for (const auto& d : check.diags)
    if (d.severity == Severity::Error) std::cerr << format_diagnostic(d) << "\n";
  if (int rc = emit_output(args.output, yaml); rc != kExitClean) return rc;
  if (!check.ok()) return kExitInternal;

  if (!args.compare.empty()) {
    LoadedPolicy expected = load_policy(args.compare, taxonomy);
    if (!expected.ok()) {
      for (const auto& d : expected.diags) std::cerr << format_diagnostic(d) << "\n";
      return kExitConfig;
    }
    DraftScore s = score_draft(check.model, expected.model, check.taxonomy);
    std::cerr << fmt::format("{}: precision {:.2f} ({}/{}), recall {:.2f} ({}/{})\n", args.file, s.precision(), s.matched_drafted,
                             s.drafted, s.recall(), s.matched_expected, s.expected);
    for (const auto& m : s.missing) std::cerr << "  missing: " << m << "\n";
    for (const auto& x : s.extra) std::cerr << "  extra:   " << x << "\n";
  }
  return kExitClean;
}

}  // namespace ps
