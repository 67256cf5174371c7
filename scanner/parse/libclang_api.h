#pragma once
// libclang, loaded with dlopen on first use: scans without C/C++ never load
// it, and a machine without it gets a diagnostic instead of a crash.
#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>

#include <memory>
#include <string>

namespace ps {

struct LibClang {
#define PS_CLANG_FN(name) decltype(&::name) name = nullptr;
#include "scanner/parse/libclang_functions.inc"
#undef PS_CLANG_FN
  void* handle = nullptr;

  ~LibClang();
  // nullptr (and why, in error) when no libclang could be loaded.
  static std::unique_ptr<LibClang> load(std::string& error);

  std::string str(CXString s) const;  // takes ownership of s
};

}  // namespace ps
