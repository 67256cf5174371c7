#pragma once
// The taxonomies a policy is written in: data categories (fideslang plus
// extensions), data uses (purposes), data subjects, the recipient hierarchy
// and the tracking technologies. Loaded from mappings/taxonomy as data and
// passed around; a key covers every key below it.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scanner/core/diagnostic.h"

namespace ps {

// A hierarchy of keys: "user.contact.email" is under "user.contact".
class KeyTree {
 public:
  // An empty parent means "the key minus its last dotted segment" (or a root).
  void add(const std::string& key, std::string parent = {});
  bool known(const std::string& key) const { return parent_.count(key) > 0; }
  // a covers b: a is b or an ancestor of b. Unknown keys cover only themselves.
  bool covers(const std::string& a, const std::string& b) const;
  std::optional<std::string> parent(const std::string& key) const;
  // Parents of key, nearest first ("user.contact.email" -> user.contact, user).
  std::vector<std::string> ancestors(const std::string& key) const;
  std::vector<std::string> keys() const;  // sorted
  std::size_t size() const { return parent_.size(); }
  // The known key nearest to a misspelt one (edit distance), or the one key
  // ending in the given dotted tail ("email" -> "user.contact.email").
  std::optional<std::string> suggest(const std::string& key) const;

 private:
  std::map<std::string, std::string> parent_;  // key -> parent ("" for roots)
};

// A new category key under an existing one (extensions.yaml or a policy's
// `extensions:`), with where it was declared.
struct Extension {
  std::string key, parent;
  std::string file;
  int line = 0, column = 0;
};

struct Taxonomy {
  KeyTree categories;
  KeyTree uses;
  KeyTree subjects;
  KeyTree recipients;                           // categories of recipients (anyone > we | third_party > ...)
  std::map<std::string, std::string> replaced;  // deprecated category or use -> replacement
  // Tracking technology name -> point kinds that are it ("cookie" -> {"cookie"}).
  std::map<std::string, std::vector<std::string>> tracking_tech;

  // Loads data_categories, extensions, data_uses, data_subjects and
  // recipients (.yaml) from dir; problems become diagnostics, never throws.
  static Taxonomy load(const std::filesystem::path& dir, Diagnostics& diags);

  // Tracking technologies a point kind is ("tracking-pixel" -> pixel, web_beacon).
  std::vector<std::string> tracking_tech_of(const std::string& point_kind) const;
};

// Adds extensions to t.categories. An extension whose parent is unknown, that
// is part of a cycle or that redefines a key under another parent is
// reported (file:line:column) and skipped. Extensions may build on each other.
// Returns the extensions added.
std::vector<Extension> add_extensions(Taxonomy& t, const std::vector<Extension>& exts, Diagnostics& diags);

// Edits (insert, delete, substitute, swap two neighbours) turning a into b.
std::size_t edit_distance(const std::string& a, const std::string& b);

}  // namespace ps
