#pragma once
// Load and validate a policy model. Every problem — malformed YAML, a wrong
// type, an unknown key (with a suggestion), an unknown taxonomy key, a bad
// duration, a duplicate id, an extension cycle — is a Diagnostic with the
// YAML file, line and column. Loading never throws and never crashes.
#include <filesystem>
#include <string>

#include "scanner/core/diagnostic.h"
#include "scanner/policy/policy_model.h"
#include "scanner/policy/taxonomy.h"

namespace ps {

struct LoadedPolicy {
  PolicyModel model;
  Taxonomy taxonomy;  // the shipped taxonomy plus the model's extensions
  Diagnostics diags;
  bool ok() const { return !has_errors(diags); }
};

LoadedPolicy load_policy(const std::filesystem::path& file, const Taxonomy& base);
LoadedPolicy load_policy_text(const std::string& yaml, const std::string& name, const Taxonomy& base);

// Consistency checks over a loaded model: a practice that a denial forbids,
// recipients nothing refers to, deprecated keys. Warnings and notes.
Diagnostics lint_policy(const PolicyModel& model, const Taxonomy& taxonomy);

}  // namespace ps
