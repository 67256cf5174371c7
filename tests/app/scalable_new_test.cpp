// operator new/delete as scanner/scalable_new.cpp replaces them: memory
// from the scalable allocator, alignment kept, failures reported the way
// the standard says, blocks freed on another thread than made them.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <memory>
#include <new>
#include <string>
#include <thread>
#include <vector>

#ifdef POLICYSCAN_SCALABLE_NEW
#include <oneapi/tbb/scalable_allocator.h>
#endif

namespace {
struct alignas(256) Wide {
  char bytes[300];
};
}  // namespace

#ifdef POLICYSCAN_SCALABLE_NEW
TEST_CASE("operator new is served by the scalable allocator") {
  for (std::size_t n : {1u, 24u, 100u, 4096u, 1u << 20}) {
    void* p = ::operator new(n);
    CHECK(scalable_msize(p) >= n);  // on a block it did not make, this reads a header that is not there
    ::operator delete(p, n);
  }
  auto s = std::make_unique<std::string>(200, 'x');
  CHECK(scalable_msize(s.get()) >= sizeof(std::string));
}

// (Only with the replacement: under ASan, its allocator aborts on such a request.)
TEST_CASE("a request that cannot be met throws bad_alloc, or gives null when nothrow") {
  const std::size_t huge = std::numeric_limits<std::size_t>::max() / 2;
  CHECK_THROWS_AS(static_cast<void>(::operator new(huge)), std::bad_alloc);
  CHECK_THROWS_AS(static_cast<void>(::operator new[](huge)), std::bad_alloc);
  CHECK(::operator new(huge, std::nothrow) == nullptr);
  CHECK(::operator new(huge, std::align_val_t{256}, std::nothrow) == nullptr);
  CHECK_THROWS_AS(static_cast<void>(::operator new(huge, std::align_val_t{256})), std::bad_alloc);
}
#endif

TEST_CASE("over-aligned types keep their alignment, alone and in arrays") {
  std::vector<std::unique_ptr<Wide>> many;
  for (int i = 0; i < 64; ++i) {
    many.push_back(std::make_unique<Wide>());
    CHECK(reinterpret_cast<std::uintptr_t>(many.back().get()) % alignof(Wide) == 0);
  }
  auto* arr = new Wide[5];
  CHECK(reinterpret_cast<std::uintptr_t>(arr) % alignof(Wide) == 0);
  delete[] arr;
  auto* nt = new (std::nothrow) Wide;
  REQUIRE(nt != nullptr);
  CHECK(reinterpret_cast<std::uintptr_t>(nt) % alignof(Wide) == 0);
  delete nt;
}

TEST_CASE("blocks made on one thread are freed on another, contents intact") {
  std::vector<std::string*> made;
  std::thread maker([&] {
    for (int i = 0; i < 10000; ++i) made.push_back(new std::string(static_cast<std::size_t>(20 + i % 300), static_cast<char>('a' + i % 26)));
  });
  maker.join();
  bool intact = true;
  std::thread freer([&] {
    for (std::size_t i = 0; i < made.size(); ++i) {
      intact = intact && made[i]->size() == 20 + i % 300 && (*made[i])[made[i]->size() - 1] == static_cast<char>('a' + i % 26);
      delete made[i];
    }
  });
  freer.join();
  CHECK(intact);
}
