#include "scanner/parse/clang_parser.h"

#include <algorithm>
#include <filesystem>
#include <mutex>

#include <fmt/format.h>

#include "scanner/parse/clang_token_facts.h"
#include "scanner/parse/libclang_api.h"

namespace ps {

namespace fs = std::filesystem;

struct ClangParser::Impl {
  std::unique_ptr<LibClang> lib;
  std::string load_error;
  CXCompilationDatabase db = nullptr;
  mutable std::mutex db_mutex;  // libclang does not promise a thread-safe database
  std::string resource_dir;
  fs::path root;

  ~Impl() {
    if (db && lib) lib->clang_CompilationDatabase_dispose(db);
  }
};

namespace {

// The newest clang resource dir on the machine, for <stddef.h> and friends:
// Debian's libclang does not always find its own.
std::string find_resource_dir() {
  std::string best;
  std::error_code ec;
  for (auto it = fs::directory_iterator("/usr/lib", ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (it->path().filename().string().rfind("llvm-", 0) != 0) continue;
    fs::path clang_dir = it->path() / "lib" / "clang";
    std::error_code ec2;
    for (auto v = fs::directory_iterator(clang_dir, ec2); !ec2 && v != fs::directory_iterator(); v.increment(ec2))
      if (fs::exists(v->path() / "include" / "stddef.h")) best = std::max(best, v->path().string());
  }
  return best;
}

// Arguments of a compile command, minus what does not belong in a parse:
// the compiler, outputs, dependency files and every input (the database may
// hand a header the command of a neighbouring source file).
std::vector<std::string> usable_args(const LibClang& lib, CXCompileCommand cmd) {
  static const std::vector<std::string> kDropWithValue = {"-o", "-MF", "-MT", "-MQ"};
  static const std::vector<std::string> kKeepWithValue = {"-I", "-D", "-U", "-include", "-isystem", "-iquote", "-idirafter",
                                                          "-x", "-target", "-arch", "-Xclang", "-imacros", "-isysroot"};
  std::vector<std::string> out;
  unsigned n = lib.clang_CompileCommand_getNumArgs(cmd);
  for (unsigned i = 1; i < n; ++i) {  // argv[0] is the compiler
    std::string a = lib.str(lib.clang_CompileCommand_getArg(cmd, i));
    if (a == "-c" || a == "-MD" || a == "-MMD" || a == "-M" || a == "-MM") continue;
    if (std::find(kDropWithValue.begin(), kDropWithValue.end(), a) != kDropWithValue.end()) { ++i; continue; }
    if (std::find(kKeepWithValue.begin(), kKeepWithValue.end(), a) != kKeepWithValue.end() && i + 1 < n) {
      out.push_back(a);
      out.push_back(lib.str(lib.clang_CompileCommand_getArg(cmd, ++i)));
      continue;
    }
    if (a.empty() || a[0] != '-') continue;  // an input file
    out.push_back(a);
  }
  out.push_back("-working-directory=" + lib.str(lib.clang_CompileCommand_getDirectory(cmd)));
  return out;
}

}  // namespace

ClangParser::ClangParser(const ParseOptions& opts) : impl_(std::make_unique<Impl>()) {
  impl_->lib = LibClang::load(impl_->load_error);
  impl_->root = opts.root;
  if (!impl_->lib) return;
  impl_->resource_dir = find_resource_dir();
  std::vector<fs::path> dirs;
  if (opts.compile_commands) dirs.push_back(fs::is_directory(*opts.compile_commands) ? *opts.compile_commands
                                                                                    : opts.compile_commands->parent_path());
  dirs.push_back(opts.root);
  dirs.push_back(opts.root / "build");
  for (const auto& d : dirs) {
    if (!fs::exists(d / "compile_commands.json")) continue;
    CXCompilationDatabase_Error err;
    impl_->db = impl_->lib->clang_CompilationDatabase_fromDirectory(d.c_str(), &err);
    if (err == CXCompilationDatabase_NoError && impl_->db) break;
    impl_->db = nullptr;
  }
}

ClangParser::~ClangParser() = default;

bool ClangParser::available() const { return impl_->lib != nullptr; }

void ClangParser::parse(const SourceFile& file, std::string_view text, ParsedFile& out) const {
  if (!impl_->lib) {
    out.diags.push_back(Diagnostic{Severity::Error, "libclang-unavailable", file.rel, 0, 0, impl_->load_error});
    return;
  }
  const LibClang& lib = *impl_->lib;
  // libclang wants an absolute name for the unsaved buffer; text parsed from
  // memory (tests, stdin) gets a virtual one.
  fs::path given = file.abs.empty() ? fs::path(file.rel) : file.abs;
  std::string abs = given.is_absolute() ? given.string() : (fs::path("/policyscan-virtual") / given).string();

  std::vector<std::string> args;
  bool from_db = false;
  if (impl_->db) {
    std::lock_guard<std::mutex> lock(impl_->db_mutex);
    CXCompileCommands cmds = lib.clang_CompilationDatabase_getCompileCommands(impl_->db, abs.c_str());
    if (cmds && lib.clang_CompileCommands_getSize(cmds) > 0) {
      args = usable_args(lib, lib.clang_CompileCommands_getCommand(cmds, 0));
      from_db = true;
    }
    if (cmds) lib.clang_CompileCommands_dispose(cmds);
  }
  if (!from_db) {
    bool cpp = file.language == Language::Cpp;
    args = {cpp ? "-xc++" : "-xc", cpp ? "-std=c++17" : "-std=c11"};
    for (const fs::path& inc : {impl_->root, impl_->root / "include", fs::path(abs).parent_path()}) args.push_back("-I" + inc.string());
  }
  if (!impl_->resource_dir.empty()) {
    args.push_back("-resource-dir");
    args.push_back(impl_->resource_dir);
  }
  args.push_back("-ferror-limit=0");
  std::vector<const char*> argv;
  for (const auto& a : args) argv.push_back(a.c_str());

  CXIndex index = lib.clang_createIndex(0, 0);  // per parse: nothing shared between threads
  CXUnsavedFile unsaved{abs.c_str(), text.data(), static_cast<unsigned long>(text.size())};
  CXTranslationUnit tu = nullptr;
  unsigned flags = CXTranslationUnit_KeepGoing | CXTranslationUnit_DetailedPreprocessingRecord;
  CXErrorCode rc = lib.clang_parseTranslationUnit2(index, abs.c_str(), argv.data(), static_cast<int>(argv.size()), &unsaved,
                                                  1, flags, &tu);
  if (rc != CXError_Success || !tu) {
    out.diags.push_back(Diagnostic{Severity::Error, "parse-failed", file.rel, 0, 0,
                                   fmt::format("libclang could not parse the file (error {})", static_cast<int>(rc))});
    lib.clang_disposeIndex(index);
    return;
  }

  // Diagnostics: count errors, report the first error and missing headers.
  unsigned nd = lib.clang_getNumDiagnostics(tu);
  bool reported_error = false;
  for (unsigned i = 0; i < nd; ++i) {
    CXDiagnostic d = lib.clang_getDiagnostic(tu, i);
    CXDiagnosticSeverity sev = lib.clang_getDiagnosticSeverity(d);
    if (sev >= CXDiagnostic_Error) {
      std::string msg = lib.str(lib.clang_getDiagnosticSpelling(d));
      CXFile f;
      unsigned line = 0, col = 0, off = 0;
      lib.clang_getSpellingLocation(lib.clang_getDiagnosticLocation(d), &f, &line, &col, &off);
      bool in_main = lib.clang_Location_isFromMainFile(lib.clang_getDiagnosticLocation(d));
      if (in_main) ++out.syntax_errors;
      bool missing_include = msg.find("file not found") != std::string::npos;
      if (missing_include && in_main)
        out.diags.push_back(Diagnostic{Severity::Warning, "missing-include", file.rel, static_cast<int>(line), static_cast<int>(col),
                                       msg + "; scanning what the tokens show"});
      else if (in_main && !reported_error) {
        out.diags.push_back(Diagnostic{Severity::Warning, "syntax-error", file.rel, static_cast<int>(line), static_cast<int>(col),
                                       msg + "; the rest of the file was still scanned"});
        reported_error = true;
      }
    }
    lib.clang_disposeDiagnostic(d);
  }

  CXFile main = lib.clang_getFile(tu, abs.c_str());
  // Member calls' receiver classes and declared fields, from the AST.
  struct Visit {
    const LibClang* lib;
    MemberCallTypes types;
    std::vector<Fact> fields;
  } visit{&lib, {}, {}};
  lib.clang_visitChildren(
      lib.clang_getTranslationUnitCursor(tu),
      [](CXCursor c, CXCursor, CXClientData data) -> CXChildVisitResult {
        auto* v = static_cast<Visit*>(data);
        const LibClang& l = *v->lib;
        CXSourceLocation where = l.clang_getCursorLocation(c);
        if (!l.clang_Location_isFromMainFile(where)) return CXChildVisit_Continue;
        CXCursorKind kind = l.clang_getCursorKind(c);
        unsigned line = 0, col = 0, off = 0;
        CXFile f;
        l.clang_getSpellingLocation(where, &f, &line, &col, &off);
        if (kind == CXCursor_FieldDecl) {
          Fact fd;
          fd.kind = FactKind::Field;
          fd.loc = Loc{line, col};
          fd.name = l.str(l.clang_getCursorSpelling(c));
          fd.path = normalize_path(l.str(l.clang_getTypeSpelling(l.clang_getCursorType(c))));
          v->fields.push_back(std::move(fd));
        } else if (kind == CXCursor_CallExpr) {
          CXCursor callee = l.clang_getCursorReferenced(c);
          if (l.clang_getCursorKind(callee) == CXCursor_CXXMethod) {
            std::string method = l.str(l.clang_getCursorSpelling(callee));
            std::string cls = l.str(l.clang_getCursorSpelling(l.clang_getCursorSemanticParent(callee)));
            if (!cls.empty()) v->types[{line, method}] = cls + "." + method;
          }
        }
        return CXChildVisit_Recurse;
      },
      &visit);

  // Tokens of the main file, without the ranges the preprocessor skipped.
  std::vector<std::pair<unsigned, unsigned>> skipped;
  if (CXSourceRangeList* list = lib.clang_getSkippedRanges(tu, main)) {
    for (unsigned i = 0; i < list->count; ++i) {
      unsigned b = 0, e = 0, line, col;
      CXFile f;
      lib.clang_getSpellingLocation(lib.clang_getRangeStart(list->ranges[i]), &f, &line, &col, &b);
      lib.clang_getSpellingLocation(lib.clang_getRangeEnd(list->ranges[i]), &f, &line, &col, &e);
      skipped.emplace_back(b, e);
    }
    lib.clang_disposeSourceRangeList(list);
  }
  CXSourceRange all = lib.clang_getRange(lib.clang_getLocationForOffset(tu, main, 0),
                                         lib.clang_getLocationForOffset(tu, main, static_cast<unsigned>(text.size())));
  CXToken* toks = nullptr;
  unsigned ntok = 0;
  lib.clang_tokenize(tu, all, &toks, &ntok);
  std::vector<CToken> tokens;
  tokens.reserve(ntok);
  unsigned last_line = 0;
  for (unsigned i = 0; i < ntok; ++i) {
    CXTokenKind k = lib.clang_getTokenKind(toks[i]);
    if (k == CXToken_Comment) continue;
    unsigned line = 0, col = 0, off = 0;
    CXFile f;
    lib.clang_getSpellingLocation(lib.clang_getTokenLocation(tu, toks[i]), &f, &line, &col, &off);
    bool in_skipped = std::any_of(skipped.begin(), skipped.end(), [&](auto r) { return off >= r.first && off < r.second; });
    if (in_skipped) continue;
    CToken t;
    t.kind = k == CXToken_Punctuation ? CToken::Punct : k == CXToken_Keyword ? CToken::Keyword
                                      : k == CXToken_Identifier            ? CToken::Ident
                                                                           : CToken::Literal;
    t.text = lib.str(lib.clang_getTokenSpelling(tu, toks[i]));
    t.loc = Loc{line, col};
    t.line_start = line != last_line;
    last_line = line;
    tokens.push_back(std::move(t));
  }
  if (toks) lib.clang_disposeTokens(tu, toks, ntok);

  out.facts = facts_from_c_tokens(tokens, visit.types);
  out.facts.facts.insert(out.facts.facts.end(), visit.fields.begin(), visit.fields.end());
  std::stable_sort(out.facts.facts.begin(), out.facts.facts.end(), [](const Fact& a, const Fact& b) {
    return std::tie(a.loc.line, a.loc.column) < std::tie(b.loc.line, b.loc.column);
  });
  lib.clang_disposeTranslationUnit(tu);
  lib.clang_disposeIndex(index);
}

}  // namespace ps
