#pragma once
// Local names bound to modules or to objects made by a call, so that
// `import mp from 'mixpanel-browser'; mp.track()` and
// `client = OpenAI(); client.chat.completions.create()` resolve to the
// module's names. Fed with a file's Import and Bind facts in source order;
// the detect stage resolves call and member paths with it, and the parse
// stage keeps the same state to know which calls a rule may match.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "scanner/core/facts.h"
#include "scanner/core/path_index.h"
#include "scanner/core/string_hash.h"
#include "scanner/core/word_filter.h"

namespace ps {

class Aliases {
 public:
  // Two spellings of what a name stands for: `full` expands imports to the
  // module ("github.com/stripe/stripe-go.NewClient"), `local` keeps the
  // imported names as the code wrote them ("stripe.NewClient"), so a rule
  // may use either the module path or the package's usual name.
  enum class Form { Full, Local };

  void import(const Fact& f);
  // A Bind fact: its value's callee (`client = OpenAI()`), or the type it
  // declares (`type`: a typed parameter or field, `this.client = new OpenAI()`).
  void bind(const Fact& f);
  // Whether a path's head (alias_head) is an alias (the path resolves to
  // something else).
  bool aliased(std::string_view path) const;
  // A path as written, then as resolved through the aliases in each form
  // (distinct spellings only).
  std::vector<std::string> spellings(const std::string& path) const;
  // Rewrites the first segment through the alias chain, each alias at most
  // once: `from honeybadger import honeybadger` maps honeybadger to
  // honeybadger.honeybadger, which must not be expanded again.
  std::string resolve(std::string_view path, Form form = Form::Full) const;
  // The first and last segments of resolve(path, form), without building
  // it (views into path or into the aliases); nullopt in the rare case only
  // resolve() can tell (a receiver's name that is also an alias's target).
  std::optional<std::pair<std::string_view, std::string_view>> resolved_ends(std::string_view path, Form form) const;
  // Patterns matching the path as written or in either resolved form: with
  // hits, appends what each spelling matches (and returns false); without,
  // returns whether any spelling matches.
  bool match(const PathIndex& patterns, std::string_view path, std::vector<std::uint32_t>* hits = nullptr) const;

 private:
  struct Target {
    std::string full, local;
  };
  using Map = StringMap<Target>;
  Target target_of(const std::string& path) const { return Target{resolve(path, Form::Full), resolve(path, Form::Local)}; }
  // resolved_ends with the alias of path's head already looked up (end(): none).
  std::optional<std::pair<std::string_view, std::string_view>> resolved_ends(std::string_view path, Form form, Map::const_iterator hit) const;
  // Whether a path starting with this name has a two-segment head:
  // this/self/$this, and Go receivers whose members were declared.
  // (Inline, as find_head: asked for every path a walk resolves.)
  bool two_segment_head(std::string_view first) const {
    return first == "this" || first == "self" || first == "$this" || (!heads_.empty() && heads_.count(first) > 0);
  }
  // The alias standing for path's head, and the head's length: two
  // segments when they are a key (`this.client`), else the first.
  std::pair<Map::const_iterator, std::size_t> find_head(std::string_view path) const {
    std::string_view first = first_segment(path);
    if (first.size() != path.size() && two_segment_head(first)) {
      std::string_view two = path.substr(0, path.find('.', first.size() + 1));
      if (auto it = find(two); it != map_.end()) return {it, two.size()};
    }
    return {find(first), first.size()};
  }
  // The alias of a name; the filter rules most names out without hashing them.
  Map::const_iterator find(std::string_view name) const { return names_.may_contain(name) ? map_.find(name) : map_.end(); }
  void set(const std::string& name, Target t) {
    map_[name] = std::move(t);
    names_.add(name);
  }
  Map map_;
  StringSet heads_;  // receivers with two-segment heads (besides this/self/$this)
  WordFilter names_;  // every name ever aliased (a superset of map_'s keys)
};

// The part of a path a field alias may stand for: its first segment, or
// its first two after this/self/$this, so that a field bound in a
// constructor (`this.client = new OpenAI()`) resolves where a method uses
// it. (Aliases also try the first segment alone, and Go receivers.)
inline std::string_view alias_head(std::string_view path) {
  std::string_view first = first_segment(path);
  if (first.size() == path.size() || !(first == "this" || first == "self" || first == "$this")) return first;
  return path.substr(0, path.find('.', first.size() + 1));
}

// Go module paths carry a major version ("github.com/x/y/v76", also before
// a package: "github.com/x/y/v76/client"): drop it so one pattern covers
// every version.
std::string strip_go_version(std::string m);

// The callee of a call expression's text: "new Mixpanel(token)" -> "Mixpanel",
// "Analytics.init(k)" -> "Analytics.init", "try await S3Client()" ->
// "S3Client"; "" when the text is not a call.
std::string callee_of_call_text(std::string_view text);

}  // namespace ps
