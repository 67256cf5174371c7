#pragma once
// `policyscan policy draft`: a privacy policy's prose -> a draft policy
// model. Deterministic and offline: sentences, then lexicon phrases
// (mappings/lexicon) for data, recipients, actions, negation, purposes,
// retention and tracking. Every statement cites its sentence and line;
// statements the drafter is unsure of carry `confidence: low` and a comment.
#include <string>
#include <vector>

#include "scanner/draft/lexicon.h"
#include "scanner/draft/prose.h"

namespace ps {

struct DraftStatement {
  std::string section;  // recipients, practices, denials, retention, tracking, children
  std::string id;
  std::string action;  // practices/denials
  std::vector<std::string> data, to, purposes, tech;
  std::string category;  // recipients
  std::vector<std::string> match;
  std::string after, within;  // retention
  int min_age = 0;            // children
  int line = 0;
  std::string quote;
  bool low_confidence = false;
  std::string why_unsure;
};

struct Draft {
  std::string source;
  std::vector<DraftStatement> statements;
};

Draft draft_policy(const std::vector<Sentence>& sentences, const Lexicon& lexicon, std::string source);
std::string draft_yaml(const Draft& d);

}  // namespace ps
