// ps_walk must visit exactly the nodes a TSTreeCursor walk visits, in the
// same order, at the same depths, whatever it is told to skip; ps_walk_named
// the named ones among them, as if every anonymous node were skipped.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "scanner/discover/discover.h"
#include "scanner/parse/parse.h"
#include "scanner/parse/ts_walk.h"

using namespace ps;
namespace fs = std::filesystem;

namespace {

std::string describe(TSNode n, uint32_t depth) {
  TSPoint p = ts_node_start_point(n);
  return fmt::format("{} {} {}-{} {}:{} {}", depth, ts_node_type(n), ts_node_start_byte(n), ts_node_end_byte(n), p.row, p.column,
                     ts_node_is_named(n) ? "named" : "anon");
}

// Which nodes a walk does not enter: every third named node, and none.
bool skip(TSNode n, int mode) { return mode == 1 && ts_node_is_named(n) && ts_node_start_byte(n) % 3 == 0; }

// A tree cursor's walk, recording the nodes it is seen to call back for
// (named ones only, if asked) and entering the others (not anonymous ones
// in a named walk).
template <class Called>
std::vector<std::string> cursor_walk(TSNode root, int mode, bool named_only, Called called) {
  std::vector<std::string> out;
  TSTreeCursor c = ts_tree_cursor_new(root);
  uint32_t depth = 0;
  while (true) {
    TSNode n = ts_tree_cursor_current_node(&c);
    bool seen = !named_only || ts_node_is_named(n);
    bool call = seen && called(n, depth);
    if (call) out.push_back(describe(n, depth));
    if (seen && !(call && skip(n, mode)) && ts_tree_cursor_goto_first_child(&c)) {
      ++depth;
      continue;
    }
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&c)) {
      if (!ts_tree_cursor_goto_parent(&c)) { done = true; break; }
      --depth;
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&c);
  return out;
}

std::vector<std::string> by_cursor(TSNode root, int mode, bool named_only = false) {
  return cursor_walk(root, mode, named_only, [](TSNode, uint32_t) { return true; });
}

std::vector<std::string> by_walk(TSNode root, int mode, bool named_only = false) {
  struct State {
    std::vector<std::string> out;
    int mode;
  } s{{}, mode};
  auto visit = [](void* p, TSNode n, uint32_t depth) {
    auto& st = *static_cast<State*>(p);
    st.out.push_back(describe(n, depth));
    return skip(n, st.mode) ? PS_WALK_SKIP : PS_WALK_ENTER;
  };
  if (named_only) ps_walk_named(root, visit, &s);
  else ps_walk(root, visit, &s);
  return s.out;
}

// The named walk that calls back only for wanted symbols (and the root):
// every other named node is entered, whatever skip says.
std::vector<std::string> by_cursor_wanted(TSNode root, int mode, const std::vector<std::uint8_t>& wanted_public) {
  return cursor_walk(root, mode, true, [&](TSNode n, uint32_t depth) {
    TSSymbol s = ts_node_symbol(n);  // ERROR's is 65535, past the table: never wanted
    return depth == 0 || (s < wanted_public.size() && wanted_public[s]);
  });
}

std::vector<std::string> by_walk_wanted(TSNode root, int mode, const std::vector<std::uint8_t>& wanted_public) {
  const TSLanguage* lang = ts_tree_language(root.tree);
  std::vector<std::uint8_t> wanted(wanted_public.size());
  ps_walk_wanted_table(lang, wanted_public.data(), wanted.data());
  struct State {
    std::vector<std::string> out;
    int mode;
  } s{{}, mode};
  ps_walk_named_wanted(root, wanted.data(), [](void* p, TSNode n, uint32_t depth) {
    auto& st = *static_cast<State*>(p);
    st.out.push_back(describe(n, depth));
    return skip(n, st.mode) ? PS_WALK_SKIP : PS_WALK_ENTER;
  }, &s);
  return s.out;
}

// Every tree-sitter fixture file of the detect suite, parsed: 11 grammars.
template <typename Fn>
void for_each_fixture_tree(Fn fn) {
  Parsers parsers(ParseOptions{});
  for (const auto& e : fs::recursive_directory_iterator(fs::path(POLICYSCAN_SOURCE_DIR) / "tests" / "detect" / "fixtures")) {
    if (!e.is_regular_file()) continue;
    auto lang = detect_language(e.path().filename());
    if (!lang || uses_libclang(*lang)) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    ParsedFile pf = parsers.parse_text(SourceFile{e.path(), e.path().filename().string(), *lang, 0}, ss.str());
    REQUIRE(pf.tree);
    CAPTURE(e.path().string());
    fn(*lang, pf.tree.get());
  }
}

