#include "scanner/draft/lexicon.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "scanner/core/text.h"

namespace ps {

std::vector<std::string> tokenize_words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    bool inner = (c == '-' || c == '/' || c == '\'') && !cur.empty() && i + 1 < s.size() &&
                 std::isalnum(static_cast<unsigned char>(s[i + 1]));
    if (std::isalnum(c) || inner || c >= 0x80) {
      cur.push_back(static_cast<char>(std::tolower(c)));
      continue;
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

namespace {

void add_phrases(const YAML::Node& list, const std::string& value, std::vector<Phrase>& out) {
  for (const auto& p : list) out.push_back(Phrase{tokenize_words(p.as<std::string>()), value});
}

// Longest phrases first, so "email content" wins over "email".
void sort_longest_first(std::vector<Phrase>& v) {
  std::stable_sort(v.begin(), v.end(), [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
}

}  // namespace

Lexicon load_lexicon(const std::filesystem::path& file, Diagnostics& diags) {
  Lexicon lx;
  try {
    YAML::Node root = YAML::LoadFile(file.string());
    add_phrases(root["ignore"], "", lx.ignore);
    for (const auto& kv : root["data"]) add_phrases(kv.second, kv.first.as<std::string>(), lx.data);
    for (const auto& kv : root["vendors"]) {
      std::string id = kv.first.as<std::string>();
      lx.vendor_category[id] = kv.second["category"].as<std::string>();
      add_phrases(kv.second["phrases"], id, lx.vendors);
    }
    for (const auto& kv : root["recipient_categories"]) add_phrases(kv.second, kv.first.as<std::string>(), lx.recipient_categories);
    for (const auto& kv : root["actions"]) add_phrases(kv.second, kv.first.as<std::string>(), lx.actions);
    add_phrases(root["negations"], "not", lx.negations);
    for (const auto& kv : root["purposes"]) add_phrases(kv.second, kv.first.as<std::string>(), lx.purposes);
    for (const auto& kv : root["retention"]["triggers"]) add_phrases(kv.second, kv.first.as<std::string>(), lx.triggers);
    add_phrases(root["retention"]["cues"], "retain", lx.retention_cues);
    for (const auto& kv : root["tracking"]) add_phrases(kv.second, kv.first.as<std::string>(), lx.tracking);
  } catch (const YAML::BadFile&) {
    diags.push_back(Diagnostic{Severity::Error, "lexicon", file.string(), 0, 0, "cannot read the lexicon"});
  } catch (const YAML::Exception& e) {
    diags.push_back(Diagnostic{Severity::Error, "lexicon", file.string(), e.mark.line + 1, e.mark.column + 1, e.msg});
  }
  for (auto* v : {&lx.ignore, &lx.data, &lx.vendors, &lx.recipient_categories, &lx.actions, &lx.negations, &lx.purposes, &lx.triggers,
                  &lx.retention_cues, &lx.tracking})
    sort_longest_first(*v);
  return lx;
}

}  // namespace ps
