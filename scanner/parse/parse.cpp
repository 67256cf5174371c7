#include "scanner/parse/parse.h"

#include <tree_sitter/api.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "scanner/core/text.h"
#include "scanner/parse/clang_parser.h"
#include "scanner/parse/ts_parser.h"

namespace ps {

void TreeDeleter::operator()(TSTree* t) const {
  if (t) ts_tree_delete(t);
}

Parsers::Parsers(ParseOptions opts) : opts_(std::move(opts)), ts_(std::make_unique<TreeSitterParsers>(opts_.interest.get())) {}
Parsers::~Parsers() = default;

static Diagnostic file_diag(const SourceFile& f, std::string code, std::string msg, int line = 0, int col = 0) {
  return Diagnostic{Severity::Error, std::move(code), f.rel, line, col, std::move(msg)};
}

std::optional<std::string> read_source(const SourceFile& file, std::uint64_t max_bytes, Diagnostics& diags) {
  std::error_code ec;
  auto size = std::filesystem::file_size(file.abs, ec);
  if (ec) {
    diags.push_back(file_diag(file, "unreadable", fmt::format("cannot read file: {}", ec.message())));
    return std::nullopt;
  }
  if (size > max_bytes) {
    diags.push_back(Diagnostic{Severity::Warning, "too-large", file.rel, 0, 0,
                               fmt::format("skipped: {} bytes is over the {} byte limit", size, max_bytes)});
    return std::nullopt;
  }
  std::ifstream in(file.abs, std::ios::binary);
  if (!in) {
    diags.push_back(file_diag(file, "unreadable", "cannot open file for reading"));
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    diags.push_back(file_diag(file, "unreadable", "read error"));
    return std::nullopt;
  }
  return std::move(ss).str();
}

ParsedFile Parsers::parse(const SourceFile& file) const {
  auto start = std::chrono::steady_clock::now();
  Diagnostics diags;
  auto text = read_source(file, opts_.max_bytes, diags);
  if (!text) {
    ParsedFile out;
    out.file = file;
    out.diags = std::move(diags);
    return out;
  }
  ParsedFile out = parse_text(file, std::move(*text));
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

ParsedFile Parsers::parse_text(const SourceFile& file, std::string text) const {
  auto start = std::chrono::steady_clock::now();
  ParsedFile out;
  out.file = file;
  if (text.size() > opts_.max_bytes) {
    out.diags.push_back(Diagnostic{Severity::Warning, "too-large", file.rel, 0, 0,
                                   fmt::format("skipped: {} bytes is over the {} byte limit", text.size(), opts_.max_bytes)});
    return out;
  }
  if (looks_binary(text)) {
    out.diags.push_back(Diagnostic{Severity::Warning, "binary", file.rel, 0, 0, "skipped: binary content (NUL byte)"});
    return out;
  }
  if (auto bad = find_invalid_utf8(text); bad != std::string::npos) {
    LineIndex idx(text);
    out.diags.push_back(file_diag(file, "invalid-utf8", "invalid UTF-8; the invalid bytes were replaced before parsing",
                                  idx.line_of(bad), idx.column_of(bad)));
    out.diags.back().severity = Severity::Warning;
    text = sanitize_utf8(text);  // scan what we can: U+FFFD keeps offsets close
  }
  out.text = std::move(text);
  if (uses_libclang(file.language)) {
    std::call_once(clang_once_, [&] { clang_ = std::make_unique<ClangParser>(opts_); });
    clang_->parse(file, out.text, out);
  } else {
    ts_->parse(file, out.text, out, opts_.file_timeout);
    if (!out.tree) return out;  // cancelled or failed (reported): nothing was scanned
    if (!opts_.keep_tree) {  // deferred values are summarised from the tree: settle them first
      for (const auto& d : out.deferred) out.facts.facts[d.fact].args[0] = *deferred_value(out, d.fact);
      out.deferred.clear();
      out.query_roots.reset();  // nodes of the tree: the raw queries need the tree anyway
      out.tree.reset();
    }
  }
  out.parsed = true;
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

std::optional<Expr> deferred_value(const ParsedFile& file, std::uint32_t fact) {
  auto at = std::lower_bound(file.deferred.begin(), file.deferred.end(), fact,
                             [](const DeferredValue& d, std::uint32_t f) { return d.fact < f; });
  if (at == file.deferred.end() || at->fact != fact || !file.tree) return std::nullopt;
  Expr value = summarise_tree_sitter_value(file.file.language, file.text, at->node);
  // The walk's text stands: it may say more than the node's (C#'s
  // target-typed `new(...)` reads as `new ChatClient(...)`).
  value.text = file.facts.facts[fact].args[0].text;
  return value;
}

}  // namespace ps
