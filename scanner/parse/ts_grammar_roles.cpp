#include "scanner/parse/ts_grammar_roles.h"

#include <array>
#include <cstring>
#include <string_view>
#include <utility>

#include "scanner/parse/parse.h"
#include "scanner/parse/ts_walk.h"

namespace ps {

namespace {

struct Entry {
  std::string_view type;
  Role role;
  bool constructs = false;
};

// Node types per language, read off each grammar's node-types.json.
std::vector<Entry> entries_for(Language lang) {
  // Shared by the C-like grammars.
  std::vector<Entry> e = {{"comment", Role::Comment}, {"identifier", Role::Ident}};
  auto add = [&](std::initializer_list<Entry> more) { e.insert(e.end(), more); };
  switch (lang) {
    case Language::JavaScript:
    case Language::TypeScript:
    case Language::Tsx:
      add({{"call_expression", Role::Call},
           {"new_expression", Role::Call, true},
           {"import_statement", Role::Import},
           {"assignment_expression", Role::Assign},
           {"variable_declarator", Role::Declare},
           {"public_field_definition", Role::Field},
           {"field_definition", Role::Field},
           {"property_signature", Role::Field},
           {"string", Role::String},
           {"template_string", Role::String},
           {"member_expression", Role::Member},
           {"subscript_expression", Role::Member},
           {"property_identifier", Role::Ident},
           {"shorthand_property_identifier", Role::Shorthand},
           {"pair", Role::Pair},
           {"jsx_attribute", Role::Pair},
           {"return_statement", Role::Return},
           {"arrow_function", Role::Function},
           {"function_expression", Role::Function},
           {"function", Role::Function},
           {"generator_function", Role::Function},
           {"method_definition", Role::Function},
           {"class", Role::Function},
           {"required_parameter", Role::Param},  // TypeScript's
           {"optional_parameter", Role::Param}});
      break;
    case Language::Python:
      add({{"call", Role::Call},
           {"import_statement", Role::Import},
           {"import_from_statement", Role::Import},
           {"assignment", Role::Assign},
           {"string", Role::String},
           {"attribute", Role::Member},
           {"subscript", Role::Member},
           {"pair", Role::Pair},
           {"keyword_argument", Role::Pair},
           {"lambda", Role::Function},
           {"return_statement", Role::Return},
           {"typed_parameter", Role::Param},
           {"typed_default_parameter", Role::Param}});
      break;
    case Language::Go:
      add({{"call_expression", Role::Call},
           {"import_spec", Role::Import},
           {"assignment_statement", Role::Assign},
           {"short_var_declaration", Role::Declare},
           {"var_spec", Role::Declare},
           {"const_spec", Role::Declare},
           {"field_declaration", Role::Field},
           {"interpreted_string_literal", Role::String},
           {"raw_string_literal", Role::String},
           {"selector_expression", Role::Member},
           {"index_expression", Role::Member},
           {"field_identifier", Role::Ident},
           {"keyed_element", Role::Pair},
           {"func_literal", Role::Function},
           {"return_statement", Role::Return},
           {"parameter_declaration", Role::Param},
           {"type_spec", Role::TypeDecl},
           {"method_declaration", Role::Method}});
      break;
    case Language::Java:
      add({{"method_invocation", Role::Call},
           {"object_creation_expression", Role::Call, true},
           {"import_declaration", Role::Import},
           {"assignment_expression", Role::Assign},
           {"local_variable_declaration", Role::Declare},
           {"field_declaration", Role::Field},
           {"string_literal", Role::String},
           {"text_block", Role::String},
           {"field_access", Role::Member},
           {"array_access", Role::Member},
           {"line_comment", Role::Comment},
           {"block_comment", Role::Comment},
           {"lambda_expression", Role::Function},
           {"class_body", Role::Function},
           {"return_statement", Role::Return},
           {"formal_parameter", Role::Param}});
      break;
    case Language::Kotlin:
      add({{"call_expression", Role::Call},
           {"import", Role::Import},
           {"assignment", Role::Assign},
           {"property_declaration", Role::ClassMember},
           {"string_literal", Role::String},
           {"multiline_string_literal", Role::String},
           {"navigation_expression", Role::Member},
           {"index_expression", Role::Member},
           {"simple_identifier", Role::Ident},
           {"value_argument", Role::Pair},
           {"class_body", Role::ClassBody},
           {"line_comment", Role::Comment},
           {"block_comment", Role::Comment},
           {"lambda_literal", Role::Function},
           {"anonymous_function", Role::Function},
           {"parameter", Role::Param},
           {"class_parameter", Role::Param}});
      break;
    case Language::Swift:
      add({{"call_expression", Role::Call},
           {"import_declaration", Role::Import},
           {"assignment", Role::Assign},
           {"property_declaration", Role::ClassMember},
           {"line_string_literal", Role::String},
           {"multi_line_string_literal", Role::String},
           {"raw_string_literal", Role::String},
           {"navigation_expression", Role::Member},
           {"simple_identifier", Role::Ident},
           {"value_argument", Role::Pair},
           {"dictionary_literal", Role::Pair},
           {"class_body", Role::ClassBody},
           {"multiline_comment", Role::Comment},
           {"lambda_literal", Role::Function},
           {"parameter", Role::Param}});
      break;
    case Language::Ruby:
      add({{"call", Role::Call},
           {"assignment", Role::Assign},
           {"string", Role::String},
           {"element_reference", Role::Member},
           {"scope_resolution", Role::Member},
           {"constant", Role::Ident},
           {"instance_variable", Role::Ident},
           {"simple_symbol", Role::Ident},
           {"pair", Role::Pair},
           {"block", Role::Function},
           {"do_block", Role::Function},
           {"lambda", Role::Function}});
      break;
    case Language::Php:
      add({{"function_call_expression", Role::Call},
           {"member_call_expression", Role::Call},
           {"nullsafe_member_call_expression", Role::Call},
           {"scoped_call_expression", Role::Call},
           {"object_creation_expression", Role::Call, true},
           {"namespace_use_clause", Role::Import},
           {"assignment_expression", Role::Assign},
           {"property_declaration", Role::Field},
           {"string", Role::String},
           {"encapsed_string", Role::String},
           {"heredoc", Role::String},
           {"nowdoc", Role::String},
           {"member_access_expression", Role::Member},
           {"nullsafe_member_access_expression", Role::Member},
           {"scoped_property_access_expression", Role::Member},
           {"subscript_expression", Role::Member},
           {"variable_name", Role::Ident},
           {"array_element_initializer", Role::Pair},
           {"anonymous_function", Role::Function},
           {"return_statement", Role::Return},
           {"anonymous_function_creation_expression", Role::Function},
           {"arrow_function", Role::Function},
           {"simple_parameter", Role::Param},
           {"property_promotion_parameter", Role::Param}});
      break;
    case Language::CSharp:
      add({{"invocation_expression", Role::Call},
           {"object_creation_expression", Role::Call, true},
           {"implicit_object_creation_expression", Role::Call, true},  // `new(...)`: see on_declare
           {"using_directive", Role::Import},
           {"assignment_expression", Role::Assign},
           {"variable_declarator", Role::Declare},
           {"field_declaration", Role::Field},
           {"property_declaration", Role::Field},
           {"string_literal", Role::String},
           {"verbatim_string_literal", Role::String},
           {"interpolated_string_expression", Role::String},
           {"raw_string_literal", Role::String},
           {"member_access_expression", Role::Member},
           {"element_access_expression", Role::Member},
           {"argument", Role::Pair},
           {"lambda_expression", Role::Function},
           {"anonymous_method_expression", Role::Function},
           {"return_statement", Role::Return},
           {"parameter", Role::Param}});
      break;
    case Language::C:
    case Language::Cpp: break;
  }
  return e;
}

Grammar build(Language lang) {
  Grammar g;
  g.language = lang;
  g.ts = tree_sitter_language(lang);
  uint32_t n = ts_language_symbol_count(g.ts);
  g.roles.assign(n, Role::None);
  g.is_new.assign(n, false);
  static constexpr std::array<const char*, kFieldNames> kFieldNameText = {"alias", "arguments", "block", "constructor", "function", "initializer", "key", "left", "method", "module_name", "name", "object", "path", "pattern", "property", "receiver", "result", "right", "scope", "source", "target", "type", "value"};
  for (std::size_t f = 0; f < kFieldNames; ++f)
    g.field_ids[f] = ts_language_field_id_for_name(g.ts, kFieldNameText[f], static_cast<uint32_t>(std::strlen(kFieldNameText[f])));
  if (lang == Language::Python) {
    std::size_t i = 0;
    for (std::string_view name : {"class_definition", "block", "expression_statement"})
      g.class_attribute_path[i++] = ts_language_symbol_for_name(g.ts, name.data(), static_cast<uint32_t>(name.size()), true);
  }
  auto entries = entries_for(lang);
  for (uint32_t s = 0; s < n; ++s) {
    if (ts_language_symbol_type(g.ts, static_cast<TSSymbol>(s)) != TSSymbolTypeRegular) continue;
    std::string_view name = ts_language_symbol_name(g.ts, static_cast<TSSymbol>(s));
    for (const auto& en : entries)
      if (en.type == name) {
        g.roles[s] = en.role;
        g.is_new[s] = en.constructs;
      }
  }
  g.wanted_public.assign(n, 0);
  for (uint32_t s = 0; s < n; ++s) g.wanted_public[s] = g.roles[s] != Role::None;
  for (TSSymbol s : g.class_attribute_path)
    if (s != 0) g.wanted_public[s] = 1;
  g.wanted.assign(n, 0);
  ps_walk_wanted_table(g.ts, g.wanted_public.data(), g.wanted.data());
  return g;
}

}  // namespace

const Grammar& grammar_for(Language lang) {
  // Built on first use, read-only afterwards (thread-safe static init).
  static const std::array<Grammar, kLanguageCount> tables = [] {
    std::array<Grammar, kLanguageCount> t{};
    for (Language l : kAllLanguages)
      if (!uses_libclang(l)) t[static_cast<std::size_t>(l)] = build(l);
    return t;
  }();
  return tables[static_cast<std::size_t>(lang)];
}

}  // namespace ps