// ps_each_named_child against ts_node_named_child(n, 0..), for every node
// of a tree: the same children in order, and only the first when the
// visit stops.
struct NamedChildCheck {
  std::size_t parents = 0, children = 0, wrong = 0;

  static std::vector<TSNode> listed(TSNode n, bool go_on) {
    std::pair<std::vector<TSNode>, bool> st{{}, go_on};
    ps_each_named_child(n, [](void* q, TSNode c) {
      auto& s = *static_cast<std::pair<std::vector<TSNode>, bool>*>(q);
      s.first.push_back(c);
      return s.second;
    }, &st);
    return st.first;
  }
  static bool same(TSNode a, TSNode b) {
    return ts_node_eq(a, b) && ts_node_symbol(a) == ts_node_symbol(b) && ts_node_start_byte(a) == ts_node_start_byte(b) &&
           ts_node_start_point(a).row == ts_node_start_point(b).row && ts_node_start_point(a).column == ts_node_start_point(b).column;
  }
  void tree(TSNode root) {
    std::vector<TSNode> nodes;
    ps_walk(root, [](void* p, TSNode n, uint32_t) {
      static_cast<std::vector<TSNode>*>(p)->push_back(n);
      return PS_WALK_ENTER;
    }, &nodes);
    for (TSNode n : nodes) {
      std::vector<TSNode> want;
      for (uint32_t i = 0; i < ts_node_named_child_count(n); ++i) want.push_back(ts_node_named_child(n, i));
      auto got = listed(n, true), first = listed(n, false);
      bool ok = got.size() == want.size() && first.size() == std::min<std::size_t>(1, want.size());
      for (std::size_t i = 0; ok && i < want.size(); ++i) ok = same(want[i], got[i]);
      wrong += !ok;
      parents += !want.empty();
      children += want.size();
    }
  }
};

}  // namespace

TEST_CASE("ps_walk visits what a tree cursor visits, in every grammar") {
  std::size_t files = 0, nodes = 0;
  std::set<Language> langs;
  for_each_fixture_tree([&](Language lang, const TSTree* tree) {
    TSNode root = ts_tree_root_node(tree);
    for (int mode : {0, 1}) {
      auto want = by_cursor(root, mode);
      CHECK(by_walk(root, mode) == want);
      nodes += want.size();
      auto named = by_cursor(root, mode, true);
      CHECK(by_walk(root, mode, true) == named);
      if (mode == 0) CHECK(named.size() < want.size());
    }
    // A subtree walk starts at that node, not at the root.
    if (ts_node_named_child_count(root) > 0) {
      TSNode first = ts_node_named_child(root, ts_node_named_child_count(root) - 1);
      CHECK(by_walk(first, 0) == by_cursor(first, 0));
    }
    ++files;
    langs.insert(lang);
  });
  CHECK(langs.size() == 11);
  CHECK(files > 400);
  CHECK(nodes > 50000);
}

TEST_CASE("ps_walk_named_wanted calls back for the wanted nodes only, and enters the rest") {
  std::size_t files = 0, called = 0, named = 0;
  for_each_fixture_tree([&](Language, const TSTree* tree) {
    TSNode root = ts_tree_root_node(tree);
    const TSLanguage* lang = ts_tree_language(tree);
    // A third of the symbols, by public symbol (aliases included).
    std::vector<std::uint8_t> wanted(ts_language_symbol_count(lang));
    for (std::size_t s = 0; s < wanted.size(); ++s) wanted[s] = s % 3 == 1;
    for (int mode : {0, 1}) {
      auto want = by_cursor_wanted(root, mode, wanted);
      CHECK(by_walk_wanted(root, mode, wanted) == want);
      if (mode == 0) {
        called += want.size();
        named += by_cursor(root, 0, true).size();
      }
    }
    // Nothing wanted: the root alone; everything wanted: the named walk.
    CHECK(by_walk_wanted(root, 0, std::vector<std::uint8_t>(wanted.size(), 0)).size() == 1);
    CHECK(by_walk_wanted(root, 1, std::vector<std::uint8_t>(wanted.size(), 1)) == by_cursor(root, 1, true));
    ++files;
  });
  CHECK(files > 400);
  CHECK(called > 1000);
  CHECK(called < named);
}

