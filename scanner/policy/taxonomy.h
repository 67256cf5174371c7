#pragma once
// The taxonomies a policy is written in: data categories (fideslang plus
// extensions), data uses (purposes) and the recipient hierarchy. Loaded from
// mappings/taxonomy; a key covers every key below it.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scanner/core/diagnostic.h"

namespace ps {

// A dotted hierarchy: "user.contact.email" is under "user.contact".
class KeyTree {
 public:
  void add(const std::string& key, std::string parent = {});
  bool known(const std::string& key) const { return parent_.count(key) > 0; }
  // a covers b: a is b or an ancestor of b.
  bool covers(const std::string& a, const std::string& b) const;
  std::optional<std::string> parent(const std::string& key) const;
  std::vector<std::string> keys() const;
  // The known key nearest to a misspelt one (edit distance), if close enough.
  std::optional<std::string> suggest(const std::string& key) const;

 private:
  std::map<std::string, std::string> parent_;  // key -> parent ("" for roots)
};

struct Taxonomy {
  KeyTree categories;
  KeyTree uses;
  KeyTree recipients;                           // categories of recipients (anyone > we | third_party > ...)
  std::map<std::string, std::string> replaced;  // deprecated category -> replacement

  // Loads data_categories.yaml, extensions.yaml, data_uses.yaml and recipients.yaml from dir.
  static Taxonomy load(const std::filesystem::path& dir, Diagnostics& diags);
};

std::size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace ps
