#include "scanner/draft/draft.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>

#include "scanner/core/text.h"

namespace ps {

namespace {

struct Hit {
  std::size_t at = 0;  // token index
  std::size_t len = 0;
  std::string value;
};

// Longest-first, non-overlapping phrase matches on unclaimed tokens.
std::vector<Hit> find(const std::vector<std::string>& words, const std::vector<Phrase>& phrases, std::vector<bool>& claimed) {
  std::vector<Hit> out;
  for (const auto& p : phrases) {
    if (p.words.empty() || p.words.size() > words.size()) continue;
    for (std::size_t i = 0; i + p.words.size() <= words.size(); ++i) {
      bool ok = true;
      for (std::size_t k = 0; k < p.words.size() && ok; ++k) ok = !claimed[i + k] && words[i + k] == p.words[k];
      if (!ok) continue;
      for (std::size_t k = 0; k < p.words.size(); ++k) claimed[i + k] = true;
      out.push_back({i, p.words.size(), p.value});
    }
  }
  std::sort(out.begin(), out.end(), [](const Hit& a, const Hit& b) { return a.at < b.at; });
  return out;
}

std::vector<Hit> find_free(const std::vector<std::string>& words, const std::vector<Phrase>& phrases) {
  std::vector<bool> claimed(words.size(), false);
  return find(words, phrases, claimed);
}

void add_unique(std::vector<std::string>& v, const std::string& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

// "within approximately 30 days" -> P30D
std::string duration_in(const std::string& sentence) {
  static const std::regex re(R"((?:within|after|for|up to)\s+(?:approximately\s+|about\s+|around\s+)?(\d+)\s+(day|days|week|weeks|month|months|year|years|hour|hours))",
                             std::regex::icase);
  std::smatch m;
  if (!std::regex_search(sentence, m, re)) return {};
  std::string unit = to_lower(m[2].str());
  char u = unit[0] == 'd' ? 'D' : unit[0] == 'w' ? 'W' : unit[0] == 'm' ? 'M' : unit[0] == 'y' ? 'Y' : 'H';
  return u == 'H' ? fmt::format("PT{}H", m[1].str()) : fmt::format("P{}{}", m[1].str(), u);
}

int children_age(const std::string& sentence) {
  static const std::regex re(R"(child(?:ren)?\s+under\s+(?:the\s+age\s+of\s+)?(\d+))", std::regex::icase);
  std::smatch m;
  return std::regex_search(sentence, m, re) ? std::stoi(m[1].str()) : 0;
}

class Drafter {
 public:
  Drafter(const Lexicon& lx) : lx_(lx) {}

  Draft run(const std::vector<Sentence>& sentences, std::string source) {
    Draft d;
    d.source = std::move(source);
    for (const auto& s : sentences) sentence(s, d);
    if (!tracking_.tech.empty()) d.statements.push_back(tracking_);
    for (auto& st : d.statements)
      if (st.id.empty()) st.id = fmt::format("{}{}", st.section.substr(0, 1), ++counter_[st.section]);
    return d;
  }

 private:
  const Lexicon& lx_;
  std::set<std::string> recipients_seen_;
  std::map<std::string, int> counter_;
  DraftStatement tracking_{.section = "tracking"};
  bool children_seen_ = false;

  void sentence(const Sentence& s, Draft& d) {
    auto words = tokenize_words(s.text);
    std::vector<bool> claimed(words.size(), false);
    find(words, lx_.ignore, claimed);
    auto recips = find(words, lx_.recipient_categories, claimed);
    auto vendors = find(words, lx_.vendors, claimed);
    auto triggers = find(words, lx_.triggers, claimed);
    auto data = find(words, lx_.data, claimed);
    auto purposes = find(words, lx_.purposes, claimed);
    auto actions = find_free(words, lx_.actions);
    auto negations = find_free(words, lx_.negations);
    auto cues = find_free(words, lx_.retention_cues);
    auto tracking = find_free(words, lx_.tracking);

    // Recipients named in the sentence, once per policy.
    std::vector<std::string> to;
    for (const auto& v : vendors) {
      add_unique(to, v.value);
      if (recipients_seen_.insert(v.value).second) {
        DraftStatement r{.section = "recipients", .id = v.value, .line = s.line, .quote = s.text};
        auto it = lx_.vendor_category.find(v.value);
        r.category = it == lx_.vendor_category.end() ? "third_party" : it->second;
        r.match = {v.value};
        d.statements.push_back(std::move(r));
      }
    }
    for (const auto& c : recips) {
      std::string id = c.value == "service_provider" ? "service_providers" : c.value + "_providers";
      add_unique(to, id);
      if (recipients_seen_.insert(id).second)
        d.statements.push_back(DraftStatement{.section = "recipients", .id = id, .category = c.value, .line = s.line, .quote = s.text});
    }
    std::vector<std::string> keys, uses;
    // "account information such as your name and email": the examples are
    // the statement; the umbrella before "such as"/"including" is not.
    std::size_t examples_at = words.size();
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
      if ((words[i] == "such" && words[i + 1] == "as") || words[i] == "including") { examples_at = i; break; }
    bool has_examples = std::any_of(data.begin(), data.end(), [&](const Hit& h) { return h.at > examples_at; });
    for (const auto& h : data)
      if (!(has_examples && h.at < examples_at)) add_unique(keys, h.value);
    for (const auto& h : purposes) add_unique(uses, h.value);

    if (int age = children_age(s.text); age > 0) {
      if (!children_seen_) d.statements.push_back(DraftStatement{.section = "children", .id = "children", .min_age = age, .line = s.line, .quote = s.text});
      children_seen_ = true;
      return;
    }
    if (!tracking.empty() && keys.empty()) {
      for (const auto& t : tracking) add_unique(tracking_.tech, t.value);
      if (tracking_.quote.empty()) { tracking_.quote = s.text; tracking_.line = s.line; }
      add_unique(tracking_.to, "we");
      for (const auto& r : to) add_unique(tracking_.to, r);
    }

    bool negated = !negations.empty();
    // The verb governing the data: after the negation when negated, else the first.
    std::string action;
    for (const auto& a : actions)
      if (!negated || a.at > negations.front().at) { action = a.value; break; }
    if (action.empty() && !actions.empty()) action = actions.front().value;
    // A bullet under "Information We Collect" is collected: the heading has the verb.
    bool from_section = false;
    if (action.empty()) {
      auto section_actions = find_free(tokenize_words(s.section), lx_.actions);
      if (!section_actions.empty()) {
        action = section_actions.front().value;
        from_section = true;
      }
    }

    if (negated) {
      bool sell = std::any_of(actions.begin(), actions.end(), [](const Hit& h) { return h.value == "sell"; });
      bool ads = std::find(uses.begin(), uses.end(), "marketing.advertising") != uses.end();
      DraftStatement n{.section = "denials", .line = s.line, .quote = s.text};
      if (sell) {
        n.action = "sell";
        n.data = keys.empty() ? std::vector<std::string>{"user"} : keys;
        n.to = {"third_party"};
      } else if (ads) {
        n.action = "use";
        n.data = keys.empty() ? std::vector<std::string>{"user"} : keys;
        n.purposes = {"marketing.advertising"};
      } else if (!keys.empty() && !action.empty()) {
        n.action = action == "use" ? "use" : action;
        n.data = keys;
      } else {
        return;  // a negation with nothing concrete denied ("we do not knowingly ...")
      }
      d.statements.push_back(std::move(n));
      return;
    }

    std::string within = duration_in(s.text);
    bool retention = !triggers.empty() || (!cues.empty() && !within.empty());
    if (retention) {
      DraftStatement r{.section = "retention", .line = s.line, .quote = s.text};
      r.data = keys.empty() ? std::vector<std::string>{"user"} : keys;
      r.after = triggers.empty() ? "collection" : triggers.front().value;
      r.within = within;
      if (keys.empty()) {
        r.low_confidence = true;
        r.why_unsure = "the sentence names no data; all user data assumed";
      }
      d.statements.push_back(std::move(r));
      return;
    }

    if (keys.empty()) return;
    DraftStatement p{.section = "practices", .line = s.line, .quote = s.text};
    p.action = action.empty() ? "collect" : action;
    if (p.action == "sell") p.action = "share";
    p.data = keys;
    p.to = to;
    p.purposes = uses;
    if (action.empty()) {
      p.low_confidence = true;
      p.why_unsure = "no verb says what happens to the data; collect assumed";
    }
    (void)from_section;
    d.statements.push_back(std::move(p));
  }
};

void emit_list(YAML::Emitter& y, const char* key, const std::vector<std::string>& v) {
  if (v.empty()) return;
  y << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const auto& x : v) y << x;
  y << YAML::EndSeq;
}

}  // namespace

Draft draft_policy(const std::vector<Sentence>& sentences, const Lexicon& lexicon, std::string source) {
  return Drafter(lexicon).run(sentences, std::move(source));
}

std::string draft_yaml(const Draft& d) {
  YAML::Emitter y;
  y << YAML::Comment("Drafted by `policyscan policy draft` from " + d.source +
                     ". Review every statement; `confidence: low` marks the uncertain ones.");
  y << YAML::BeginMap;
  y << YAML::Key << "schema" << YAML::Value << "policyscan/1";
  y << YAML::Key << "policy" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "source" << YAML::Value << d.source
    << YAML::EndMap;
  for (const char* section : {"recipients", "practices", "denials", "retention"}) {
    bool any = std::any_of(d.statements.begin(), d.statements.end(), [&](const DraftStatement& s) { return s.section == section; });
    if (!any) continue;
    y << YAML::Key << section << YAML::Value << YAML::BeginSeq;
    for (const auto& s : d.statements) {
      if (s.section != section) continue;
      y << YAML::BeginMap;
      y << YAML::Key << "id" << YAML::Value << s.id;
      if (!s.category.empty()) y << YAML::Key << "category" << YAML::Value << s.category;
      emit_list(y, "match", s.match);
      if (!s.action.empty()) y << YAML::Key << "do" << YAML::Value << s.action;
      emit_list(y, "data", s.data);
      emit_list(y, "to", s.to);
      emit_list(y, "for", s.purposes);
      if (!s.after.empty()) y << YAML::Key << "after" << YAML::Value << s.after;
      if (!s.within.empty()) y << YAML::Key << "within" << YAML::Value << s.within;
      if (s.low_confidence) y << YAML::Key << "confidence" << YAML::Value << "low" << YAML::Comment("unsure: " + s.why_unsure);
      y << YAML::Key << "line" << YAML::Value << s.line;
      y << YAML::Key << "quote" << YAML::Value << YAML::DoubleQuoted << sanitize_utf8(s.quote);
      y << YAML::EndMap;
    }
    y << YAML::EndSeq;
  }
  for (const auto& s : d.statements) {
    if (s.section == "tracking") {
      y << YAML::Key << "tracking" << YAML::Value << YAML::BeginMap;
      emit_list(y, "tech", s.tech);
      emit_list(y, "by", s.to);
      y << YAML::Key << "line" << YAML::Value << s.line << YAML::Key << "quote" << YAML::Value << YAML::DoubleQuoted << sanitize_utf8(s.quote);
      y << YAML::EndMap;
    }
    if (s.section == "children") {
      y << YAML::Key << "children" << YAML::Value << YAML::BeginMap << YAML::Key << "min_age" << YAML::Value << s.min_age;
      y << YAML::Key << "line" << YAML::Value << s.line << YAML::Key << "quote" << YAML::Value << YAML::DoubleQuoted << sanitize_utf8(s.quote);
      y << YAML::EndMap;
    }
  }
  y << YAML::EndMap;
  return std::string(y.c_str()) + "\n";
}

}  // namespace ps
