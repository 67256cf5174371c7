#pragma once
// A privacy policy as data (schema: docs in README "Policy model"). Every
// statement keeps where it is in the YAML and the sentence it rests on.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scanner/policy/actions.h"
#include "scanner/policy/duration.h"

namespace ps {

struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
};

struct Statement {
  std::string id;
  SourcePos pos;
  std::string quote;     // the policy sentence
  int text_line = 0;     // line of the sentence in the prose policy
  bool low_confidence = false;
};

struct RecipientDecl : Statement {
  std::string category;            // a recipient-hierarchy category
  std::vector<std::string> match;  // names/hosts that identify it in code
};

struct Practice : Statement {
  Action action = Action::Collect;
  std::vector<std::string> data;
  std::vector<std::string> to;   // recipient ids or categories
  std::vector<std::string> purposes;
};
using Denial = Practice;  // the same shape, read as "never"

struct RetentionRule : Statement {
  std::vector<std::string> data;
  std::string after = "collection";
  std::optional<std::int64_t> within_seconds;
  std::string within_text;  // as written: "P30D"
};

struct Tracking : Statement {
  std::vector<std::string> tech;
  std::vector<std::string> by;
  bool declared = false;
};

struct Children : Statement {
  int min_age = 0;
  bool declared = false;
};

struct PolicyModel {
  std::string file;
  std::string controller, product, source;
  std::map<std::string, std::string> extensions;  // key -> parent
  std::vector<RecipientDecl> recipients;
  std::vector<Practice> practices;
  std::vector<Denial> denials;
  std::vector<RetentionRule> retention;
  Tracking tracking;
  Children children;

  const RecipientDecl* recipient(const std::string& id) const;
};

}  // namespace ps