TEST_CASE("ps_each_named_child lists what ts_node_named_child answers, and stops when told") {
  NamedChildCheck check;
  for_each_fixture_tree([&](Language, const TSTree* tree) { check.tree(ts_tree_root_node(tree)); });
  CHECK(check.wrong == 0);
  CHECK(check.parents > 20000);
  CHECK(check.children > check.parents);
}

// Every field of every node in every fixture, as the runtime answers it.
TEST_CASE("ps_child_by_field_id answers as ts_node_child_by_field_id, in every grammar") {
  std::size_t asked = 0, found = 0;
  std::set<Language> langs;
  auto same = [](TSNode a, TSNode b) {
    return ts_node_eq(a, b) && (ts_node_is_null(a) || (ts_node_symbol(a) == ts_node_symbol(b) && ts_node_start_byte(a) == ts_node_start_byte(b) &&
                                                      ts_node_start_point(a).row == ts_node_start_point(b).row &&
                                                      ts_node_start_point(a).column == ts_node_start_point(b).column));
  };
  for_each_fixture_tree([&](Language lang, const TSTree* tree) {
    uint32_t fields = ts_language_field_count(ts_tree_language(tree));
    struct State {
      uint32_t fields;
      std::size_t &asked, &found, wrong;
      decltype(same)& eq;
    } st{fields, asked, found, 0, same};
    ps_walk(ts_tree_root_node(tree), [](void* p, TSNode n, uint32_t) {
      auto& s = *static_cast<State*>(p);
      for (TSFieldId f = 1; f <= s.fields; ++f) {
        TSNode want = ts_node_child_by_field_id(n, f);
        ++s.asked;
        if (!ts_node_is_null(want)) ++s.found;
        if (!s.eq(ps_child_by_field_id(n, f), want)) ++s.wrong;
      }
      return PS_WALK_ENTER;
    }, &st);
    CHECK(st.wrong == 0);
    langs.insert(lang);
  });
  CHECK(langs.size() == 11);
  CHECK(found > 20000);
  CHECK(asked > found);
}

TEST_CASE("ps_walk agrees on broken input: ERROR and MISSING nodes") {
  Parsers parsers(ParseOptions{});
  for (auto [lang, text] : std::vector<std::pair<Language, std::string>>{
           {Language::JavaScript, "f(a, ; const = {x: 1,, y: }\n/* c */ g(`${h(}`)"},
           {Language::Python, "def f(:\n  return (1,\nclass X:\n    y = "},
           {Language::Go, "package main\nfunc main() { x := \n}"},
           {Language::Tsx, "const a = <div onClick={() => f(}>{x</div>;"}}) {
    ParsedFile pf = parsers.parse_text(SourceFile{"broken", "broken", lang, 0}, text);
    REQUIRE(pf.tree);
    CHECK(pf.syntax_errors > 0);
    TSNode root = ts_tree_root_node(pf.tree.get());
    for (int mode : {0, 1}) {
      CHECK(by_walk(root, mode) == by_cursor(root, mode));
      CHECK(by_walk(root, mode, true) == by_cursor(root, mode, true));
      std::vector<std::uint8_t> wanted(ts_language_symbol_count(ts_tree_language(pf.tree.get())));
      for (std::size_t s = 0; s < wanted.size(); ++s) wanted[s] = s % 2 == 0;
      CHECK(by_walk_wanted(root, mode, wanted) == by_cursor_wanted(root, mode, wanted));
    }
    NamedChildCheck check;
    check.tree(root);
    CHECK(check.wrong == 0);
    CHECK(check.children > 0);
  }
}

TEST_CASE("ps_walk stops when told to") {
  Parsers parsers(ParseOptions{});
  ParsedFile pf = parsers.parse_text(SourceFile{"a.js", "a.js", Language::JavaScript, 0}, "f(a, b); g(c);");
  int seen = 0;
  ps_walk(ts_tree_root_node(pf.tree.get()), [](void* p, TSNode, uint32_t) {
    return ++*static_cast<int*>(p) == 3 ? PS_WALK_STOP : PS_WALK_ENTER;
  }, &seen);
  CHECK(seen == 3);
}
