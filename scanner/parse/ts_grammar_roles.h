#pragma once
// What each node type of a tree-sitter grammar means to the fact extractor,
// as a table indexed by symbol, built once per language (immutable after).
#include <tree_sitter/api.h>

#include <array>
#include <cstdint>
#include <vector>

#include "scanner/core/language.h"

namespace ps {

enum class Role : std::uint8_t {
  None,
  Call,        // a call or constructor
  Import,      // an import statement / spec / use clause
  Assign,      // assignment: member target -> Assign, identifier -> Bind
  Declare,     // variable/constant declaration with a value -> Bind
  Field,       // declared field/property (always a field)
  ClassMember, // a declaration that is a Field when directly in a class body (Kotlin/Swift properties)
  String,      // a string literal
  Member,      // member access / subscript: a path
  Ident,       // an identifier
  Pair,        // key/value in an object, dictionary, hash, keyword or named argument
  Shorthand,   // `{email}` in JS: key and value at once
  ClassBody,   // a class body (for Python class attributes, Kotlin/Swift properties)
  Comment,
  Return,      // a return statement with a value
  Function,    // a function literal, lambda, block or anonymous class (argument summaries skip big ones)
  Param,       // a parameter, which may declare its type (TS, Python, Go, Java, Kotlin, C#, Swift, PHP)
  TypeDecl,    // a named type declaration whose struct fields a receiver reads (Go)
  Method,      // a method with a receiver (Go)
};

// The field names the fact extractor asks for, resolved to ids once per
// grammar: ts_node_child_by_field_name compares the name with the grammar's
// field names on every call.
enum class FieldName : std::uint8_t {
  alias, arguments, block, constructor, function, initializer, key, left, method, module_name, name, object, path, pattern, property, receiver, result, right, scope, source, target, type, value,
  count
};
inline constexpr std::size_t kFieldNames = static_cast<std::size_t>(FieldName::count);

struct Grammar {
  Language language;
  const TSLanguage* ts = nullptr;
  std::vector<Role> roles;  // by TSSymbol
  std::vector<bool> is_new; // by TSSymbol: constructor calls
  std::array<TSFieldId, kFieldNames> field_ids{};  // 0: the grammar has no such field
  // Python: class_definition > block > expression_statement, the ancestors
  // of a class attribute's assignment (0s in other grammars).
  std::array<TSSymbol, 3> class_attribute_path{};
  // The nodes the fact walk stops at (a role, or an ancestor of a Python
  // class attribute), by public symbol and as ps_walk_named_wanted reads them.
  std::vector<std::uint8_t> wanted_public, wanted;
  Role role(TSNode n) const { return ts_node_is_null(n) ? Role::None : role_of(ts_node_symbol(n)); }
  Role role_of(TSSymbol s) const { return s < roles.size() ? roles[s] : Role::None; }
  bool constructs(TSNode n) const {
    if (ts_node_is_null(n)) return false;
    TSSymbol s = ts_node_symbol(n);
    return s < is_new.size() && is_new[s];
  }
};

// The table for a tree-sitter language (not C/C++). Thread-safe.
const Grammar& grammar_for(Language lang);

}  // namespace ps
