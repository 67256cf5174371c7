#pragma once
// The drafting lexicon (mappings/lexicon/lexicon.yaml): policy phrases ->
// data categories, vendors, recipient categories, actions, negations,
// purposes, retention triggers and tracking technologies.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "scanner/core/diagnostic.h"

namespace ps {

struct Phrase {
  std::vector<std::string> words;  // lower-case tokens
  std::string value;               // what it maps to (a key, an id, an action ...)
};

struct Lexicon {
  std::vector<Phrase> ignore, data, vendors, recipient_categories, actions, negations, purposes, triggers, retention_cues, tracking;
  std::map<std::string, std::string> vendor_category;  // vendor id -> recipient category
};

Lexicon load_lexicon(const std::filesystem::path& file, Diagnostics& diags);

// Lower-case word tokens of a sentence (letters, digits, and the inner
// punctuation of "ip-derived", "region/country", "help-center").
std::vector<std::string> tokenize_words(std::string_view s);

}  // namespace ps
