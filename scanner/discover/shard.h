#pragma once
// Sharding: `--shard K/N` splits the files of a scan into N disjoint parts,
// the same way on every machine, so a CI matrix or a batch system runs the
// parts and `policyscan merge` combines their reports. A file's shard comes
// from a hash of its relative path: adding a file moves no other file.
#include <optional>
#include <string>
#include <string_view>

namespace ps {

struct Shard {
  unsigned index = 1;  // K, 1-based
  unsigned count = 1;  // N
};

// "K/N" with 1 <= K <= N <= 10000; nullopt and a message otherwise.
std::optional<Shard> parse_shard(std::string_view text, std::string& error);

bool in_shard(std::string_view rel_path, const Shard& shard);

}  // namespace ps
