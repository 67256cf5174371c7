// C++ allocations (operator new/delete: every string and vector of every
// stage) come from oneTBB's scalable allocator; tree-sitter's C runtime
// keeps glibc malloc.
//
// Why: a scan makes thousands of small strings per file between one parse
// and the next. In glibc's heap they shared the per-size caches with
// tree-sitter's subtrees and stacks, and each large request merged every
// block freed since (malloc_consolidate). Apart, the parse allocates as it
// does alone and our strings come from per-thread free lists. Measured on
// the whole bench corpus, `policyscan inventory` peaks at 413 MB instead of
// 474 MB; on small dense files the pipeline runs 1.5% faster (README,
// Speed). TBB::tbbmalloc ships with oneTBB, already a dependency.
//
// Off in the sanitizer build, whose allocator must see every allocation.
#include <oneapi/tbb/scalable_allocator.h>

#include <cstddef>
#include <new>

namespace {

// The standard's loop for a throwing new: try; on failure call the
// new-handler and try again, or throw when there is none.
template <class Try>
void* retry_with_handler(Try try_once) {
  for (;;) {
    if (void* p = try_once()) return p;
    std::new_handler h = std::get_new_handler();
    if (!h) throw std::bad_alloc();
    h();
  }
}

void* allocate(std::size_t n) {
  return retry_with_handler([n] { return scalable_malloc(n ? n : 1); });
}

void* allocate_aligned(std::size_t n, std::align_val_t a) {
  return retry_with_handler([n, a] { return scalable_aligned_malloc(n ? n : 1, static_cast<std::size_t>(a)); });
}

template <class F>
void* or_null(F f) noexcept {
  try {
    return f();
  } catch (...) {
    return nullptr;
  }
}

}  // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return or_null([n] { return allocate(n); }); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return or_null([n] { return allocate(n); }); }
void operator delete(void* p) noexcept { scalable_free(p); }
void operator delete[](void* p) noexcept { scalable_free(p); }
void operator delete(void* p, std::size_t) noexcept { scalable_free(p); }
void operator delete[](void* p, std::size_t) noexcept { scalable_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { scalable_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { scalable_free(p); }

void* operator new(std::size_t n, std::align_val_t a) { return allocate_aligned(n, a); }
void* operator new[](std::size_t n, std::align_val_t a) { return allocate_aligned(n, a); }
void* operator new(std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return or_null([n, a] { return allocate_aligned(n, a); });
}
void* operator new[](std::size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return or_null([n, a] { return allocate_aligned(n, a); });
}
void operator delete(void* p, std::align_val_t) noexcept { scalable_aligned_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { scalable_aligned_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { scalable_aligned_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { scalable_aligned_free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { scalable_aligned_free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { scalable_aligned_free(p); }
