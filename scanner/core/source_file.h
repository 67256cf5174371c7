#pragma once
// One file chosen by discovery, before it is read.
#include <cstdint>
#include <filesystem>
#include <string>

#include "scanner/core/language.h"

namespace ps {

struct SourceFile {
  std::filesystem::path abs;  // absolute path on disk
  std::string rel;            // path relative to the scan root, '/'-separated (what reports show)
  Language language = Language::JavaScript;
  std::uint64_t size = 0;     // bytes
};

}  // namespace ps
