#include "scanner/core/aliases.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "scanner/core/text.h"

namespace ps {

namespace {
// The aliases a resolution went through (each is used once; chains stop at 8).
struct Used {
  std::array<const std::string*, 8> at{};
  std::size_t n = 0;
  bool has(const std::string* a) const { return std::find(at.begin(), at.begin() + static_cast<long>(n), a) != at.begin() + static_cast<long>(n); }
  void add(const std::string* a) {
    if (n < at.size()) at[n++] = a;
  }
};
}  // namespace

std::string strip_go_version(std::string m) {
  // A "/vN" element: at the end, or in a Go module path (its first element
  // a domain) before the package ("github.com/stripe/stripe-go/v76/client").
  bool go_module = m.find('.') < m.find('/');
  for (std::size_t at = m.find("/v"); at != std::string::npos; at = m.find("/v", at + 1)) {
    std::size_t end = at + 2;
    while (end < m.size() && std::isdigit(static_cast<unsigned char>(m[end]))) ++end;
    if (end == at + 2 || (end < m.size() && (m[end] != '/' || !go_module))) continue;
    m.erase(at, end - at);
    if (at == m.size()) break;
    --at;  // look again from the element that moved in
  }
  return m;
}

std::string callee_of_call_text(std::string_view text) {
  text = trim(text);
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (std::string_view kw : {"new ", "await ", "try ", "try? ", "try! "})
      if (starts_with(text, kw)) {
        text = trim(text.substr(kw.size()));
        stripped = true;
      }
  }
  auto paren = text.find('(');
  if (paren == std::string_view::npos || paren == 0) return {};
  return normalize_path(text.substr(0, paren));
}

void Aliases::import(const Fact& f) {
  if (f.name.empty()) return;
  std::string base = strip_go_version(f.path);
  if (!f.imported.empty() && f.imported != "*" && f.imported != "default") base += "." + f.imported;
  set(f.name, Target{std::move(base), f.name});
}

void Aliases::bind(const Fact& f) {
  // A declared type. (A type starting with this/self is no type: a callee
  // such as `this.factory`.)
  if (!f.type.empty()) {
    if (alias_head(f.type) != first_segment(f.type)) return;
    // `s.client` of a Go receiver s: s's members are looked up two segments at a time.
    std::string_view first = first_segment(f.name);
    if (first.size() != f.name.size() && alias_head(f.name) == first) heads_.emplace(first);
    set(f.name, target_of(f.type));
    return;
  }
  if (f.args.empty()) return;
  const Expr& value = f.args[0];
  std::string callee = callee_of_call_text(value.text);
  if (callee.empty()) {
    // Destructuring: `const { trackEvent } = Plausible(opts)` binds
    // trackEvent to Plausible.trackEvent (the parse stage writes the
    // member path as the value's one name).
    if (value.text == f.name && value.names.size() == 1 && value.names[0] != f.name) {
      set(f.name, target_of(value.names[0]));
      return;
    }
    // A copy of an alias: `_chat = chat` where chat is a typed parameter.
    // (Not a member of one: `ip := r.RemoteAddr` reads r.RemoteAddr once,
    // and `return ip` would read it again.)
    if (value.text != f.name && find_head(value.text).second == value.text.size() && aliased(value.text)) {
      set(f.name, target_of(value.text));
      return;
    }
    if (auto it = map_.find(f.name); it != map_.end()) map_.erase(it);
    return;
  }
  set(f.name, target_of(callee));
}

bool Aliases::aliased(std::string_view path) const { return !map_.empty() && find_head(path).first != map_.end(); }

std::vector<std::string> Aliases::spellings(const std::string& path) const {
  std::vector<std::string> out{path};
  if (!aliased(path)) return out;  // the common case: nothing to resolve
  for (Form form : {Form::Full, Form::Local}) {
    std::string r = resolve(path, form);
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(std::move(r));
  }
  return out;
}

std::string Aliases::resolve(std::string_view path, Form form) const {
  std::string cur(path);
  Used used;
  for (int depth = 0; depth < 8; ++depth) {  // bounded: longer chains end here
    auto it = find_head(cur).first;
    if (it == map_.end() || used.has(&it->first)) break;
    used.add(&it->first);
    std::string rest = cur.substr(std::min(cur.size(), it->first.size()));
    std::string next = (form == Form::Full ? it->second.full : it->second.local) + rest;
    if (next == cur) break;
    cur = std::move(next);
  }
  return cur;
}

// Follows resolve() step by step without building the path: each step
// replaces the path's head (a key, which `lead` starts with) by its
// target; what followed the first head never changes, so the last segment
// is fixed once anything follows the lead.
std::optional<std::pair<std::string_view, std::string_view>> Aliases::resolved_ends(std::string_view path, Form form) const {
  return resolved_ends(path, form, find_head(path).first);
}

std::optional<std::pair<std::string_view, std::string_view>> Aliases::resolved_ends(std::string_view path, Form form,
                                                                                   Map::const_iterator hit) const {
  std::string_view lead = path, last;  // the path is lead + (tail ? the rest : "")
  bool tail = false;
  Used used;
  for (int depth = 0; depth < 8; ++depth) {
    Map::const_iterator it = hit;  // the path's head was looked up by the caller
    if (depth > 0) {
      std::string_view first = first_segment(lead);
      if (first.size() == lead.size() && tail && two_segment_head(first))
        return std::nullopt;  // the head would span the lead and the rest: let resolve() say
      it = find_head(lead).first;
    }
    if (it == map_.end() || used.has(&it->first)) break;
    used.add(&it->first);
    const std::string& target = form == Form::Full ? it->second.full : it->second.local;
    if (target == it->first) break;  // resolve() stops when nothing changes
    if (!tail && it->first.size() < lead.size()) {
      tail = true;
      last = last_segment(lead);
    }
    lead = target;
  }
  return std::pair{first_segment(lead), tail ? last : last_segment(lead)};
}

bool Aliases::match(const PathIndex& patterns, std::string_view path, std::vector<std::uint32_t>* hits) const {
  auto at = [&](std::string_view p) {
    if (!hits) return patterns.matches(p);
    patterns.find(p, *hits);
    return false;
  };
  if (at(path)) return true;
  if (map_.empty()) return false;
  auto hit = find_head(path).first;  // once for both forms
  if (hit == map_.end()) return false;
  for (Form form : {Form::Full, Form::Local}) {
    // Most resolved spellings are ruled out by their ends, without building them.
    auto ends = resolved_ends(path, form, hit);
    if ((!ends || patterns.may_match_ends(ends->first, ends->second)) && at(resolve(path, form))) return true;
  }
  return false;
}

}  // namespace ps
