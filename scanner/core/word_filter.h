#pragma once
// A set of words that answers "certainly not in it" in a few instructions:
// one bit per hash of a word's length and first, second and last bytes.
// It sits in front of hash-set lookups that almost never hit, such as
// "may a rule name this identifier?" for every identifier a walk meets,
// where hashing the whole word was most of the cost. False positives only
// cost the lookup behind it.
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ps {

class WordFilter {
 public:
  void add(std::string_view w) { bits_.set(slot(w)); }
  bool may_contain(std::string_view w) const { return bits_.test(slot(w)); }

 private:
  static constexpr std::size_t kBits = 4096;
  static std::size_t slot(std::string_view w) {
    if (w.empty()) return 0;
    auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(w[i])); };
    std::uint32_t h = static_cast<std::uint32_t>(w.size()) * 0x9E3779B1u;
    h ^= byte(0) * 0x85EBCA6Bu;
    h ^= byte(w.size() - 1) * 0xC2B2AE35u;
    if (w.size() > 2) h ^= byte(1) * 0x27D4EB2Fu;
    h ^= h >> 15;
    return h & (kBits - 1);
  }
  std::bitset<kBits> bits_;
};

}  // namespace ps
