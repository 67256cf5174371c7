#include "scanner/classify/datatypes.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <tbb/enumerable_thread_specific.h>

#include "scanner/core/string_hash.h"
#include "scanner/core/text.h"

namespace ps {

struct DataTypeClassifier::Sets {
  explicit Sets(const RE2::Options& o) : match(o, RE2::UNANCHORED), exclude(o, RE2::UNANCHORED) {}
  RE2::Set match;
  RE2::Set exclude;
  bool have_excludes = false;
};

// Bounded: a repository's distinct names are some thousands; past the
// bound the memo starts again rather than grow without limit.
struct DataTypeClassifier::Memo {
  static constexpr std::size_t kMaxNames = 1 << 16;
  tbb::enumerable_thread_specific<StringMap<std::vector<std::string>>> by_thread;
};

DataTypeClassifier::DataTypeClassifier() : memo_(std::make_unique<Memo>()) {}
DataTypeClassifier::~DataTypeClassifier() = default;

std::string name_form(std::string_view path) {
  auto segments = split(path, '.');
  std::size_t first = segments.size() > 2 ? segments.size() - 2 : 0;
  std::string out;
  for (std::size_t i = first; i < segments.size(); ++i) {
    auto words = identifier_words(segments[i]);
    if (words.empty()) continue;
    if (!out.empty()) out.push_back('.');
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (w) out.push_back('_');
      out += words[w];
    }
  }
  return out;
}

std::unique_ptr<DataTypeClassifier> DataTypeClassifier::load(const std::filesystem::path& file, Diagnostics& diags) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diags.push_back(Diagnostic{Severity::Error, "datatypes", file.string(), 0, 0, "cannot read the classifier file"});
    return nullptr;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return from_text(ss.str(), file.string(), diags);
}

std::unique_ptr<DataTypeClassifier> DataTypeClassifier::from_text(const std::string& yaml, const std::string& name,
                                                                  Diagnostics& diags) {
  auto error = [&](const YAML::Mark& m, std::string msg) {
    diags.push_back(Diagnostic{Severity::Error, "datatypes", name, m.line + 1, m.column + 1, std::move(msg)});
  };
  std::unique_ptr<DataTypeClassifier> c(new DataTypeClassifier());
  RE2::Options opts;
  opts.set_log_errors(false);
  c->sets_ = std::make_unique<Sets>(opts);
  try {
    YAML::Node root = YAML::Load(yaml);
    auto cats = root["categories"];
    if (!cats || !cats.IsSequence()) {
      error(root.Mark(), "expected a 'categories' list");
      return nullptr;
    }
    if (auto methods = root["value_preserving_methods"]) {
      if (!methods.IsSequence()) error(methods.Mark(), "expected 'value_preserving_methods' to be a list of method names");
      else
        for (const auto& m : methods) c->transparent_.insert(m.as<std::string>(""));
    }
    for (const auto& cat : cats) {
      std::string key = cat["key"].as<std::string>("");
      if (key.empty()) { error(cat.Mark(), "category needs a 'key'"); continue; }
      std::size_t ci = c->categories_.size();
      c->categories_.push_back(key);
      auto add = [&](const YAML::Node& list, RE2::Set& set, std::vector<std::size_t>& owner) {
        if (!list) return;
        for (const auto& p : list) {
          std::string err;
          if (set.Add(p.as<std::string>(""), &err) < 0) {
            error(p.Mark(), fmt::format("bad pattern for {}: {}", key, err));
            continue;
          }
          owner.push_back(ci);
        }
      };
      add(cat["match"], c->sets_->match, c->match_category_);
      add(cat["exclude"], c->sets_->exclude, c->exclude_category_);
    }
  } catch (const YAML::Exception& e) {
    error(e.mark, e.msg);
    return nullptr;
  }
  if (c->match_category_.empty() || !c->sets_->match.Compile()) {
    diags.push_back(Diagnostic{Severity::Error, "datatypes", name, 0, 0, "no usable patterns"});
    return nullptr;
  }
  c->sets_->have_excludes = !c->exclude_category_.empty() && c->sets_->exclude.Compile();
  return c;
}

std::vector<std::string> DataTypeClassifier::classify_name(std::string_view name) const {
  auto& memo = memo_->by_thread.local();
  if (auto it = memo.find(name); it != memo.end()) return it->second;
  std::vector<std::string> out = classify_uncached(name);
  if (memo.size() >= Memo::kMaxNames) memo.clear();
  memo.emplace(std::string(name), out);
  return out;
}

std::vector<std::string> DataTypeClassifier::classify_uncached(std::string_view name) const {
  while (!transparent_.empty()) {
    auto dot = name.rfind('.');
    if (dot == std::string_view::npos || !transparent_.count(std::string(name.substr(dot + 1)))) break;
    name = name.substr(0, dot);
  }
  std::string form = name_form(name);
  if (form.empty()) return {};
  std::vector<int> hits;
  if (!sets_->match.Match(form, &hits)) return {};
  std::vector<int> excluded;
  if (sets_->have_excludes) sets_->exclude.Match(form, &excluded);
  std::vector<bool> blocked(categories_.size(), false);
  for (int e : excluded) blocked[exclude_category_[static_cast<std::size_t>(e)]] = true;
  std::vector<std::string> out;
  for (int h : hits) {
    std::size_t ci = match_category_[static_cast<std::size_t>(h)];
    if (!blocked[ci]) out.push_back(categories_[ci]);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> DataTypeClassifier::classify_key_string(std::string_view s) const {
  if (s.empty() || s.size() > 48) return {};
  for (char ch : s) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (!(std::isalnum(u) || ch == '_' || ch == '-' || ch == '.' || ch == ':')) return {};
  }
  std::string as_path(s);
  std::replace(as_path.begin(), as_path.end(), ':', '.');
  return classify_name(as_path);
}

}  // namespace ps
