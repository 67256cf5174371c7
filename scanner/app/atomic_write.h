#pragma once
// Outputs are written atomically: to a temporary file beside the target,
// then renamed over it, so a reader (or a CI upload step) never sees half a
// report, and a failed run leaves the previous file intact.
#include <filesystem>
#include <string>
#include <string_view>

namespace ps {

// Returns "" on success, else a message naming the file.
std::string write_file_atomically(const std::filesystem::path& target, std::string_view content);

}  // namespace ps
