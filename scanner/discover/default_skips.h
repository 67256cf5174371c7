#pragma once
// What a scan leaves out unless asked: vendored code, generated and minified
// code, and tests. Decided by names alone (cheap); the walker adds content
// checks (generated-file headers, minified line lengths).
#include <string_view>

namespace ps {

bool is_vendored_dir(std::string_view name);
bool is_generated_dir(std::string_view name);
bool is_test_dir(std::string_view name);
bool is_generated_file(std::string_view name);
bool is_test_file(std::string_view name);
// A header that says the file is generated ("@generated", "DO NOT EDIT", "Code generated").
bool has_generated_header(std::string_view head);
// Average line length over 500 bytes in the first 64 KiB: a minified bundle.
bool looks_minified(std::string_view head);

}  // namespace ps
