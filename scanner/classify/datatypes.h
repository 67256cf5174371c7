#pragma once
// Names -> data categories, from mappings/datatypes.yaml. All patterns go
// into two RE2::Sets (matches and exclusions), so a name costs two scans
// whatever the number of categories.
#include <filesystem>
#include <memory>
#include <unordered_set>
#include <string>
#include <string_view>
#include <vector>

#include "scanner/core/diagnostic.h"

namespace re2 {
class RE2;
}

namespace ps {

class DataTypeClassifier {
 public:
  // Loads and compiles the YAML; problems are diagnostics with file:line:column.
  static std::unique_ptr<DataTypeClassifier> load(const std::filesystem::path& file, Diagnostics& diags);
  static std::unique_ptr<DataTypeClassifier> from_text(const std::string& yaml, const std::string& name, Diagnostics& diags);
  ~DataTypeClassifier();

  // Categories a name or member path carries ("user.emailAddress" ->
  // {"user.contact.email"}); sorted, unique, empty when none. Trailing
  // value-preserving methods of a call path are dropped first
  // ("email.trim.toLowerCase" is still the email).
  // Remembered per thread: the same names recur file after file, and each
  // new one costs two RE2::Set scans.
  std::vector<std::string> classify_name(std::string_view name) const;
  // The same for a string literal used as a key ('user_email'); strings that
  // are not identifier-like (prose, URLs) carry nothing.
  std::vector<std::string> classify_key_string(std::string_view s) const;
  // Every category key the classifier can produce (for taxonomy checks).
  const std::vector<std::string>& categories() const { return categories_; }

 private:
  DataTypeClassifier();
  std::vector<std::string> classify_uncached(std::string_view name) const;
  struct Sets;
  std::unique_ptr<Sets> sets_;
  struct Memo;
  std::unique_ptr<Memo> memo_;  // classify_name's answers, per thread
  std::vector<std::string> categories_;
  std::vector<std::size_t> match_category_;    // match pattern index -> category index
  std::vector<std::size_t> exclude_category_;  // exclude pattern index -> category index
  std::unordered_set<std::string> transparent_;  // value_preserving_methods of the YAML
};

// "user.emailAddress" -> "user.email_address": words of each segment joined
// by '_', the last two segments kept (what the data is, and whose).
std::string name_form(std::string_view path);

}  // namespace ps
