#include "scanner/parse/ts_parser.h"

#include <tbb/enumerable_thread_specific.h>
#include <tree_sitter/api.h>

#include <array>
#include <chrono>

#include <fmt/format.h>

#include "scanner/parse/ts_facts.h"

extern "C" {
const TSLanguage* tree_sitter_javascript(void);
const TSLanguage* tree_sitter_typescript(void);
const TSLanguage* tree_sitter_tsx(void);
const TSLanguage* tree_sitter_python(void);
const TSLanguage* tree_sitter_go(void);
const TSLanguage* tree_sitter_java(void);
const TSLanguage* tree_sitter_kotlin(void);
const TSLanguage* tree_sitter_swift(void);
const TSLanguage* tree_sitter_ruby(void);
const TSLanguage* tree_sitter_php(void);
const TSLanguage* tree_sitter_c_sharp(void);
}

namespace ps {

const TSLanguage* tree_sitter_language(Language lang) {
  switch (lang) {
    case Language::JavaScript: return tree_sitter_javascript();
    case Language::TypeScript: return tree_sitter_typescript();
    case Language::Tsx: return tree_sitter_tsx();
    case Language::Python: return tree_sitter_python();
    case Language::Go: return tree_sitter_go();
    case Language::Java: return tree_sitter_java();
    case Language::Kotlin: return tree_sitter_kotlin();
    case Language::Swift: return tree_sitter_swift();
    case Language::Ruby: return tree_sitter_ruby();
    case Language::Php: return tree_sitter_php();
    case Language::CSharp: return tree_sitter_c_sharp();
    case Language::C:
    case Language::Cpp: return nullptr;
  }
  return nullptr;
}

namespace {
// One parser per language per thread: ts_parser_set_language is cheap, but
// keeping one per language avoids resetting lexer state between files.
struct ThreadParsers {
  std::array<TSParser*, kLanguageCount> by_lang{};
  ~ThreadParsers() {
    for (auto* p : by_lang)
      if (p) ts_parser_delete(p);
  }
  TSParser* get(Language lang) {
    auto& p = by_lang[static_cast<std::size_t>(lang)];
    if (!p) {
      p = ts_parser_new();
      ts_parser_set_language(p, tree_sitter_language(lang));
    }
    return p;
  }
};

// First ERROR or MISSING node in document order, and how many there are.
void count_errors(TSNode node, std::size_t& count, TSNode& first, bool& have_first) {
  if (!ts_node_has_error(node)) return;
  if (ts_node_is_error(node) || ts_node_is_missing(node)) {
    ++count;
    if (!have_first) { first = node; have_first = true; }
    if (ts_node_is_error(node)) return;  // its children are the unparsed tokens
  }
  uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; ++i) count_errors(ts_node_child(node, i), count, first, have_first);
}

// Feeds the whole buffer to tree-sitter in one chunk.
const char* read_whole(void* payload, uint32_t byte, TSPoint, uint32_t* bytes_read) {
  auto* text = static_cast<const std::string_view*>(payload);
  if (byte >= text->size()) {
    *bytes_read = 0;
    return "";
  }
  *bytes_read = static_cast<uint32_t>(text->size() - byte);
  return text->data() + byte;
}

// Asked by tree-sitter every so often during a parse: true cancels it.
bool past_deadline(TSParseState* state) {
  auto* deadline = static_cast<const std::chrono::steady_clock::time_point*>(state->payload);
  return std::chrono::steady_clock::now() > *deadline;
}

TSTree* parse_with_deadline(TSParser* parser, std::string_view text, double timeout_seconds) {
  if (timeout_seconds <= 0) return ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size()));
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(timeout_seconds));
  TSInput input{&text, read_whole, TSInputEncodingUTF8, nullptr};
  TSParseOptions options{&deadline, past_deadline};
  TSTree* tree = ts_parser_parse_with_options(parser, nullptr, input, options);
  if (!tree) ts_parser_reset(parser);  // otherwise the next parse would resume this one
  return tree;
}
}  // namespace

struct TreeSitterParsers::Impl {
  explicit Impl(const FactInterest* i) : interest(i), stops(i) {}
  const FactInterest* interest;
  WalkStops stops;
  mutable tbb::enumerable_thread_specific<ThreadParsers> parsers;
};

TreeSitterParsers::TreeSitterParsers(const FactInterest* interest) : impl_(std::make_unique<Impl>(interest)) {}
TreeSitterParsers::~TreeSitterParsers() = default;

void TreeSitterParsers::parse(const SourceFile& file, std::string_view text, ParsedFile& out, double timeout_seconds) const {
  TSParser* parser = impl_->parsers.local().get(file.language);
  TSTree* tree = parse_with_deadline(parser, text, timeout_seconds);
  if (!tree && timeout_seconds > 0) {
    out.diags.push_back(Diagnostic{Severity::Error, "timeout", file.rel, 0, 0,
                                   fmt::format("not scanned: parsing took longer than --file-timeout {}s", timeout_seconds)});
    return;
  }
  if (!tree) {
    out.diags.push_back(Diagnostic{Severity::Error, "parse-failed", file.rel, 0, 0, "tree-sitter could not parse the file"});
    return;
  }
  out.tree.reset(tree);
  TSNode root = ts_tree_root_node(tree);
  std::size_t errors = 0;
  TSNode first{};
  bool have_first = false;
  count_errors(root, errors, first, have_first);
  out.syntax_errors = errors;
  if (have_first) {
    TSPoint p = ts_node_start_point(first);
    out.diags.push_back(Diagnostic{
        Severity::Warning, "syntax-error", file.rel, static_cast<int>(p.row) + 1, static_cast<int>(p.column) + 1,
        fmt::format("{} syntax error{} ({}); the rest of the file was still scanned", errors, errors == 1 ? "" : "s",
                    ts_node_is_missing(first) ? "missing token" : "unexpected input")});
  }
  WalkFindings found;
  out.facts = extract_tree_sitter_facts(file.language, tree, text, impl_->interest, &found, &impl_->stops);
  out.deferred = std::move(found.deferred);
  out.query_roots = std::move(found.query_roots);
}

}  // namespace ps
