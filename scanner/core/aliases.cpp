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
  auto slash = m.rfind("/v");
  if (slash != std::string::npos && slash + 2 < m.size() &&
      std::all_of(m.begin() + static_cast<long>(slash) + 2, m.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    m.erase(slash);
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
  // A declared type. (A target starting with this/self would make
  // resolved_ends' heads differ from resolve()'s: such callees are not types.)
  if (!f.type.empty()) {
    if (alias_head(f.type) == first_segment(f.type)) set(f.name, target_of(f.type));
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
    if (value.text != f.name && alias_head(value.text) == value.text && aliased(value.text)) {
      set(f.name, target_of(value.text));
      return;
    }
    if (auto it = map_.find(f.name); it != map_.end()) map_.erase(it);
    return;
  }
  set(f.name, target_of(callee));
}

bool Aliases::aliased(std::string_view path) const { return !map_.empty() && find(alias_head(path)) != map_.end(); }

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
    auto it = find(alias_head(cur));
    if (it == map_.end() || used.has(&it->first)) break;
    used.add(&it->first);
    std::string rest = cur.substr(std::min(cur.size(), it->first.size()));
    std::string next = (form == Form::Full ? it->second.full : it->second.local) + rest;
    if (next == cur) break;
    cur = std::move(next);
  }
  return cur;
}

// Follows resolve() step by step: each step replaces the first segment by
// an alias's target, so the last segment changes only while the path is a
// single segment.
std::pair<std::string_view, std::string_view> Aliases::resolved_ends(std::string_view path, Form form) const {
  return resolved_ends(path, form, find(alias_head(path)));
}

std::pair<std::string_view, std::string_view> Aliases::resolved_ends(std::string_view path, Form form, Map::const_iterator hit) const {
  std::string_view head = alias_head(path), first = first_segment(path), last = last_segment(path);
  bool dotted = head.size() != path.size();  // more than the head
  Used used;
  for (int depth = 0; depth < 8; ++depth) {
    auto it = depth == 0 ? hit : find(head);  // the path's head was looked up by the caller
    if (it == map_.end() || used.has(&it->first)) break;
    used.add(&it->first);
    const std::string& target = form == Form::Full ? it->second.full : it->second.local;
    if (target == head) break;  // resolve() stops when nothing changes
    head = alias_head(target);
    if (!dotted) {
      last = last_segment(target);
      dotted = head.size() != target.size();
    }
    first = first_segment(target);
  }
  return {first, last};
}

bool Aliases::match(const PathIndex& patterns, std::string_view path, std::vector<std::uint32_t>* hits) const {
  auto at = [&](std::string_view p) {
    if (!hits) return patterns.matches(p);
    patterns.find(p, *hits);
    return false;
  };
  if (at(path)) return true;
  if (map_.empty()) return false;
  auto hit = find(alias_head(path));  // once for both forms
  if (hit == map_.end()) return false;
  for (Form form : {Form::Full, Form::Local}) {
    // Most resolved spellings are ruled out by their ends, without building them.
    auto [first, last] = resolved_ends(path, form, hit);
    if (patterns.may_match_ends(first, last) && at(resolve(path, form))) return true;
  }
  return false;
}

}  // namespace ps
