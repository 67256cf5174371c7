// Runs every mapping file's positive and negative fixtures through the real
// pipeline (parse -> detect -> classify) with the full mapping library.
// Format: mappings/README.md, "Fixtures".
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "scanner/classify/classify.h"
#include "scanner/core/text.h"
#include "scanner/detect/mapping_loader.h"
#include "scanner/discover/discover.h"

using namespace ps;
namespace fs = std::filesystem;

namespace {

const fs::path kMappings = fs::path(POLICYSCAN_SOURCE_DIR) / "mappings";
const fs::path kFixtures = fs::path(POLICYSCAN_SOURCE_DIR) / "tests" / "detect" / "fixtures";

struct Expectation {
  int line = 0;        // the code line it applies to
  int comment_line = 0;
  std::string kind;
  std::vector<std::string> categories;
  std::string recipient;
};

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// "// expect: cookie user.contact.email @we" applies to the next line that is
// not itself an expectation or blank.
std::vector<Expectation> parse_expectations(const std::string& text) {
  std::vector<Expectation> out;
  auto lines = split(text, '\n');
  std::vector<Expectation> pending;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    auto at = l.find("expect:");
    if (at != std::string_view::npos) {
      Expectation e;
      e.comment_line = static_cast<int>(i) + 1;
      std::istringstream words(std::string(l.substr(at + 7)));
      std::string w;
      while (words >> w) {
        if (starts_with(w, "*/") || starts_with(w, "-->") || starts_with(w, "#}")) break;  // comment closers
        if (e.kind.empty()) e.kind = w;
        else if (w[0] == '@') e.recipient = w.substr(1);
        else e.categories.push_back(w);
      }
      pending.push_back(e);
      continue;
    }
    if (trim(l).empty() || pending.empty()) continue;
    for (auto& e : pending) {
      e.line = static_cast<int>(i) + 1;
      out.push_back(e);
    }
    pending.clear();
  }
  return out;
}

struct Library {
  Diagnostics diags;
  std::unique_ptr<MappingLibrary> lib;
  std::unique_ptr<DataTypeClassifier> classifier;
  std::map<std::string, std::set<std::string>> rules_by_file;  // "cookies" -> rule ids
  Library() {
    auto rules = load_rules_dir(kMappings / "detect", diags);
    for (const auto& r : rules) {
      auto rel = fs::path(r.file).lexically_relative(kMappings / "detect");
      rules_by_file[rel.replace_extension("").string()].insert(r.id);
    }
    lib = std::make_unique<MappingLibrary>(std::move(rules), diags);
    classifier = DataTypeClassifier::load(kMappings / "datatypes.yaml", diags);
  }
};

const Library& library() {
  static const Library l;  // loaded once for the whole suite; read-only after
  return l;
}

// Parsed as a scan parses: only the call arguments the library can use are
// summarised (ParseOptions::interest); `eager` summarises them all.
// `keep_tree` false settles the values the walk deferred before the tree goes.
std::vector<CollectionPoint> scan_fixture(const fs::path& file, Language lang, std::string& text, bool eager = false,
                                          bool keep_tree = true) {
  ParseOptions opts;
  if (!eager) opts.interest = library().lib->interest();
  opts.keep_tree = keep_tree;
  Parsers parsers(opts);
  SourceFile sf{file, file.filename().string(), lang, 0};
  text = read(file);
  ParsedFile parsed = parsers.parse_text(sf, text);
  auto dets = library().lib->detect(parsed);
  return classify_detections(parsed, dets, *library().lib, *library().classifier);
}

}  // namespace

TEST_CASE("the mapping library and the classifier load without errors") {
  for (const auto& d : library().diags) FAIL_CHECK(format_diagnostic(d));
  CHECK(library().lib->rules().size() > 0);
  REQUIRE(library().classifier != nullptr);
}

