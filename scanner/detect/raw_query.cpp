#include "scanner/detect/raw_query.h"

#include <re2/re2.h>
#include <tree_sitter/api.h>

#include <fmt/format.h>

#include <cctype>

#include "scanner/core/text.h"

namespace ps {

struct RawQuery::Predicate {
  enum Op { Eq, NotEq, Match, NotMatch } op;
  std::uint32_t capture;
  std::uint32_t other = UINT32_MAX;  // capture compared with, or UINT32_MAX for a string
  std::string value;
  std::shared_ptr<RE2> re;
};

namespace {

// The plain words a regex is one of, or none: "^(a|b)$" -> {a, b},
// "REMOTE_ADDR|FORWARDED" -> both; anything else (classes, flags) -> {}.
std::vector<std::string> alternatives(std::string_view re) {
  if (!re.empty() && re.front() == '^') re.remove_prefix(1);
  if (!re.empty() && re.back() == '$') re.remove_suffix(1);
  if (re.size() >= 2 && re.front() == '(' && re.back() == ')') re = re.substr(1, re.size() - 2);
  std::vector<std::string> out;
  for (std::string_view word : split(re, '|')) {
    if (word.empty()) return {};
    for (char c : word)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return {};
    out.emplace_back(word);
  }
  return out;
}

}  // namespace

RawQuery::~RawQuery() {
  if (query_) ts_query_delete(query_);
}

std::unique_ptr<RawQuery> RawQuery::compile(Language lang, const std::vector<std::pair<std::uint32_t, std::string>>& queries,
                                            const std::vector<Rule>& rules, Diagnostics& diags) {
  std::vector<std::pair<std::uint32_t, std::string>> live = queries;
  // A faulty query is reported and left out; the others still compile.
  while (!live.empty()) {
    std::string source;
    std::vector<std::size_t> starts;
    for (const auto& [r, q] : live) {
      starts.push_back(source.size());
      source += q;
      source += "\n";
    }
    uint32_t err_offset = 0;
    TSQueryError err = TSQueryErrorNone;
    TSQuery* q = ts_query_new(tree_sitter_language(lang), source.data(), static_cast<uint32_t>(source.size()), &err_offset, &err);
    if (!q) {
      std::size_t bad = 0;
      while (bad + 1 < starts.size() && starts[bad + 1] <= err_offset) ++bad;
      const Rule& rule = rules[live[bad].first];
      diags.push_back(Diagnostic{Severity::Error, "mapping", rule.file, rule.line, 1,
                                 fmt::format("rule '{}': {} query does not compile (error {} at offset {})", rule.id,
                                             language_name(lang), static_cast<int>(err), err_offset - starts[bad])});
      live.erase(live.begin() + static_cast<long>(bad));
      continue;
    }
    std::unique_ptr<RawQuery> rq(new RawQuery());
    rq->query_ = q;
    uint32_t patterns = ts_query_pattern_count(q);
    rq->pattern_rule_.resize(patterns);
    rq->predicates_.resize(patterns);
    for (uint32_t p = 0; p < patterns; ++p) {
      uint32_t start = ts_query_start_byte_for_pattern(q, p);
      std::size_t k = 0;
      while (k + 1 < starts.size() && starts[k + 1] <= start) ++k;
      rq->pattern_rule_[p] = live[k].first;
      uint32_t steps = 0;
      const TSQueryPredicateStep* s = ts_query_predicates_for_pattern(q, p, &steps);
      for (uint32_t i = 0; i < steps;) {
        // A predicate: String(op) args... Done
        uint32_t j = i;
        while (j < steps && s[j].type != TSQueryPredicateStepTypeDone) ++j;
        if (j - i == 3 && s[i].type == TSQueryPredicateStepTypeString && s[i + 1].type == TSQueryPredicateStepTypeCapture) {
          uint32_t len = 0;
          std::string op = ts_query_string_value_for_id(q, s[i].value_id, &len);
          Predicate pred{};
          pred.capture = s[i + 1].value_id;
          if (s[i + 2].type == TSQueryPredicateStepTypeCapture) pred.other = s[i + 2].value_id;
          else pred.value = ts_query_string_value_for_id(q, s[i + 2].value_id, &len);
          bool known = true;
          if (op == "eq?") pred.op = Predicate::Eq;
          else if (op == "not-eq?") pred.op = Predicate::NotEq;
          else if (op == "match?" || op == "not-match?") {
            pred.op = op == "match?" ? Predicate::Match : Predicate::NotMatch;
            pred.re = std::make_shared<RE2>(pred.value, RE2::Quiet);
            if (!pred.re->ok()) known = false;
          } else known = false;
          if (known && rq->needs_.size() == p) {
            std::vector<std::string> words;
            if (pred.op == Predicate::Eq && pred.other == UINT32_MAX && !pred.value.empty()) words = {pred.value};
            else if (pred.op == Predicate::Match) words = alternatives(pred.value);
            if (!words.empty()) rq->needs_.push_back(std::move(words));
          }
          if (known) rq->predicates_[p].push_back(std::move(pred));
          else {
            const Rule& rule = rules[live[k].first];
            diags.push_back(Diagnostic{Severity::Error, "mapping", rule.file, rule.line, 1,
                                       fmt::format("rule '{}': unsupported or bad predicate #{}", rule.id, op)});
          }
        }
        i = j + 1;
      }
    }
    if (rq->needs_.size() != patterns) rq->needs_.clear();  // some pattern needs no word
    // The first node type of each pattern: "((jsx_attribute ...) @point ...)".
    bool all_rooted = true;
    for (uint32_t p = 0; p < patterns && all_rooted; ++p) {
      std::size_t at = ts_query_start_byte_for_pattern(q, p);
      while (at < source.size() && (source[at] == '(' || std::isspace(static_cast<unsigned char>(source[at])))) ++at;
      std::size_t end = at;
      while (end < source.size() && (std::isalnum(static_cast<unsigned char>(source[end])) || source[end] == '_')) ++end;
      TSSymbol sym = end > at && source[at] != '_' ? ts_language_symbol_for_name(tree_sitter_language(lang), source.data() + at,
                                                                                    static_cast<uint32_t>(end - at), true)
                                                   : 0;
      if (sym == 0) all_rooted = false;
      else rq->root_types_.push_back(sym);
    }
    if (!all_rooted) rq->root_types_.clear();
    for (uint32_t c = 0; c < ts_query_capture_count(q); ++c) {
      uint32_t len = 0;
      std::string name = ts_query_capture_name_for_id(q, c, &len);
      if (name == "point") rq->point_capture_ = c;
      if (name == "data") rq->data_capture_ = c;
    }
    return rq;
  }
  return nullptr;
}

void RawQuery::run(const ParsedFile& file, std::vector<Detection>& out) const {
  if (file.query_roots && file.query_roots->empty()) return;  // no node a pattern starts at
  if (!needs_.empty()) {
    bool any = false;
    for (const auto& words : needs_)
      for (const auto& w : words) any = any || file.text.find(w) != std::string::npos;
    if (!any) return;
  }
  TSQueryCursor* cursor = ts_query_cursor_new();
  ts_query_cursor_set_match_limit(cursor, 4096);
  if (file.query_roots) {
    for (TSNode root : *file.query_roots) {  // disjoint subtrees, in source order
      ts_query_cursor_exec(cursor, query_, root);
      collect(cursor, file, out);
    }
  } else {
    ts_query_cursor_exec(cursor, query_, ts_tree_root_node(file.tree.get()));
    collect(cursor, file, out);
  }
  ts_query_cursor_delete(cursor);
}

void RawQuery::collect(TSQueryCursor* cursor, const ParsedFile& file, std::vector<Detection>& out) const {
  const std::string& text = file.text;
  auto node_text = [&](TSNode n) {
    uint32_t b = ts_node_start_byte(n), e = ts_node_end_byte(n);
    return std::string_view(text).substr(b, e - b);
  };
  TSQueryMatch m;
  while (ts_query_cursor_next_match(cursor, &m)) {
    auto capture_node = [&](uint32_t id, TSNode& n) {
      for (uint16_t i = 0; i < m.capture_count; ++i)
        if (m.captures[i].index == id) { n = m.captures[i].node; return true; }
      return false;
    };
    bool ok = true;
    for (const auto& p : predicates_[m.pattern_index]) {
      TSNode a{};
      if (!capture_node(p.capture, a)) continue;
      std::string_view av = node_text(a);
      std::string bv = p.value;
      if (p.other != UINT32_MAX) {
        TSNode b{};
        if (capture_node(p.other, b)) bv = std::string(node_text(b));
      }
      switch (p.op) {
        case Predicate::Eq: ok = av == bv; break;
        case Predicate::NotEq: ok = av != bv; break;
        case Predicate::Match: ok = RE2::PartialMatch(av, *p.re); break;
        case Predicate::NotMatch: ok = !RE2::PartialMatch(av, *p.re); break;
      }
      if (!ok) break;
    }
    if (!ok || m.capture_count == 0) continue;
    TSNode point = m.captures[0].node;
    capture_node(point_capture_, point);
    Detection d;
    d.rule = pattern_rule_[m.pattern_index];
    TSPoint sp = ts_node_start_point(point);
    d.loc = Loc{sp.row + 1, sp.column + 1};
    d.evidence = collapse_ws(node_text(point), 120);
    // Facts are in source order: the data flow state for this detection is the one before its line.
    const auto& facts = file.facts.facts;
    std::uint32_t fi = 0;
    while (fi < facts.size() && facts[fi].loc.line < d.loc.line) ++fi;
    d.fact = fi;
    for (uint16_t i = 0; i < m.capture_count; ++i)
      if (m.captures[i].index == data_capture_) {
        Expr e;
        std::string_view t = node_text(m.captures[i].node);
        e.text = collapse_ws(t);
        if (t.size() >= 2 && (t.front() == '"' || t.front() == '\'' || t.front() == '`') && t.back() == t.front())
          e.strings.emplace_back(t.substr(1, t.size() - 2));  // a string literal: its content is a key
        std::string path = normalize_path(t);
        if (!path.empty()) e.names.push_back(path);
        TSPoint p = ts_node_start_point(m.captures[i].node);
        e.loc = Loc{p.row + 1, p.column + 1};
        d.data.push_back(std::move(e));
      }
    out.push_back(std::move(d));
  }
}

}  // namespace ps
