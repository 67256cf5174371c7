#include "scanner/parse/libclang_api.h"

#include <dlfcn.h>

#include <filesystem>
#include <vector>

namespace ps {

LibClang::~LibClang() {
  if (handle) dlclose(handle);
}

std::string LibClang::str(CXString s) const {
  const char* c = clang_getCString(s);
  std::string out = c ? c : "";
  clang_disposeString(s);
  return out;
}

std::unique_ptr<LibClang> LibClang::load(std::string& error) {
  std::vector<std::string> candidates = {"libclang.so.1", "libclang-14.so.1", "libclang.so", "libclang-16.so.1",
                                         "libclang-19.so.1"};
  // Debian keeps the versioned libraries under /usr/lib/llvm-N/lib.
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator("/usr/lib", ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    auto name = it->path().filename().string();
    if (name.rfind("llvm-", 0) == 0) candidates.push_back((it->path() / "lib" / "libclang.so.1").string());
  }
  void* h = nullptr;
  for (const auto& c : candidates)
    if ((h = dlopen(c.c_str(), RTLD_NOW | RTLD_LOCAL))) break;
  if (!h) {
    error = "libclang could not be loaded (apt-get install libclang1-14)";
    return nullptr;
  }
  auto lib = std::make_unique<LibClang>();
  lib->handle = h;
#define PS_CLANG_FN(name)                                                    \
  lib->name = reinterpret_cast<decltype(&::name)>(dlsym(h, #name));          \
  if (!lib->name) {                                                          \
    error = std::string("libclang lacks ") + #name;                          \
    return nullptr;                                                          \
  }
#include "scanner/parse/libclang_functions.inc"
#undef PS_CLANG_FN
  return lib;
}

}  // namespace ps