TEST_CASE("every mapping file's fixtures hold") {
  std::set<std::string> hit_rules;
  std::set<std::pair<std::string, Language>> hit_in;  // (rule, language) pairs a positive fixture hits
  for (const auto& entry : library().rules_by_file) {
    const std::string& file_key = entry.first;  // named, not bound: lambdas capture them (clang 14)
    const std::set<std::string>& rule_ids = entry.second;
    fs::path dir = kFixtures / file_key;
    CAPTURE(file_key);
    if (!fs::is_directory(dir)) {
      FAIL_CHECK(fmt::format("mapping file {}.yaml has no fixtures in {}", file_key, dir.string()));
      continue;
    }
    std::set<std::string> positive_langs, negative_langs;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      auto lang = detect_language(f.filename());
      if (!lang) continue;
      std::string name = f.filename().string();
      bool positive = starts_with(name, "positive");
      bool negative = starts_with(name, "negative");
      if (!positive && !negative) continue;
      (positive ? positive_langs : negative_langs).insert(std::string(language_name(*lang)));
      std::string text;
      auto points = scan_fixture(f, *lang, text);
      auto ours = [&](const CollectionPoint& p) { return rule_ids.count(p.mapping_id) > 0; };
      if (negative) {
        for (const auto& p : points)
          if (ours(p)) FAIL_CHECK(fmt::format("{}:{}: unexpected {} point from {} in a negative fixture: {}", f.string(), p.line, p.kind, p.mapping_id, p.snippet));
        continue;
      }
      auto expectations = parse_expectations(text);
      if (expectations.empty()) FAIL_CHECK(fmt::format("{}: a positive fixture without any 'expect:'", f.string()));
      std::set<int> expected_lines;
      for (const auto& e : expectations) {
        expected_lines.insert(e.line);
        bool met = false;
        for (const auto& p : points) {
          if (p.line != e.line || p.kind != e.kind) continue;
          if (!e.recipient.empty() && p.recipient.id != e.recipient) continue;
          bool cats = std::all_of(e.categories.begin(), e.categories.end(), [&](const std::string& c) {
            return std::find(p.categories.begin(), p.categories.end(), c) != p.categories.end();
          });
          if (!cats) continue;
          met = true;
          if (ours(p)) {
            hit_rules.insert(p.mapping_id);
            hit_in.emplace(p.mapping_id, *lang);
          }
        }
        if (!met) {
          std::string found;
          for (const auto& p : points)
            if (p.line == e.line) {
              found += fmt::format(" [{} {} @{}", p.kind, p.mapping_id, p.recipient.id);
              for (const auto& c : p.categories) found += " " + c;
              found += "]";
            }
          FAIL_CHECK(fmt::format("{}:{}: expected {}{}{} (from line {}); found:{}", f.string(), e.line, e.kind,
                                 e.categories.empty() ? "" : " " + fmt::format("{}", fmt::join(e.categories, " ")),
                                 e.recipient.empty() ? "" : " @" + e.recipient, e.comment_line, found.empty() ? " nothing" : found));
        }
      }
      for (const auto& p : points)
        if (ours(p) && !expected_lines.count(p.line))
          FAIL_CHECK(fmt::format("{}:{}: {} point from {} with no 'expect:' above it: {}", f.string(), p.line, p.kind, p.mapping_id, p.snippet));
    }
    if (positive_langs.empty()) FAIL_CHECK(fmt::format("{}: no positive fixture", file_key));
    for (const auto& l : positive_langs)
      if (!negative_langs.count(l)) FAIL_CHECK(fmt::format("{}: a positive {} fixture but no negative one", file_key, l));
  }
  for (const auto& [file_key, rule_ids] : library().rules_by_file)
    for (const auto& id : rule_ids)
      if (!hit_rules.count(id)) FAIL_CHECK(fmt::format("rule {} ({}.yaml) is never hit by a positive fixture", id, file_key));
  // A rule that names its languages is tested in each of them.
  for (const auto& r : library().lib->rules()) {
    if (r.languages == 0xFFFF) continue;
    for (Language l : kAllLanguages)
      if (r.applies_to(l) && !hit_in.count({r.id, l}))
        FAIL_CHECK(fmt::format("rule {} lists {} but no positive {} fixture hits it", r.id, language_name(l), language_name(l)));
  }
}

// The parse stage summarises a call's arguments only when the library can
// use them (scanner/core/fact_interest.h); that must never change a point.
TEST_CASE("summarising only what the library can use finds the same points as summarising everything") {
  auto describe = [](const std::vector<CollectionPoint>& points) {
    std::vector<std::string> out;
    for (const auto& p : points)
      out.push_back(fmt::format("{}:{} {} {} @{} [{}] {} | {} | {}", p.line, p.column, p.kind, p.mapping_id, p.recipient.id,
                                fmt::join(p.categories, " "), p.evidence, p.detail,
                                p.retention_seconds ? std::to_string(*p.retention_seconds) : "-"));
    return out;
  };
  std::set<std::string> query_rules;
  for (const auto& r : library().lib->rules())
    if (!r.queries.empty()) query_rules.insert(r.id);
  auto queried = [&](const std::string& described) {  // "line:col kind mapping_id ..."
    auto words = split(described, ' ');
    return words.size() > 2 && query_rules.count(words[2]) > 0;
  };
  std::size_t files = 0, points = 0;
  for (const fs::path& root : {kFixtures, fs::path(POLICYSCAN_SOURCE_DIR) / "examples"}) {
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (!e.is_regular_file()) continue;
      auto lang = detect_language(e.path().filename());
      if (!lang || uses_libclang(*lang)) continue;
      std::string text;
      auto lazy = describe(scan_fixture(e.path(), *lang, text));
      auto eager = describe(scan_fixture(e.path(), *lang, text, true));
      // Without the tree, raw queries cannot run; every other point stays.
      auto settled = describe(scan_fixture(e.path(), *lang, text, false, false));
      auto no_raw = eager;
      no_raw.erase(std::remove_if(no_raw.begin(), no_raw.end(), [&](const std::string& p) { return queried(p); }), no_raw.end());
      CAPTURE(e.path().string());
      CHECK(lazy == eager);
      CHECK(settled == no_raw);
      ++files;
      points += eager.size();
    }
  }
  CHECK(files > 400);
  CHECK(points > 500);
}

// A JSX input is one point however many of its attributes name the data.
TEST_CASE("a JSX input is one form-input point with the data of all its attributes") {
  fs::path dir = fs::temp_directory_path() / "policyscan-jsx-input-test";
  fs::create_directories(dir);
  fs::path file = dir / "Form.jsx";
  {
    std::ofstream out(file);
    out << "export const F = () => (\n  <form>\n    <input type=\"tel\" name=\"phone\" autoComplete=\"email\" />\n"
           "    <label htmlFor=\"x\"><input\n      name=\"postalCode\"\n      id=\"zip\"\n    /></label>\n  </form>\n);\n";
  }
  std::string text;
  auto points = scan_fixture(file, Language::JavaScript, text);
  fs::remove_all(dir);
  std::vector<std::string> inputs;
  for (const auto& p : points)
    if (p.mapping_id == "form.jsx-input") inputs.push_back(fmt::format("{}:{} {}", p.line, p.column, fmt::join(p.categories, " ")));
  INFO(fmt::format("{}", fmt::join(inputs, " / ")));
  CHECK(inputs == std::vector<std::string>{"3:5 user.contact.email user.contact.phone_number", "4:24 user.contact.address.postal_code"});
}
